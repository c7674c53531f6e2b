/**
 * The app's per-window objects, made in one provider: the engine API, the window's stores
 * (createAppStores: view, data, selection, analysis, event drawing, ROOT import), the engine calls
 * bound to both (no module-level `api` or store), and the live view the export and the test hooks
 * read. A test or a second window mounts its own provider (or passes its own stores) and gets its own.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { LiveView } from '../views/live-view';
import type { ViewRegistry } from '../views/view-registry';
import { ViewportContext } from '../views/ViewportContext';
import type { ViewportState } from './viewport-store';
import { createDataActions, isBlindedEventError } from './data-store';
import type { BlindStage } from '../../../src-shared/selection/blinding';
import { createSelectionActions } from './selection-store';
import { createAppStores, type AppStores } from './app-stores';

export type { AppStores };

/** The engine calls of the data and selection sides, bound to this window's API and stores. */
export type AppActions = ReturnType<typeof createDataActions> & ReturnType<typeof createSelectionActions>;

export interface AppContextValue {
  readonly api: Na62Api;
  readonly stores: AppStores;
  /** the window's live views (issue 17: several at once) and which one is active */
  readonly views: ViewRegistry;
  readonly actions: AppActions;
}

/** The engine calls of one window, on its stores. */
export function createAppActions(api: Na62Api, stores: AppStores): AppActions {
  const data = createDataActions(api, stores);
  // when an analysis changes stage, the event on show is asked for again where the answer may differ:
  // one refused while blind may now be shown, and one shown is masked again when its region closes
  const reshow = (stage: BlindStage) => {
    const d = stores.data.getState();
    if (d.current && (stage === 'blind' || (!d.event && isBlindedEventError(d.error)))) return data.showEvent(d.index);
  };
  return { ...data, ...createSelectionActions(api, stores, reshow) };
}

const AppContext = createContext<AppContextValue | undefined>(undefined);

/** `stores`: a set made elsewhere (a test); else the provider makes this window's own, once. */
export function AppProvider({ api, stores, children }: { api: Na62Api; stores?: AppStores; children: ReactNode }) {
  const [made] = useState(() => stores ?? createAppStores());
  const own = stores ?? made;
  const views = own.workspace.getState().views;
  const value = useMemo<AppContextValue>(() => ({ api, stores: own, views, actions: createAppActions(api, own) }), [api, own, views]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('AppProvider is missing above this component');
  return v;
}

/**
 * The live view of the view this component is in (R3F components reach it through the context
 * bridge of the Canvas); outside any view, the window's active view.
 */
export function useLiveView(): LiveView {
  const entry = useContext(ViewportContext);
  const views = useAppContext().views;
  useStore(views.state, (s) => s.activeId);
  return entry?.live ?? views.activeLive();
}
/** The window's registry of live views. */
export const useViews = (): ViewRegistry => useAppContext().views;

/** The state store of the view this component is in; outside any view, of the active view. */
export function useViewportStore(): StoreApi<ViewportState> {
  const entry = useContext(ViewportContext);
  const views = useAppContext().views;
  const activeId = useStore(views.state, (s) => s.activeId);
  return entry?.store ?? views.get(activeId)?.store ?? views.noView;
}

/** A slice of the state of the view this component is in; outside any view, of the active view. */
export function useViewport<T>(selector: (s: ViewportState) => T): T {
  return useStore(useViewportStore(), selector);
}
export const useApi = (): Na62Api => useAppContext().api;
/** The engine calls (show an event, open data, run the selection, blinding) of this window. */
export const useActions = (): AppActions => useAppContext().actions;
/** This window's stores, for event handlers and effects (getState, setState, subscribe) and for code outside React. */
export const useStores = (): AppStores => useAppContext().stores;

type StateOf<K extends keyof AppStores> = AppStores[K] extends StoreApi<infer S> ? S : never;

/** A slice of one of this window's stores; the component renders again when it changes. */
export function useAppStore<K extends keyof AppStores, T>(key: K, selector: (s: StateOf<K>) => T): T {
  const store = useAppContext().stores[key] as unknown as StoreApi<StateOf<K>>;
  return useStore<StoreApi<StateOf<K>>, T>(store, selector);
}

type Hook<S> = <T>(selector: (s: S) => T) => T;
export const useView: Hook<StateOf<'view'>> = (selector) => useAppStore('view', selector);
export const useData: Hook<StateOf<'data'>> = (selector) => useAppStore('data', selector);
export const useSelection: Hook<StateOf<'selection'>> = (selector) => useAppStore('selection', selector);
export const useAnalysis: Hook<StateOf<'analysis'>> = (selector) => useAppStore('analysis', selector);
export const useEventDisplay: Hook<StateOf<'eventDisplay'>> = (selector) => useAppStore('eventDisplay', selector);
export const useRootImport: Hook<StateOf<'rootImport'>> = (selector) => useAppStore('rootImport', selector);
export const useScene3D: Hook<StateOf<'scene3d'>> = (selector) => useAppStore('scene3d', selector);
export const useAutoplay: Hook<StateOf<'autoplay'>> = (selector) => useAppStore('autoplay', selector);
