/** The selection side of the UI: the catalogue of presets, what the user set, the last result, blinding. */
import { createStore } from 'zustand/vanilla';
import type { Na62Api, SelectionCatalogue } from '../../../src-shared/api/contract';
import type { PresetId, SelectionConfigInput, SelectionResult } from '../../../src-shared/selection/types';
import type { AppStores } from './app-stores';
import type { SortState } from './navigation';
import type { BlindingState, BlindStage } from '../../../src-shared/selection/blinding';

/**
 * How far the current analysis is open on the current dataset: 'none' where blinding does not
 * apply (pure simulation); unknown counts as blind.
 */
export function blindStageOf(s: Pick<SelectionState, 'blinding' | 'preset'>): BlindStage | 'none' {
  if (!s.blinding) return 'blind';
  return s.blinding.applies ? s.blinding.stages[s.preset] : 'none';
}
/** Is anything of the current analysis still masked? */
export const isBlind = (s: Pick<SelectionState, 'blinding' | 'preset'>): boolean => { const st = blindStageOf(s); return st === 'blind' || st === 'cr'; };
/** The badge's colour class: green while blind, amber with the CR open, red with both open, grey for simulation. */
export const BLIND_CLASS: Record<BlindStage | 'none', string> = { blind: 'blind', cr: 'partial', sr: 'open', none: 'none' };
export const BLIND_BADGE: Record<BlindStage | 'none', string> = { blind: 'BLIND', cr: 'CR UNBLINDED', sr: 'UNBLINDED', none: 'SIMULATION · NOT BLIND' };

export interface SelectionState {
  catalogue: SelectionCatalogue | undefined;
  preset: PresetId;
  params: Record<string, number | string>;
  disabled: string[];
  expressions: string;
  expressionError: string | undefined;
  running: string | undefined;
  result: SelectionResult | undefined;
  resultDataset: string | undefined;
  /** the current dataset's blinding (per analysis, in stages); undefined until the engine said */
  blinding: BlindingState | undefined;
  error: string | undefined;
  /** the candidate table's order (stepping follows it) */
  sort: SortState | undefined;
  /** step through the candidates (else through every event of the file) */
  walkCandidates: boolean;
  /** variables to list with each candidate beyond the preset's key variables (plots on demand) */
  keep: string[];
  /** a range brushed in an analysis plot: the candidate list (and stepping) keeps only these events */
  brush: CandidateBrush | undefined;

  /** a preset starts from its own defaults: no parameters changed, no cut switched off */
  choosePreset(preset: PresetId): void;
  setParam(name: string, value: number | string): void;
  setCutEnabled(cut: string, enabled: boolean): void;
  /** click on a column: sort by it, or reverse the order when it is already the key */
  sortBy(key: SortState['key']): void;
  setWalkCandidates(on: boolean): void;
  setBrush(brush: CandidateBrush | undefined): void;
  /** list these variables with each candidate too */
  keepVariables(names: readonly string[]): void;
}

export interface CandidateBrush {
  /** the plot it was drawn in, and the range in that plot's display units */
  readonly plot: string;
  readonly range: { readonly x: readonly [number, number]; readonly y?: readonly [number, number] };
  /** what it says, for the list's header ("m_mumu in [300, 420] MeV/c²") */
  readonly label: string;
  /** event indices (in the dataset) inside the range */
  readonly events: ReadonlySet<number>;
}

export const createSelectionStore = () => createStore<SelectionState>()((set) => ({
  catalogue: undefined, preset: 'dump-mumu', params: {}, disabled: [], expressions: '', expressionError: undefined,
  running: undefined, result: undefined, resultDataset: undefined, blinding: undefined, error: undefined, sort: undefined, walkCandidates: true,
  keep: [], brush: undefined,
  choosePreset: (preset) => set({ preset, params: {}, disabled: [] }),
  setParam: (name, value) => set((s) => ({ params: { ...s.params, [name]: value } })),
  setCutEnabled: (cut, enabled) => set((s) => ({ disabled: enabled ? s.disabled.filter((x) => x !== cut) : [...s.disabled, cut] })),
  sortBy: (key) => set((s) => ({ sort: s.sort?.key === key ? { key, dir: s.sort.dir === 1 ? -1 : 1 } : { key, dir: 1 } })),
  setWalkCandidates: (walkCandidates) => set({ walkCandidates }),
  setBrush: (brush) => set({ brush }),
  keepVariables: (names) => set((s) => ({ keep: [...new Set([...s.keep, ...names])] })),
}));

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const expressionsOf = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** The selection as the panel sets it up, as the engine takes it. */
const selectionConfig = (s: SelectionState): SelectionConfigInput =>
  ({ preset: s.preset, params: s.params, disabled: s.disabled, expressions: expressionsOf(s.expressions), keep: s.keep });

