/** The CDA_TAX inset a view shows (display/tax-inset.ts), reported each frame (one store per view, owned by its LiveView). */
import { createStore } from 'zustand/vanilla';
import type { TaxInset } from '../display/tax-inset';

/** `set` says whether it moved: the element labels, laid out around it, then need another frame. */
export interface TaxInsetState { inset: TaxInset | undefined; set(i: TaxInset | undefined): boolean }

const same = (a: TaxInset | undefined, b: TaxInset | undefined) =>
  (!a && !b) || (!!a && !!b && a.title === b.title && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5
    && Math.abs(a.anchor.x - b.anchor.x) < 0.5 && Math.abs(a.anchor.y - b.anchor.y) < 0.5 && a.bar.mm === b.bar.mm
    && Math.abs(a.source.x0 - b.source.x0) < 0.5 && Math.abs(a.source.y0 - b.source.y0) < 0.5 && Math.abs(a.source.x1 - b.source.x1) < 0.5);

export const createTaxInsetStore = () => createStore<TaxInsetState>()((set, get) => ({
  inset: undefined,
  set(i) {
    const changed = !same(get().inset, i);
    if (changed) set({ inset: i });
    return changed;
  },
}));
