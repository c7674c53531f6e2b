/**
 * Pictures for talks and papers: PNG at any size up to 8K (off-screen, tiled), SVG of the 2D views,
 * a single view or a composed figure, dark or paper theme, transparent background, caption parts,
 * the 3D scene as glTF, copy to the clipboard, and batches over the candidate list or a range.
 */
import { useRef, useState } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { DetectorModel } from '../geometry/detector-model';
import type { ViewMode, ViewState } from '../state/view-store';
import { walkIndices, walkList } from '../state/navigation';
import { columnsOf } from '../../../src-shared/selection/candidate-columns';
import { beamStations } from '../shortcuts/run-command';
import {
  ALL_CAPTION, ALL_OVERLAYS, checkSpec, FIGURE_PANELS, MAX_HEIGHT, MAX_WIDTH, parseEventList, SIZE_PRESETS,
  type CaptionParts, type OverlayParts, type PanelSpec, type PictureFormat, type PictureSpec, type PictureTheme,
} from '../../../src-shared/picture/picture-spec';
import { exportPicture, exportScene, runBatchTo } from '../export/exporter';
import { useActions, useLiveView, useStores } from '../state/AppProvider';
import { Modal } from './Modal';
import { MovieExport } from './MovieExport';
import { ExportPreview } from './ExportPreview';
import { isAbort } from '../export/slices';
import { intoSight } from './into-sight';

type Layout = 'current' | 'figure4' | 'figure2' | 'side' | 'top' | 'beam' | '3d';
const LAYOUTS: [Layout, string][] = [
  ['current', 'the current view'], ['figure4', 'figure: side + top + beam\'s eye + 3D'], ['figure2', 'figure: side + top'],
  ['side', 'side view'], ['top', 'top view'], ['beam', "beam's-eye view"], ['3d', '3D view'],
];
const CAPTION_LABELS: [keyof CaptionParts, string][] = [
  ['experiment', '"NA62"'], ['kind', 'Simulation / Data'], ['runBurstEvent', 'run / burst / event'], ['date', 'date'],
  ['selection', 'selection and region'], ['keyVariables', 'key variables'], ['blinding', 'blinding state'],
];
const OVERLAY_LABELS: [keyof OverlayParts, string][] = [['labels', 'element labels'], ['legend', 'legend'], ['scaleBars', 'scale bars'], ['axes', 'axes (2D views)'], ['titles', 'view titles'], ['taxInset', 'CDA_TAX inset (side, top)']];

/** The panels of a layout; `v` is the view as it is now ("current" takes its mode and station). */
export function panelsFor(v: Pick<ViewState, 'mode' | 'beamStation'>, layout: Layout, station: string): PanelSpec[] {
  if (layout === 'figure4') return FIGURE_PANELS.map((p) => (p.view === 'beam' ? { ...p, station } : p));
  if (layout === 'figure2') return [{ view: 'side' }, { view: 'top' }];
  const view: ViewMode = layout === 'current' ? v.mode : layout;
  return [view === 'beam' ? { view, station: layout === 'current' ? v.beamStation : station } : { view }];
}