/** The selection side's engine calls, bound to one API (made by the app's provider): run, blinding, exports. */
export function createSelectionActions(api: Na62Api, stores: AppStores, onStageChange?: (stage: BlindStage) => Promise<void> | void) {
  /** The presets and variables the engine offers, and the current dataset's blinding. */
  async function loadCatalogue(): Promise<void> {
    stores.selection.setState({ catalogue: await api.selectionCatalogue() });
    await refreshBlinding();
  }

  /** Ask for the blinding again whenever the current dataset changes; returns the unsubscribe. */
  function followDataset(): () => void {
    return stores.data.subscribe((d, prev) => { if (d.current !== prev.current) void refreshBlinding(); });
  }

  /** Ask the engine for the current dataset's blinding (after a dataset switch or a step of unblinding). */
  async function refreshBlinding(identify = false): Promise<BlindingState | undefined> {
    const dataset = stores.data.getState().current;
    if (!dataset) { stores.selection.setState({ blinding: undefined }); return undefined; }
    try {
      const blinding = await api.blinding(dataset, identify);
      // the answer is for the dataset asked about; the user may have switched meanwhile
      if (stores.data.getState().current === dataset) stores.selection.setState({ blinding });
      return blinding;
    } catch (e) {
      stores.selection.setState({ blinding: undefined, error: message(e) });
      return undefined;
    }
  }


  async function checkExpressions(text: string): Promise<void> {
    stores.selection.setState({ expressions: text });
    for (const [k, e] of expressionsOf(text).entries()) {
      const err = await api.checkExpression(e);
      if (err) { stores.selection.setState({ expressionError: `line ${k + 1}: ${err}` }); return; }
    }
    stores.selection.setState({ expressionError: undefined });
  }


  async function runCurrentSelection(): Promise<void> {
    const s = stores.selection.getState();
    const dataset = stores.data.getState().current;
    if (!dataset || s.running) return;
    const taskId = `sel-${Date.now().toString(36)}`;
    stores.selection.setState({ running: taskId, error: undefined });
    try {
      const result = await api.runSelection({ taskId, dataset, selection: selectionConfig(s) });
      stores.selection.setState({ result, resultDataset: dataset, running: undefined, brush: undefined });
    } catch (e) {
      stores.selection.setState({ error: message(e), running: undefined });
    }
  }

  /** Move the current analysis on the current dataset to a stage (opening needs the typed phrase); reruns the selection. */
  async function setBlindStage(stage: BlindStage, confirm?: string): Promise<string | undefined> {
    const dataset = stores.data.getState().current;
    if (!dataset) return 'no dataset open';
    try {
      const blinding = await api.setBlinding({ dataset, preset: stores.selection.getState().preset, stage, ...(confirm ? { confirm } : {}) });
      stores.selection.setState({ blinding });
      await onStageChange?.(stage);
      if (stores.selection.getState().result) await runCurrentSelection();
      return undefined;
    } catch (e) {
      return message(e);
    }
  }

  async function exportResult(format: 'csv' | 'json'): Promise<string | undefined> {
    const dataset = stores.selection.getState().resultDataset;
    if (!dataset) return undefined;
    try {
      const r = await api.exportSelection(dataset, format);
      return r.saved ? `Saved ${r.path}` : 'Export cancelled';
    } catch (e) {
      stores.selection.setState({ error: message(e) });
      return undefined;
    }
  }

  /** Reload a saved candidate list and show it against the current dataset. */
  async function loadCandidateList(): Promise<void> {
    const dataset = stores.data.getState().current;
    if (!dataset) return;
    try {
      const result = await api.loadCandidateList();
      if (result) stores.selection.setState({ result, resultDataset: dataset, preset: result.selection.preset, error: undefined, brush: undefined });
    } catch (e) {
      stores.selection.setState({ error: message(e) });
    }
  }

  /** The current selection, as set up, on another dataset (a background sample for the plots). */
  async function runSelectionOn(dataset: string): Promise<SelectionResult> {
    const s = stores.selection.getState();
    return api.runSelection({
      taskId: `bg-${Date.now().toString(36)}`, dataset,
      selection: selectionConfig(s),
    });
  }

  return { loadCatalogue, followDataset, refreshBlinding, checkExpressions, runCurrentSelection, setBlindStage, exportResult, loadCandidateList, runSelectionOn };
}
export type SelectionActions = ReturnType<typeof createSelectionActions>;
