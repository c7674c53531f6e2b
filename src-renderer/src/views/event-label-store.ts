/** The event's on-screen annotation (the CDA_TAX value at its segment), reported by the 3D view each frame. */
import { create } from 'zustand';

export interface EventLabel { readonly x: number; readonly y: number; readonly text: string }

/** `set` says whether the label moved: the element labels, laid out around it, then need another frame. */
export const useEventLabelStore = create<{ label: EventLabel | undefined; set(l: EventLabel | undefined): boolean }>()((set, get) => ({
  label: undefined,
  set(l) {
    const c = get().label;
    const same = (!c && !l) || (!!c && !!l && c.text === l.text && Math.abs(c.x - l.x) < 0.5 && Math.abs(c.y - l.y) < 0.5);
    if (!same) set({ label: l });
    return !same;
  },
}));
