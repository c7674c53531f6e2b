/**
 * Generate with the fast MC and apply a published selection in memory (no event file): the
 * weighted yields per region with their MC uncertainty, and the selected events themselves. Used by
 * the physics report (bench/physics-report.ts), the reach scan (reach.ts) and the unit tests.
 */
import type { Na62Event } from '../../src-shared/event/model';
import { encodeColumns } from '../io/codec';
import { createGenerator, type GeneratorConfigInput } from '../generator/generate';
import { computeVariables, type VariableColumns } from '../reco/variables';
import { classify, resolveSelection, type ResolvedSelection } from '../selection/run';
import type { SelectionConfigInput } from '../../src-shared/selection/types';

/** A weighted sum with its Poisson-like MC uncertainty √Σw². */
export interface WeightedCount { n: number; w: number; w2: number }
export const emptyCount = (): WeightedCount => ({ n: 0, w: 0, w2: 0 });
export const countError = (c: WeightedCount): number => Math.sqrt(c.w2);

export interface SelectedEvent {
  readonly event: Na62Event;
  readonly region: string;
  readonly vars: Readonly<Record<string, number>>;
}

export interface Measurement {
  readonly generated: number;
  /** every event that passes all cuts, and per region */
  readonly selected: WeightedCount;
  readonly regions: Record<string, WeightedCount>;
  readonly events: SelectedEvent[];
}

const add = (c: WeightedCount, w: number) => { c.n++; c.w += w; c.w2 += w * w; };

/**
 * Generate `cfg` in batches and select with `selection`; `keep` lists the variables to keep per
 * selected event (the event itself is kept with its truth when `cfg.truth`).
 */
export function measure(cfg: GeneratorConfigInput, selection: SelectionConfigInput | ResolvedSelection, opts: { keep?: readonly string[]; batch?: number; keepEvents?: boolean } = {}): Measurement {
  const sel = 'preset' in selection && typeof selection.preset === 'object' ? selection as ResolvedSelection : resolveSelection(selection as SelectionConfigInput);
  const gen = createGenerator(cfg);
  const n = gen.config.numEvents, batch = opts.batch ?? 4096;
  const out: Measurement = { generated: n, selected: emptyCount(), regions: {}, events: [] };
  for (const r of sel.preset.regions) out.regions[r.id] = emptyCount();
  const keep = opts.keep ?? [];
  for (let s = 0; s < n; s += batch) {
    const events = gen.events(s, Math.min(batch, n - s));
    const v: VariableColumns = computeVariables(encodeColumns(events, { strawHits: false, truth: false }));
    for (let i = 0; i < events.length; i++) {
      const c = classify(sel, v, i);
      if (c.passed !== sel.cuts.length) continue;
      const w = events[i]!.header.weight;
      add(out.selected, w);
      if (c.region) add(out.regions[c.region]!, w);
      if (opts.keepEvents !== false) {
        const vars: Record<string, number> = {};
        for (const k of keep) vars[k] = v[k as keyof VariableColumns][i]!;
        out.events.push({ event: events[i]!, region: c.region, vars });
      }
    }
  }
  return out;
}
