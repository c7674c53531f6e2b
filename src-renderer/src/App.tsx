/** The app shell: connects to the engine, builds the detector once, lays out toolbar, panels and view. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, Na62Api } from '../../src-shared/api/contract';
import type { CommandId } from '../../src-shared/commands';
import { disposeDetectorModel, type DetectorModel } from './geometry/detector-model';
import { buildEarlyModel, modelFor } from './geometry/early-model';
import { mergeDatasets } from './state/data-store';
import { AppProvider, useActions, useRootImport, useStores, useView, useViews } from './state/AppProvider';
import { installExportHooks } from './export/hooks';
import { defaultSpec } from '../../src-shared/picture/picture-spec';
import { Toolbar } from './panels/Toolbar';
import { useAutoplayFollower } from './panels/AutoplayControls';
import { HelpOverlay } from './panels/HelpOverlay';
import { CommandPalette } from './panels/CommandPalette';
import { isModalOpen } from './panels/Modal';
import { runCommand } from './shortcuts/run-command';
import { useKeyboardShortcuts } from './shortcuts/useKeyboardShortcuts';
import { GenerateDialog } from './panels/GenerateDialog';
import { TaskBar } from './panels/TaskBar';
import { AntialiasToggle } from './panels/AntialiasToggle';
import { autosaveSession, restoreSession } from './state/session';
import { createViewCommands, isViewFileName } from './state/view-commands';
import { Workspace } from './workspace/Workspace';
import { LayoutPicker } from './workspace/LayoutPicker';

// What the first frame does not need loads when first shown (bench/startup.bench.mjs): the plots
// (workspace/Workspace.tsx), the export code and dialog, the ROOT import dialog
const ExportDialog = lazy(() => import('./panels/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportRootDialog = lazy(() => import('./panels/ImportRootDialog').then((m) => ({ default: m.ImportRootDialog })));

/** `?baseline=unmerged`: the benchmark's baseline, every part drawn on its own (never used by the UI). */
const UNMERGED_BASELINE = new URLSearchParams(window.location.search).get('baseline') === 'unmerged';

/** The app with its per-window objects (the live view, the API) made by one provider. */
export function App({ api }: { api: Na62Api }) {
  return <AppProvider api={api}><AppShell api={api} /></AppProvider>;
}

