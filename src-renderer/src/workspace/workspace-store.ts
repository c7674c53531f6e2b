/**
 * The window's workspace (issue 17): the dock on screen, the live views in it, the layout's name and
 * the user's saved layouts. `captureWorkspace(stores)` and `applyWorkspace(stores, workspace)` are
 * the one way in and out of a workspace (the session, the `.na62layout` file and the share-a-view
 * file all go through them).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DockviewApi, SerializedDockview } from 'dockview-react';
import type { SessionWorkspace, WorkspaceData } from '../../../src-shared/workspace/layout-file';
import { ViewRegistry } from '../views/view-registry';
import type { ViewState } from '../state/view-store';
import type { ViewPose } from '../state/viewport-store';
import { applyBuiltInLayout, isBuiltInLayout, VIEW_TITLES, type BuiltInLayout } from './layouts';

export interface WorkspaceState {
  /** the window's live views (each view panel registers) */
  readonly views: ViewRegistry;
  /** the dock, once mounted */
  dock: DockviewApi | undefined;
  /** the layout last chosen (a built-in id or a saved layout's name) */
  layoutName: string;
  /** the user's layouts, saved with the session */
  saved: WorkspaceData[];
  /** bumped on every change of the panels' arrangement (the session saves then) */
  revision: number;
  /** a command asked the layout picker to save, export or import a layout (n: which asking) */
  request: { kind: 'save' | 'export' | 'import'; n: number } | undefined;
}

export function createWorkspaceStore(view: StoreApi<ViewState>): StoreApi<WorkspaceState> {
  return createStore<WorkspaceState>()(() => ({ views: new ViewRegistry(view), dock: undefined, layoutName: 'inspect', saved: [], revision: 0, request: undefined }));
}

interface HasWorkspace { readonly workspace: StoreApi<WorkspaceState>; readonly view: StoreApi<ViewState> }

/** The workspace on screen: the dock's arrangement and every view's pose, under a name. */
export function captureWorkspace(stores: HasWorkspace, name = stores.workspace.getState().layoutName): WorkspaceData | undefined {
  const { dock, views } = stores.workspace.getState();
  if (!dock || dock.panels.length === 0) return undefined;
  const json = dock.toJSON() as unknown as WorkspaceData['dock'];
  const ids = new Set(dock.panels.filter((p) => p.api.component === 'view').map((p) => p.id));
  const poses = Object.fromEntries(Object.entries(views.poses()).filter(([id]) => ids.has(id)));
  return { name, dock: json, views: poses };
}

/**
 * Put a workspace on screen: the views take their poses (cameras instead of a fit), the dock its
 * arrangement. A workspace dockview refuses leaves the previous one on screen and says why.
 */
export function applyWorkspace(stores: HasWorkspace, w: WorkspaceData): string | undefined {
  const { dock, views } = stores.workspace.getState();
  if (!dock) return 'the workspace is not ready yet';
  const before = dock.toJSON();
  views.seed(w.views, { remount: true });
  try {
    dock.fromJSON(w.dock as unknown as SerializedDockview);
  } catch (e) {
    try { dock.fromJSON(before); } catch { /* the previous arrangement came from dockview itself */ }
    return `layout "${w.name}" could not be laid out: ${e instanceof Error ? e.message : String(e)}`;
  }
  stores.workspace.setState((s) => ({ layoutName: w.name, revision: s.revision + 1 }));
  return undefined;
}

/** A built-in layout (by id) or a saved one (by name). */
export function chooseLayout(stores: HasWorkspace, name: string): string | undefined {
  const { dock, saved } = stores.workspace.getState();
  if (!dock) return 'the workspace is not ready yet';
  if (isBuiltInLayout(name)) {
    applyBuiltInLayout(dock, name, stores.view.getState().mode);
    stores.workspace.setState((s) => ({ layoutName: name, revision: s.revision + 1 }));
    return undefined;
  }
  const w = saved.find((x) => x.name === name);
  return w ? applyWorkspace(stores, w) : `no layout called "${name}"`;
}

/** Save the workspace on screen under a name (replacing a saved layout of that name). */
export function saveLayoutAs(stores: HasWorkspace, name: string): string | undefined {
  const n = name.trim().slice(0, 60);
  if (!n) return 'a layout needs a name';
  if (isBuiltInLayout(n)) return `"${n}" is a built-in layout: choose another name`;
  const w = captureWorkspace(stores, n);
  if (!w) return 'the workspace is not ready yet';
  stores.workspace.setState((s) => ({ saved: [...s.saved.filter((x) => x.name !== n), w], layoutName: n, revision: s.revision + 1 }));
  return undefined;
}

/** One more view panel, beside the active view (as a tab of its group), showing what the active view shows. */
export function addView(stores: HasWorkspace): string | undefined {
  const { dock, views } = stores.workspace.getState();
  if (!dock) return 'the workspace is not ready yet';
  let n = 1;
  while (dock.getPanel(`view-${n}`)) n++;
  const active = views.active();
  const mode = active?.store.getState().mode ?? stores.view.getState().mode;
  const beamStation = active?.store.getState().beamStation ?? stores.view.getState().beamStation;
  dock.addPanel({
    id: `view-${n}`, component: 'view', title: VIEW_TITLES[mode], params: { mode, beamStation },
    position: active && dock.getPanel(active.id) ? { referencePanel: active.id, direction: 'right' } : { direction: 'right' },
  });
  return undefined;
}

/**
 * Give the active view a pose: its mode and station, and the camera instead of its next fit (a
 * saved view of one view, a session from before the workspace). No view mounted: the next one takes it.
 */
export function applyActiveViewPose(stores: HasWorkspace, pose: ViewPose): void {
  const { views } = stores.workspace.getState();
  const active = views.active();
  if (active) views.seed({ [active.id]: pose });
  else stores.view.setState({ mode: pose.mode, beamStation: pose.beamStation });
}

/** What the session keeps of the workspace. */
export function sessionWorkspace(stores: HasWorkspace): SessionWorkspace | undefined {
  const current = captureWorkspace(stores);
  return current ? { current, saved: stores.workspace.getState().saved } : undefined;
}

export type { BuiltInLayout };
