/**
 * The user's place, kept across restarts and renderer crashes: the dataset, the event, the
 * selection as set up (re-run on restore if it had been run; blinding is never restored — the
 * engine starts blind) and the view. Reported to the host on every change, debounced.
 */
import type { BlindingState } from '../../../src-shared/selection/blinding';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { SessionReport, StoredSession } from '../../../src-shared/session/session-state';
import type { AppActions } from './AppProvider';
import type { AppStores } from './app-stores';
import type { WorkspaceData } from '../../../src-shared/workspace/layout-file';
import { applyWorkspace, sessionWorkspace } from '../workspace/workspace-store';

const SAVE_DELAY_MS = 200;

const unblindedAnywhere = (s: { blinding: BlindingState | undefined }) => !!s.blinding?.applies && Object.values(s.blinding.stages).some((x) => x !== 'blind');

/** Where the user is now, as the host stores it. */
export function sessionReport(stores: AppStores): SessionReport {
  const d = stores.data.getState();
  const s = stores.selection.getState();
  const v = stores.view.getState();
  const ds = d.datasets.find((x) => x.id === d.current);
  // the panels and every view's pose (issue 17)
  const ws = sessionWorkspace(stores);
  return {
    ...(ds ? { dataset: { id: ds.id, name: ds.name } } : {}),
    // while an analysis of the dataset is open, the event shown may lie in a region that is masked
    // again at the next start (blinding is never restored): the session must not record which it was
    index: ds && !unblindedAnywhere(s) ? d.index : 0,
    selection: {
      preset: s.preset, params: s.params, disabled: s.disabled, expressions: s.expressions,
      ...(s.sort ? { sort: s.sort } : {}),
      walkCandidates: s.walkCandidates,
      ...(s.keep.length ? { keep: s.keep } : {}),
      ran: Boolean(s.result && ds && s.resultDataset === ds.id),
    },
    view: { mode: v.mode, compression: v.compression, shown: v.shown, labels: v.labels, theme: v.theme, beamStation: v.beamStation, ...(v.camera ? { camera: v.camera } : {}) },
    ...(ws ? { workspace: ws } : {}),
  };
}

function applySettings(stores: AppStores, session: StoredSession): void {
  if (session.view) {
    const { camera: _camera, mode, beamStation, ...shared } = session.view;
    stores.view.setState(shared);
    // a session from before the workspace: its one view's mode goes to the active view
    if (!session.workspace) {
      const v = stores.view.getState();
      v.setBeamStation(beamStation);
      v.setMode(mode);
    }
  }
  if (session.workspace) stores.workspace.setState({ saved: session.workspace.saved });
  const sel = session.selection;
  if (sel) {
    stores.selection.setState({
      preset: sel.preset, params: sel.params, disabled: sel.disabled, expressions: sel.expressions,
      sort: sel.sort, walkCandidates: sel.walkCandidates, keep: sel.keep ?? [],
    });
  }
}

/** Bring the user back to the saved place; returns what could not be restored, if anything. */
export async function restoreSession(api: Na62Api, stores: AppStores, actions: Pick<AppActions, 'showEvent' | 'runCurrentSelection'>): Promise<string | undefined> {
  let restore;
  try {
    restore = await api.loadSession();
  } catch (e) {
    return `the saved session could not be read: ${e instanceof Error ? e.message : String(e)}`;
  }
  const { session, dataset, problem } = restore;
  if (!session) return problem ?? undefined;
  applySettings(stores, session);
  if (dataset) {
    stores.data.setState((s) => ({ datasets: [...s.datasets.filter((x) => x.id !== dataset.id), dataset], current: dataset.id }));
    if (session.selection?.ran) await actions.runCurrentSelection();
    await actions.showEvent(session.index);
  }
  // the panels and cameras last, once the panels the restore opened have laid out (two frames): the user's poses, not fits
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ws = session.workspace?.current;
  let wsProblem: string | undefined;
  if (ws) wsProblem = restoreWorkspace(stores, ws);
  else if (session.view?.camera) {
    const active = stores.workspace.getState().views.active();
    active?.store.setState((s) => ({ pendingCamera: session.view!.camera, fitRequest: s.fitRequest + 1, fitTarget: undefined }));
  }
  return problem ?? wsProblem;
}

/**
 * The saved workspace back on screen. The same panels as on screen now (a reload): only the poses
 * are given back, so no canvas is rebuilt; other panels: the whole arrangement.
 */
function restoreWorkspace(stores: AppStores, ws: WorkspaceData): string | undefined {
  const { dock, views } = stores.workspace.getState();
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (dock && same(dock.panels.map((p) => p.id), Object.keys(ws.dock.panels))) {
    views.seed(ws.views);
    stores.workspace.setState({ layoutName: ws.name });
    return undefined;
  }
  return applyWorkspace(stores, ws);
}

/** Report every change of place to the host (after the restore, so the start never overwrites it). */
export function autosaveSession(api: Na62Api, stores: AppStores, onError: (message: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = JSON.stringify(sessionReport(stores));
  const flush = () => {
    timer = undefined;
    const report = sessionReport(stores);
    const text = JSON.stringify(report);
    if (text === last) return;
    last = text;
    api.saveSession(report).catch((e: unknown) => onError(`the session could not be saved: ${e instanceof Error ? e.message : String(e)}`));
  };
  const schedule = () => { if (timer === undefined) timer = setTimeout(flush, SAVE_DELAY_MS); };
  const unsubs = [stores.data.subscribe(schedule), stores.selection.subscribe(schedule), stores.view.subscribe(schedule), stores.workspace.subscribe(schedule), stores.workspace.getState().views.state.subscribe(schedule)];
  const onHide = () => { if (timer !== undefined) { clearTimeout(timer); flush(); } };
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubs.forEach((u) => u());
    window.removeEventListener('pagehide', onHide);
    if (timer !== undefined) clearTimeout(timer);
  };
}