function AppShell({ api }: { api: Na62Api }) {
  const views = useViews();
  const actions = useActions();
  const stores = useStores();
  const { openWith, selectDataset } = actions;
  const [info, setInfo] = useState<AppInfo>();
  const [model, setModel] = useState<DetectorModel>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [generateOpen, setGenerateOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  // the export dialog mounts when first opened and stays (it keeps its form between openings)
  const [exportUsed, setExportUsed] = useState(false);
  if (exportOpen && !exportUsed) setExportUsed(true);
  const rootImport = useRootImport((s) => s.file);
  const [dragging, setDragging] = useState(false);
  const theme = useView((s) => s.theme);

  useEffect(() => actions.followProgress(), [actions]);
  useAutoplayFollower();
  // share a view: save/open .na62view files, copy a link, the view asked for at start
  const viewLinks = useMemo(() => createViewCommands(api, stores, actions, setMessage), [api, stores, actions]);
  useEffect(() => viewLinks.followViewLinks(), [viewLinks]);
  // pictures are of the active view (the one last clicked or focused)
  useEffect(() => installExportHooks(api, stores, () => views.activeLive(), actions), [api, stores, views, actions]);
  // the selection catalogue, and the blinding of whichever dataset is current
  const catalogueReady = useMemo(() => actions.loadCatalogue().catch(() => {}), [actions]);
  useEffect(() => actions.followDataset(), [actions]);

  // the app opens on the built-in demo data when nothing else is open, then goes back to where the
  // user was (a restart or a renderer crash), and from then on keeps that place saved
  useEffect(() => {
    if (!model) return;
    let stop: (() => void) | undefined;
    let active = true;
    void (async () => {
      const open = await api.listDatasets().catch(() => []);
      if (open.length) stores.data.setState({ datasets: open });
      else await openWith((a) => a.openDemo());
      await catalogueReady;
      const problem = await restoreSession(api, stores, actions);
      if (problem) setMessage(`Session: ${problem}`);
      // files the host had open at start (the command line) and no session of them: show the first
      const d = stores.data.getState();
      if (!d.current && d.datasets[0]) await selectDataset(d.datasets[0].id);
      // a view named at start (a .na62view file, --event/--view, the URL's #view=) wins over the session
      if (active) await viewLinks.applyStartupView();
      if (active) stop = autosaveSession(api, stores, setMessage);
      // the browser worker makes the rest of the demo once the first event is drawn: list it then
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const all = active ? await api.listDatasets().catch(() => []) : [];
      if (active) stores.data.setState((s) => ({ datasets: mergeDatasets(s.datasets, all) }));
    })();
    return () => { active = false; stop?.(); };
  }, [api, stores, model, catalogueReady, actions, openWith, selectDataset, viewLinks]);

  // drag and drop anywhere on the window
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file && isViewFileName(file.name)) void viewLinks.openViewFile(file);
      else if (file) void openWith((a) => a.openDroppedFile(file));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openWith, viewLinks]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  // a model replaced on screen is freed after the commit that shows its successor (the views' effects run first)
  const retired = useRef<DetectorModel[]>([]);
  useEffect(() => {
    for (const m of retired.current.splice(0)) if (m !== model) disposeDetectorModel(m);
  }, [model]);
  useEffect(() => {
    let active = true;
    let built: DetectorModel | undefined;
    let early: DetectorModel | undefined;
    (async () => {
      const asked = Promise.all([api.getInfo(), api.getDetector()]);
      // The model of the bundled description is read (or built) while the engine starts, and shown as
      // soon as it is ready: the engine's answer comes seconds later in the browser build, and its
      // description is the same build's. When the engine's description differs, its model replaces it.
      if (!UNMERGED_BASELINE) {
        void buildEarlyModel().then((m) => {
          if (!active || built) return;
          early = m;
          performance.mark('na62:model'); // start-up milestones for bench/startup-profile.mjs
          setModel(m);
        }, () => {});
      }
      performance.mark('na62:early-model');
      const [i, detector] = await asked;
      if (!active) return;
      const { model: m, discarded } = await modelFor(detector, { keepParts: UNMERGED_BASELINE });
      if (!active) { disposeDetectorModel(m); if (discarded && discarded !== early) disposeDetectorModel(discarded); return; } // (a shown early model: freed by the cleanup)
      built = m;
      if (m !== early) performance.mark('na62:model');
      // shown until now (another description): freed once the view has the engine's (the effect above)
      if (discarded) retired.current.push(discarded);
      setInfo(i);
      setModel(built);
    })().catch((e: unknown) => active && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      active = false;
      if (built) disposeDetectorModel(built);
      else if (early) disposeDetectorModel(early);
    };
  }, [api]);

  const savePng = useCallback(async () => {
    // the active view, as on screen
    const live = views.activeLive();
    const canvas = live.canvas;
    if (!canvas || busy) return;
    setBusy(true);
    setMessage(undefined);
    try {
      // the quick picture (Ctrl+S): this view at 1×–4× the canvas's pixels, through the export renderer
      const v = stores.view.getState();
      const element = canvas.gl.domElement;
      const { exportPicture } = await import('./export/exporter');
      const cap = await exportPicture(live, stores, {
        ...defaultSpec(v.mode === 'beam' ? { view: 'beam', station: v.beamStation } : { view: v.mode }),
        width: element.width * v.exportScale, height: element.height * v.exportScale, theme: v.theme === 'light' ? 'paper' : 'dark',
      }, 'png');
      const name = `na62-${v.mode === 'beam' ? `beam-${v.beamStation}` : v.mode}-${v.exportScale}x.png`;
      const res = await api.savePng({ suggestedName: name, data: cap.data });
      setMessage(res.saved ? `Saved ${res.path} (${cap.width} × ${cap.height} px)` : 'Save cancelled');
    } catch (e) {
      setMessage(`Could not save the picture: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
      live.canvas?.invalidate();
    }
  }, [api, stores, busy, views]);

  const openFile = useCallback(() => void openWith((a) => a.openFileDialog()), [openWith]);
  const run = useCallback((id: CommandId) => runCommand(id, { model, savePng: () => void savePng(), openFile, openGenerate: () => setGenerateOpen(true), openExport: () => setExportOpen(true), openPalette: () => setPaletteOpen(true), showEvent: actions.showEvent, saveView: () => void viewLinks.saveView(), openView: () => void viewLinks.pickViewFile().then((f) => f && viewLinks.openViewFile(f)), copyViewLink: () => void viewLinks.copyViewLink(), onMessage: setMessage, stores, viewport: () => views.activeLive().canvas?.size }), [model, savePng, openFile, actions, stores, viewLinks, views]);
  useKeyboardShortcuts(run);
  // menu accelerators are shortcuts too: off while a modal dialog is open
  useEffect(() => api.onMenuCommand((id) => { if (!isModalOpen()) run(id); }), [api, run]);

  const status = useMemo(() => {
    if (!info) return 'connecting to the engine…';
    return `engine: ${info.engineHost === 'web-worker' ? 'Web Worker (browser build)' : 'Electron main process'} · API v${info.apiVersion} · app ${info.appVersion} · geometry ${info.geometryVersion}`;
  }, [info]);

  return (
    <div className="app">
      <Toolbar model={model} onSavePng={() => void savePng()} busy={busy} onOpen={openFile} onGenerate={() => setGenerateOpen(true)} onExport={() => setExportOpen(true)} layoutPicker={<LayoutPicker onMessage={setMessage} />} onConstruction={() => run('view.construction')} />
      <main className="main">
        {error ? <div className="error" role="alert">The engine did not answer: {error}</div>
          : <Workspace api={api} model={model} onMessage={setMessage} unmerged={UNMERGED_BASELINE} />}
      </main>
      <footer className="status-bar">
        <span data-testid="status">{status}</span>
        <TaskBar />
        <AntialiasToggle />
        {message && <span className="message" role="status" data-testid="message">{message}</span>}
      </footer>
      <HelpOverlay />
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} run={run} />}
      <GenerateDialog open={generateOpen} onClose={() => setGenerateOpen(false)} />
      {exportUsed && <Suspense fallback={null}><ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} api={api} model={model} /></Suspense>}
      {rootImport && <Suspense fallback={null}><ImportRootDialog api={api} /></Suspense>}
      {dragging && <div className="drop-overlay">Drop an NA62 event file (.arrow) to open it, a ROOT file (.root) to import it, or a saved view (.na62view)</div>}
    </div>
  );
}
