/** The event's on-screen annotation (the CDA_TAX value at its segment), reported by a view each frame (one store per view, owned by its LiveView). */
import { createStore } from 'zustand/vanilla';

export interface EventLabel { readonly x: number; readonly y: number; readonly text: string }

/** `set` says whether the label moved: the element labels, laid out around it, then need another frame. */
export interface EventLabelState { label: EventLabel | undefined; set(l: EventLabel | undefined): boolean }
export const createEventLabelStore = () => createStore<EventLabelState>()((set, get) => ({
  label: undefined,
  set(l) {
    const c = get().label;
    const same = (!c && !l) || (!!c && !!l && c.text === l.text && Math.abs(c.x - l.x) < 0.5 && Math.abs(c.y - l.y) < 0.5);
    if (!same) set({ label: l });
    return !same;
  },
}));
