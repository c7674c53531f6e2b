/**
 * The app's per-window objects, made in one provider: the engine API, the engine calls bound to
 * it (no module-level `api`), and the live view the export and the test hooks read. A test or a second window mounts its own provider
 * and gets its own.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import { LiveView } from '../views/live-view';
import { createDataActions } from './data-store';
import { createSelectionActions } from './selection-store';

/** The engine calls of the data and selection sides, bound to this window's API. */
export type AppActions = ReturnType<typeof createDataActions> & ReturnType<typeof createSelectionActions>;

export interface AppContextValue {
  readonly api: Na62Api;
  readonly live: LiveView;
  readonly actions: AppActions;
}

const AppContext = createContext<AppContextValue | undefined>(undefined);

export function AppProvider({ api, children }: { api: Na62Api; children: ReactNode }) {
  const value = useMemo<AppContextValue>(() => ({ api, live: new LiveView(), actions: { ...createDataActions(api), ...createSelectionActions(api) } }), [api]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('AppProvider is missing above this component');
  return v;
}

/** The live view of this window (R3F components reach it through the context bridge of the Canvas). */
export const useLiveView = (): LiveView => useAppContext().live;
export const useApi = (): Na62Api => useAppContext().api;
/** The engine calls (show an event, open data, run the selection, blinding) of this window. */
export const useActions = (): AppActions => useAppContext().actions;
