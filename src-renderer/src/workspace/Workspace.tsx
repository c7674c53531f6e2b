/**
 * The tiling workspace (issue 17), laid out by dockview: view panels (each its own live view),
 * the controls column, the candidate table, the event & element info and the analysis plots.
 * Splitters resize, tabs move and stack; only visible panels draw. The dock's API goes into the
 * workspace store, where the layout picker, the commands, the session and the layout files reach it.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { DockviewReact, themeDark, themeLight, type DockviewReadyEvent, type IDockviewPanelProps } from 'dockview-react';
import 'dockview-react/dist/styles/dockview.css';
import { useAnalysis, useData, useSelection, useStores, useView } from '../state/AppProvider';
import { DataPanel } from '../panels/DataPanel';
import { EventDisplayPanel } from '../panels/EventDisplayPanel';
import { SelectionPanel } from '../panels/SelectionPanel';
import { ElementPanel } from '../panels/ElementPanel';
import { CandidateTable } from '../panels/CandidateTable';
import { InfoPanel } from '../panels/InfoPanel';
import { ViewPanel } from './ViewPanel';
import { useWorkspaceContext, WorkspaceContext, type WorkspaceContextValue } from './WorkspaceContext';
import { applyBuiltInLayout, isBuiltInLayout, type BuiltInLayout } from './layouts';

const AnalysisPanel = lazy(() => import('../panels/AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })));

function ControlsPanel() {
  const { model } = useWorkspaceContext();
  return (
    <div className="side-panel controls-panel">
      <DataPanel />
      <EventDisplayPanel />
      <SelectionPanel />
      {model && <ElementPanel model={model} />}
    </div>
  );
}

function AnalysisHost() {
  const { api, onMessage } = useWorkspaceContext();
  const current = useData((s) => s.current);
  const haveResult = useSelection((s) => !!s.result && s.resultDataset === current);
  if (!haveResult) return <div className="side-panel muted small">Run a selection (Controls → Selection → Run) for its plots.</div>;
  return <Suspense fallback={null}><AnalysisPanel api={api} onMessage={onMessage} /></Suspense>;
}

function InfoHost() {
  return <InfoPanel model={useWorkspaceContext().model} />;
}

const COMPONENTS: Record<string, React.FunctionComponent<IDockviewPanelProps>> = {
  view: ViewPanel as React.FunctionComponent<IDockviewPanelProps>,
  controls: ControlsPanel,
  candidates: CandidateTable,
  info: InfoHost,
  analysis: AnalysisHost,
};

/** The layout a fresh window opens with: `?layout=` (tests, links), else "inspect". */
export function initialLayout(search = window.location.search): BuiltInLayout {
  const asked = new URLSearchParams(search).get('layout');
  return isBuiltInLayout(asked) ? asked : 'inspect';
}

export function Workspace({ api, model, onMessage, unmerged }: WorkspaceContextValue) {
  const stores = useStores();
  const theme = useView((s) => s.theme);
  const value = useMemo(() => ({ api, model, onMessage, unmerged }), [api, model, onMessage, unmerged]);
  const onReady = (e: DockviewReadyEvent) => {
    const dock = e.api;
    const layout = initialLayout();
    applyBuiltInLayout(dock, layout, stores.view.getState().mode);
    if (layout === 'analysis') stores.analysis.setState({ open: true });
    stores.workspace.setState({ dock, layoutName: layout });
    dock.onDidLayoutChange(() => stores.workspace.setState((s) => ({ revision: s.revision + 1 })));
    dock.onDidActivePanelChange(({ panel }) => { if (panel?.api.component === 'view') stores.workspace.getState().views.activate(panel.id); });
  };
  useAutoAnalysisPanel();
  return (
    <WorkspaceContext.Provider value={value}>
      <div className="workspace" data-testid="workspace">
        <DockviewReact components={COMPONENTS} onReady={onReady} theme={theme === 'dark' ? themeDark : themeLight} disableFloatingGroups />
      </div>
    </WorkspaceContext.Provider>
  );
}

/**
 * `p` (and a selection's first result) opens the analysis plots as a column on the right where the
 * layout has none, as the app did before it had a workspace; closing the plots removes the panel.
 */
function useAutoAnalysisPanel(): void {
  const stores = useStores();
  const current = useData((s) => s.current);
  const want = useAnalysis((s) => s.open);
  const haveResult = useSelection((s) => !!s.result && s.resultDataset === current);
  const dock = useStore(stores.workspace, (s) => s.dock);
  useEffect(() => {
    if (!dock) return;
    const panel = dock.getPanel('analysis');
    if (want && haveResult && !panel) {
      dock.addPanel({ id: 'analysis', component: 'analysis', title: 'Analysis plots', position: { direction: 'right' }, initialWidth: 452 });
    } else if (!want && panel) dock.removePanel(panel);
  }, [dock, want, haveResult]);
}