export function ExportDialog({ open, onClose, api, model }: { open: boolean; onClose: () => void; api: Na62Api; model: DetectorModel | undefined }) {
  const stores = useStores();
  const live = useLiveView();
  const { showEvent } = useActions();
  const [format, setFormat] = useState<PictureFormat>('png');
  const [layout, setLayout] = useState<Layout>('current');
  const [station, setStation] = useState('straw1');
  const [width, setWidth] = useState('3840');
  const [height, setHeight] = useState('2160');
  const [theme, setTheme] = useState<PictureTheme>(stores.view.getState().theme === 'light' ? 'paper' : 'dark');
  const [transparent, setTransparent] = useState(false);
  const [frame, setFrame] = useState<PictureSpec['frame']>('screen');
  const [lineWidth, setLineWidth] = useState('1');
  const [caption, setCaption] = useState<CaptionParts>(ALL_CAPTION);
  // the inset as the view shows it (Inset in the toolbar)
  const [overlays, setOverlays] = useState<Required<OverlayParts>>(() => ({ ...ALL_OVERLAYS, taxInset: stores.view.getState().taxInset }));
  const [chosenEvents, setEvents] = useState<'candidates' | 'range'>();
  const [range, setRange] = useState('0-4');
  const [everyView, setEveryView] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; last?: string }>();
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const abort = useRef<AbortController | undefined>(undefined);
  // the candidates' event indices, in the table's order (read on the columns, no object per candidate)
  const walk = open ? walkList(stores) : undefined;
  const sel = stores.selection.getState();
  const candidates = !open ? undefined : walk ? walkIndices(walk) : sel.result && sel.resultDataset === stores.data.getState().current ? Array.from(columnsOf(sel.result).index) : undefined;
  if (!open) return null;
  // the candidate list when there is one, else a range, until the user picks
  const events = chosenEvents ?? (candidates?.length ? 'candidates' : 'range');

  const draft: PictureSpec = {
    width: Number(width), height: Number(height), panels: panelsFor(stores.view.getState(), layout, station), theme, transparent,
    caption, overlays, lineWidth: Number(lineWidth), frame,
  };
  const spec = (): PictureSpec | undefined => {
    const p = checkSpec(draft);
    setProblem(p);
    return p ? undefined : draft;
  };
  const run = async (what: () => Promise<string>) => {
    setBusy(true); setMessage(undefined);
    try { setMessage(await what()); } catch (e) {
      if (isAbort(e)) setMessage('Cancelled: nothing was saved'); else setProblem(e instanceof Error ? e.message : String(e));
    } finally { setBusy(false); setProgress(undefined); }
  };
  /** one picture, in slices: progress in the bar, Cancel stops it before anything is written */
  const picture = (s: PictureSpec, f: PictureFormat) => {
    abort.current = new AbortController();
    return exportPicture(live, stores, s, f, { signal: abort.current.signal, onProgress: (done, total) => setProgress({ done, total }) });
  };
  const save = () => { const s = spec(); if (s) void run(async () => {
    const f = await picture(s, format);
    setProgress(undefined);
    const r = await api.saveFile({ suggestedName: f.name, data: f.data });
    return r.saved ? `Saved ${r.path} (${f.width} × ${f.height} px, ${(f.data.byteLength / 1e6).toFixed(1)} MB)` : 'Save cancelled';
  }); };
  const copy = () => { const s = spec(); if (s) void run(async () => {
    const f = await picture(s, 'png');
    await api.copyImage(f.data);
    return `Copied a ${f.width} × ${f.height} px picture to the clipboard`;
  }); };
  const gltf = () => void run(async () => {
    const f = await exportScene(live, stores);
    const r = await api.saveFile({ suggestedName: f.name, data: f.data });
    return r.saved ? `Saved ${r.path} (glTF binary, ${(f.data.byteLength / 1e6).toFixed(1)} MB)` : 'Save cancelled';
  });
  const batch = () => {
    const s = spec();
    if (!s) return;
    let list: number[];
    if (events === 'candidates') {
      if (!candidates?.length) { setProblem('there is no candidate list for this file: run a selection, or give a range'); return; }
      list = candidates;
    } else {
      const parsed = parseEventList(range);
      if ('error' in parsed) { setProblem(`events: ${parsed.error}`); return; }
      if ('rbe' in parsed) { setProblem('events: give event indices here (run:burst:event works on the command line)'); return; }
      const n = stores.data.getState().datasets.find((d) => d.id === stores.data.getState().current)?.numEvents ?? 0;
      const bad = parsed.indices.find((i) => i >= n);
      if (bad !== undefined) { setProblem(`events: ${bad} is beyond the last event (${n - 1})`); return; }
      list = parsed.indices;
    }
    abort.current = new AbortController();
    void run(async () => {
      const r = await runBatchTo(api, { live, stores, showEvent, spec: s, format, events: list, allViews: everyView, signal: abort.current!.signal, onProgress: (done, total, last) => setProgress({ done, total, ...(last ? { last } : {}) }) });
      const skipped = r.skipped.length ? `; ${r.skipped.length} skipped (${r.skipped.slice(0, 3).map((x) => `${x.index}: ${x.reason}`).join('; ')})` : '';
      return `${r.cancelled ? 'Cancelled after' : 'Wrote'} ${r.written.length} pictures${r.where ? ` to ${r.where}` : ''}${skipped}`;
    });
  };
  const stations = model ? beamStations(model) : [];
  const check = <T extends string>(obj: Record<T, boolean>, set: (o: Record<T, boolean>) => void, labels: [T, string][], prefix: string) => labels.map(([k, label]) => (
    <label key={k} className="check"><input type="checkbox" checked={obj[k]} data-testid={`${prefix}-${k}`} onChange={(e) => set({ ...obj, [k]: e.target.checked })} /> {label}</label>
  ));

  return (
    <Modal label="Export pictures" className="export-dialog" onClose={busy ? undefined : onClose} onSubmit={save}>
        <h2>Pictures for talks and papers</h2>
        <div className="form-grid">
          <label>layout<select value={layout} onChange={(e) => setLayout(e.target.value as Layout)} data-testid="export-layout">{LAYOUTS.map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select></label>
          <label>beam's-eye station<select value={station} onChange={(e) => setStation(e.target.value)} data-testid="export-station">{stations.map((id) => <option key={id} value={id}>{model!.byId.get(id)!.element.label}</option>)}</select></label>
          <label>size<select value="" onChange={(e) => { const p = SIZE_PRESETS[Number(e.target.value)]; if (p) { setWidth(String(p.width)); setHeight(String(p.height)); } }} data-testid="export-preset">
            <option value="">preset…</option>{SIZE_PRESETS.map((p, i) => <option key={p.label} value={i}>{p.label}</option>)}
          </select></label>
          <label>width × height (px, ≤ {MAX_WIDTH} × {MAX_HEIGHT})<span className="wh">
            <input value={width} onChange={(e) => setWidth(e.target.value.replace(/\D/g, ''))} aria-label="width" data-testid="export-width" />×
            <input value={height} onChange={(e) => setHeight(e.target.value.replace(/\D/g, ''))} aria-label="height" data-testid="export-height" /></span></label>
          <label>format<select value={format} onChange={(e) => setFormat(e.target.value as PictureFormat)} data-testid="export-format">
            <option value="png">PNG</option><option value="svg">SVG (vector 2D views; 3D embedded as PNG)</option></select></label>
          <label>theme<select value={theme} onChange={(e) => setTheme(e.target.value as PictureTheme)} data-testid="export-theme"><option value="dark">dark</option><option value="paper">paper (light)</option></select></label>
          <label>framing<select value={frame} onChange={(e) => setFrame(e.target.value as PictureSpec['frame'])} data-testid="export-frame">
            <option value="screen">as on screen</option><option value="event">fit the event</option><option value="detector">the whole detector</option></select></label>
          <label>line width ×<input value={lineWidth} onChange={(e) => setLineWidth(e.target.value)} data-testid="export-linewidth" /></label>
        </div>
        <ExportPreview spec={checkSpec(draft) ? undefined : draft} paused={busy} />
        <label className="check"><input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} data-testid="export-transparent" /> transparent background</label>
        <fieldset className="checks"><legend>caption</legend>{check(caption, setCaption, CAPTION_LABELS, 'caption')}</fieldset>
        <fieldset className="checks"><legend>overlays</legend>{check(overlays, setOverlays, OVERLAY_LABELS, 'overlay')}</fieldset>
        <div className="buttons">
          <button type="button" onClick={gltf} disabled={busy} data-testid="export-gltf" title="The detector and the event as glTF 2.0 (.glb), for other viewers and slides">3D scene (glTF)</button>
          <button type="button" onClick={copy} disabled={busy} data-testid="export-copy">Copy to clipboard</button>
          <button type="submit" disabled={busy} data-testid="export-save">Export</button>
        </div>
        <fieldset className="checks batch"><legend>batch</legend>
          <label className="check"><input type="radio" checked={events === 'candidates'} onChange={() => setEvents('candidates')} data-testid="batch-candidates" /> the candidate list ({candidates?.length ?? 0})</label>
          <label className="check"><input type="radio" checked={events === 'range'} onChange={() => setEvents('range')} data-testid="batch-range-on" /> events</label>
          <input value={range} onChange={(e) => setRange(e.target.value)} aria-label="event range" data-testid="batch-range" size={10} title="indices and ranges: 0-4,7,12" />
          <label className="check"><input type="checkbox" checked={everyView} onChange={(e) => setEveryView(e.target.checked)} data-testid="batch-all-views" /> also every view</label>
          <button type="button" onClick={batch} disabled={busy} data-testid="batch-run">Export batch</button>
        </fieldset>
        <MovieExport api={api} theme={theme} caption={caption} busy={busy} setBusy={setBusy} />
        {progress && (
          <div className="batch-progress" data-testid="batch-progress">
            <button type="button" onClick={() => abort.current?.abort()} data-testid="batch-cancel">Cancel</button>
            <progress max={progress.total} value={progress.done} data-testid="export-progress" /> <span>{progress.done} / {progress.total}</span> {progress.last && <span className="muted last">{progress.last}</span>}
          </div>
        )}
        {busy && !progress && <div className="muted" data-testid="export-busy">rendering…</div>}
        {problem && <div key={problem} ref={intoSight} className="error-box" role="alert" data-testid="export-problem">{problem}</div>}
        {message && <div key={message} ref={intoSight} className="muted" role="status" data-testid="export-message">{message}</div>}
        <div className="buttons"><button type="button" onClick={onClose} disabled={busy}>Close</button></div>
    </Modal>
  );
}
