/**
 * One window's state: the stores of the view, the data, the selection, the analysis panel, the
 * event's drawing and the ROOT import, made together by `createAppStores` (vanilla zustand stores,
 * no module-level instance). The app's provider makes one set per window; a test makes its own.
 * React reaches them through the provider's hooks (useView, useData, …); code outside React takes
 * the set as an argument.
 */
import type { StoreApi } from 'zustand/vanilla';
import { createViewStore, type StorageOf, type ViewState } from './view-store';
import { createDataStore, type DataState } from './data-store';
import { createSelectionStore, type SelectionState } from './selection-store';
import { createAnalysisStore, type AnalysisState } from './analysis-store';
import { createEventDisplayStore, type EventDisplayState } from './event-display-store';
import { createRootImportStore, type RootImportState } from './root-import-store';
import { createWorkspaceStore, type WorkspaceState } from '../workspace/workspace-store';
import { createScene3DStore, type Scene3DState } from './scene3d-store';
import { createAutoplayStore, type AutoplayState } from './autoplay-store';

export interface AppStores {
  readonly view: StoreApi<ViewState>;
  readonly data: StoreApi<DataState>;
  readonly selection: StoreApi<SelectionState>;
  readonly analysis: StoreApi<AnalysisState>;
  readonly eventDisplay: StoreApi<EventDisplayState>;
  readonly rootImport: StoreApi<RootImportState>;
  /** the panels on screen and the live views in them (issue 17) */
  readonly workspace: StoreApi<WorkspaceState>;
  readonly scene3d: StoreApi<Scene3DState>;
  readonly autoplay: StoreApi<AutoplayState>;
}

export interface AppStoreOptions {
  /**
   * Where the persisted settings (view 'na62-view', event drawing 'na62-event-display', analysis
   * panel 'na62-analysis') are kept; localStorage unless a test gives its own.
   */
  readonly storage?: StorageOf;
}

export function createAppStores(o: AppStoreOptions = {}): AppStores {
  const storage = o.storage ?? (() => localStorage);
  const view = createViewStore(storage);
  return {
    view,
    data: createDataStore(),
    selection: createSelectionStore(),
    analysis: createAnalysisStore(storage),
    eventDisplay: createEventDisplayStore(storage),
    rootImport: createRootImportStore(),
    workspace: createWorkspaceStore(view),
    scene3d: createScene3DStore(storage),
    autoplay: createAutoplayStore(storage),
  };
}

/** Settings kept in memory only (tests, a window that must not share the saved settings). */
export function memoryStorage(): StorageOf {
  const items = new Map<string, string>();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => { items.set(k, v); },
    removeItem: (k: string) => { items.delete(k); },
  };
  return () => storage;
}
