/** What a view reports to its HTML overlays each frame: label positions and scale bars (one store per view, owned by its LiveView). */
import { createStore } from 'zustand/vanilla';
import type { PlacedLabel } from '../display/label-layout';
import type { ScaleBar } from '../display/scale-bar';
import type { ScaleBars } from '../display/scale-bars';
export type { ScaleBars } from '../display/scale-bars';

export interface OverlayState {
  labels: readonly PlacedLabel[];
  bars: ScaleBars;
  set(labels: readonly PlacedLabel[], bars: ScaleBars): void;
}

const sameLabels = (a: readonly PlacedLabel[], b: readonly PlacedLabel[]) =>
  a.length === b.length && a.every((l, i) => l.id === b[i]!.id && Math.abs(l.x - b[i]!.x) < 0.5 && Math.abs(l.y - b[i]!.y) < 0.5);
const sameBar = (a?: ScaleBar, b?: ScaleBar) => (!a && !b) || (!!a && !!b && a.mm === b.mm && Math.abs(a.px - b.px) < 0.5);

export const createOverlayStore = () => createStore<OverlayState>()((set, get) => ({
  labels: [],
  bars: {},
  set(labels, bars) {
    const s = get();
    const labelsChanged = !sameLabels(s.labels, labels);
    const barsChanged = !sameBar(s.bars.horizontal, bars.horizontal) || !sameBar(s.bars.vertical, bars.vertical) || s.bars.note !== bars.note
      || s.bars.horizontal?.axis !== bars.horizontal?.axis || s.bars.vertical?.axis !== bars.vertical?.axis;
    if (labelsChanged || barsChanged) set({ ...(labelsChanged ? { labels } : {}), ...(barsChanged ? { bars } : {}) });
  },
}));
