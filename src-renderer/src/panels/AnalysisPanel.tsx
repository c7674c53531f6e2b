/**
 * The selection's distributions beside the display, linked both ways: the CDA_TAX–Z_TAX plane
 * (Figure 3 of the paper) or m_π4e, the mass, vertex, timing and E/p histograms, any variable on
 * demand, and the full cut-flow. A click on a point or bin opens that event; the event on show is
 * marked in every plot; a brush filters the candidate list. Every plot saves as PNG or SVG.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import { cutflowTable } from '../../../src-shared/analysis/cutflow';
import { regionShapes } from '../../../src-engine/public';
import { analysisPlots, type PlotSpec } from '../analysis/analysis-data';
import { fmt } from '../analysis/plots';
import { buildPlot, type PlotContext } from '../analysis/plot-builders';
import { positionsInBox, positionsInRange } from '../analysis/plot-zoom';
import type { BuiltPlot } from '../analysis/built-plot';
import { PLOT_THEMES } from '../analysis/plot-theme';
import { plotSvgText, svgToPng, MAX_PNG_WIDTH } from '../analysis/plot-export';
import { PlotView, type BrushRange } from '../analysis/PlotView';
import { ReachPlot } from '../analysis/ReachPlot';
import { useActions, useAnalysis, useData, useSelection, useStores, useView } from '../state/AppProvider';
import { type CandidateBrush } from '../state/selection-store';
import { columnsOf, positionOfEvent } from '../../../src-shared/selection/candidate-columns';
import { resultStage, type BlindStage } from '../../../src-shared/selection/blinding';

/** The blinding in each plot's tag (exports carry it): the result's own stage, not its "anything masked" flag */
const PLOT_TAG: Record<BlindStage | 'none', string> = { blind: 'BLIND', cr: 'CR UNBLINDED · SR BLIND', sr: 'UNBLINDED', none: 'NOT BLIND' };
const FILE_SUFFIX: Record<BlindStage | 'none', string> = { blind: '-blind', cr: '-sr-blind', sr: '', none: '' };

const PLOT_SIZE = { width: 420, height: 250 };

/** The events of a plot inside a brushed range. */
function eventsIn(spec: PlotSpec, range: BrushRange, indexOf: (pos: number) => number): Set<number> {
  const pos = spec.kind === 'hist' ? positionsInRange(spec.values, spec.owners, range.x) : positionsInBox(spec.xs, spec.ys, range);
  return new Set([...pos].map(indexOf));
}

/**
 * One build function per plot, made again only when what it draws changed (its spec, zoom, the
 * brush overlaid on it, theme, tag): a zoom of one plot does not redraw the others.
 */
function useBuilders(): (id: string, deps: readonly unknown[], make: () => BuiltPlot) => () => BuiltPlot {
  const cache = useRef(new Map<string, { deps: readonly unknown[]; fn: () => BuiltPlot }>());
  return (id, deps, make) => {
    const old = cache.current.get(id);
    if (old && old.deps.length === deps.length && old.deps.every((d, i) => Object.is(d, deps[i]))) return old.fn;
    const fn = () => make();
    cache.current.set(id, { deps, fn });
    return fn;
  };
}

const rangeText = (r: readonly [number, number]) => `[${fmt(r[0])}, ${fmt(r[1])}]`;

function CutflowTable() {
  const result = useSelection((s) => s.result);
  const lines = useMemo(() => (result ? cutflowTable(result.cutflow) : []), [result]);
  if (!lines.length) return null;
  const pct = (e: number, err?: number) => (Number.isFinite(e) ? `${(100 * e).toFixed(2)}${err !== undefined && Number.isFinite(err) ? ` ± ${(100 * err).toFixed(2)}` : ''}` : '—');
  return (
    <details className="cutflow-full" open>
      <summary>cut-flow (efficiencies in %, binomial errors)</summary>
      <table className="cutflow" data-testid="cutflow-full">
        <thead><tr><th>cut</th><th>events</th><th>rel.</th><th>cum.</th><th>Σw</th><th>rel. w</th><th>cum. w</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} className={l.enabled ? '' : 'off'}>
              <td title={l.label}>{l.id}{l.enabled ? '' : ' (off)'}</td><td>{l.n}</td><td>{pct(l.rel, l.relErr)}</td><td>{pct(l.cum, l.cumErr)}</td>
              <td>{fmt(l.w)}</td><td>{pct(l.relW)}</td><td>{pct(l.cumW)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function AnalysisPanel({ api, onMessage }: { api: Na62Api; onMessage: (m: string) => void }) {
  const stores = useStores();
  const actions = useActions();
  const { runSelectionOn } = actions;
  const a = useAnalysis((s) => s);
  const result = useSelection((s) => s.result);
  const resultDataset = useSelection((s) => s.resultDataset);
  const brush = useSelection((s) => s.brush);
  const catalogue = useSelection((s) => s.catalogue);
  const running = useSelection((s) => s.running);
  const current = useData((s) => s.current);
  const datasets = useData((s) => s.datasets);
  const shownIndex = useData((s) => s.index);
  const theme = PLOT_THEMES[useView((s) => s.theme)];
  const [busy, setBusy] = useState(false);
  const r = result && resultDataset === current ? result : undefined;
  const builder = useBuilders();
  // another analysis (its plots have other variables under the same ids): unzoomed
  const preset = r?.selection.preset;
  useEffect(() => { stores.analysis.getState().resetZoom(); }, [preset, stores]);

  const shapes = useMemo(() => {
    if (!r) return [];
    return regionShapes(r.selection);
  }, [r]);
  const bg = a.background && a.background.dataset === a.backgroundDataset ? a.background : undefined;
  const specs = useMemo(() => (r && catalogue ? analysisPlots({
    result: r, shapes, variables: catalogue.variables, weighted: a.weighted,
    ...(bg ? { background: { columns: columnsOf(bg.result), label: datasets.find((d) => d.id === bg.dataset)?.name ?? bg.dataset } } : {}),
    ...(a.customX ? { custom: { x: a.customX, ...(a.customY ? { y: a.customY } : {}) } } : {}),
    ranges: a.ranges,
  }) : []), [r, shapes, catalogue, a.weighted, bg, a.customX, a.customY, datasets, a.ranges]);

  // the background sample follows the selection: rerun it when the selection's result changes
  useEffect(() => {
    const id = a.backgroundDataset;
    if (!id || !r) { stores.analysis.getState().setBackground(undefined); return; }
    let live = true;
    runSelectionOn(id)
      .then((res) => { if (live) stores.analysis.getState().setBackground({ dataset: id, result: res }); })
      .catch((e: unknown) => { if (live) stores.analysis.getState().setBackground(stores.analysis.getState().background, e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [a.backgroundDataset, r, runSelectionOn, stores]);

  // the plots read the candidate columns (no object per candidate, issue 20)
  const cols = useMemo(() => (r ? columnsOf(r) : undefined), [r]);
  const currentPos = useMemo(() => (cols ? positionOfEvent(cols, shownIndex) : -1), [cols, shownIndex]);

  const exportPlot = useCallback(async (spec: PlotSpec, format: 'png' | 'svg', svg: SVGSVGElement) => {
    if (!r) return;
    setBusy(true);
    try {
      const text = plotSvgText(svg, theme.background);
      const base = `na62-${r.selection.preset}-${spec.id}${FILE_SUFFIX[resultStage(r)]}`;
      if (format === 'svg') {
        const res = await api.saveText({ suggestedName: `${base}.svg`, text });
        onMessage(res.saved ? `Saved ${res.path}` : 'Save cancelled');
      } else {
        const png = await svgToPng(text, { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) }, a.pngWidth);
        const res = await api.savePng({ suggestedName: `${base}-${png.width}px.png`, data: png.png });
        onMessage(res.saved ? `Saved ${res.path} (${png.width} × ${png.height} px)` : 'Save cancelled');
      }
    } catch (e) {
      onMessage(`Could not save the plot: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }, [api, r, theme.background, a.pngWidth, onMessage]);

  const variables = catalogue ? Object.keys(catalogue.variables) : [];
  const kind = datasets.find((d) => d.id === current)?.meta.kind;
  const tag = r ? `NA62 ${kind === 'data' ? 'Data' : 'Simulation'} · ${r.selection.preset}${a.weighted ? ' · weighted' : ''} · ${PLOT_TAG[resultStage(r)]}` : undefined;
  const stage = r ? resultStage(r) : undefined;
  const missing = [a.customX, a.customY].filter((v) => v && r && !r.keyVariables.includes(v));
  const computeMissing = () => {
    stores.selection.getState().keepVariables(missing);
    void actions.runCurrentSelection();
  };

  return (
    <aside className="analysis-panel" aria-label="Analysis">
      <h2>Analysis</h2>
      <div className="analysis-controls small">
        <label className="check"><input type="checkbox" checked={a.weighted} onChange={(e) => a.setWeighted(e.target.checked)} data-testid="weighted" /> weighted (Σw)</label>
        <label>background
          <select value={a.backgroundDataset ?? ''} onChange={(e) => a.setBackgroundDataset(e.target.value || undefined)} data-testid="background-dataset" title="Draw this dataset's selected events as a density under the CDA_TAX–Z_TAX plane">
            <option value="">none</option>
            {datasets.filter((d) => d.id !== current).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label title="Axis ranges: the selection's regions (CDA_TAX 0–160 mm, Z_TAX −10–60 m) and each plot's usual range, or the data's extent">axes
          <select value={a.ranges} onChange={(e) => a.setRanges(e.target.value === 'data' ? 'data' : 'regions')} data-testid="plot-ranges">
            <option value="regions">regions' range</option>
            <option value="data">data's range</option>
          </select>
        </label>
        <label className="check" title="Drags pan the plots instead of brushing a range (Shift+drag pans either way); the wheel zooms, a double-click resets"><input type="checkbox" checked={a.panMode} onChange={(e) => a.setPanMode(e.target.checked)} data-testid="pan-mode" /> drag pans</label>
        <label title="Width of PNG exports in pixels">PNG <input type="number" min={200} max={MAX_PNG_WIDTH} step={100} value={a.pngWidth} onChange={(e) => { const n = Number(e.target.value); if (n >= 200 && n <= MAX_PNG_WIDTH) a.setPngWidth(n); }} data-testid="png-width" /> px</label>
      </div>
      {a.backgroundError && <div className="error-box small">{a.backgroundError}</div>}
      {stage === 'blind' && <div className="muted small" data-testid="analysis-blind">BLIND: events in the SR and CR are not plotted; the masked regions are grey.</div>}
      {stage === 'cr' && <div className="muted small" data-testid="analysis-blind">SR BLIND: events in the SR are not plotted; the masked region is grey. The CR is unblinded.</div>}
      {r && <div className="muted small plot-hint">wheel: zoom · Shift+drag: pan · double-click: full range · drag: brush (filters the list; the other plots show the brushed events)</div>}
      {r && specs.map((spec) => {
        const zoom = a.zoom[spec.id];
        // a brush in another plot: every other plot shows its events over its own
        const overlay = brush && brush.plot !== spec.id ? brush : undefined;
        const ctx: PlotContext = {
          columns: cols!, theme, size: PLOT_SIZE, tag, weighted: a.weighted, zoom,
          ...(overlay ? { brushed: { events: overlay.events, label: 'brushed' } } : {}),
        };
        const build = builder(spec.id, [spec, zoom, overlay, theme, tag, r], () => buildPlot(spec, ctx));
        const note = spec.kind === 'scatter'
          ? `${spec.xs.length} events${spec.outside ? `, ${spec.outside} outside the frame` : ''}${spec.density ? ` · density: ${spec.density.label} (${spec.density.xs.length} events)` : ''}`
          : `${spec.h.entries.reduce((x, y) => x + y, 0)} entries${spec.h.underflow || spec.h.overflow ? ` · under/overflow ${fmt(spec.h.underflow)}/${fmt(spec.h.overflow)}` : ''}`;
        return (
          <PlotView
            key={`${spec.id}:${spec.title}`}
            id={spec.id} title={spec.title} note={note}
            build={build}
            current={currentPos}
            currentColour={theme.current}
            brushed={brush?.plot === spec.id ? brush.range : undefined}
            panMode={a.panMode}
            zoomed={!!zoom}
            onZoom={(z) => stores.analysis.getState().setZoom(spec.id, z)}
            onPick={(pos) => { if (cols && pos >= 0 && pos < cols.n) void actions.showEvent(cols.index[pos]!); }}
            onBrush={(range) => {
              if (!range) { if (stores.selection.getState().brush?.plot === spec.id) stores.selection.getState().setBrush(undefined); return; }
              const label = spec.kind === 'hist' ? `${spec.xLabel} in ${rangeText(range.x)}` : `${spec.xLabel} in ${rangeText(range.x)}${range.y ? `, ${spec.yLabel} in ${rangeText(range.y)}` : ''}`;
              const b: CandidateBrush = { plot: spec.id, range, label, events: eventsIn(spec, range, (pos) => cols!.index[pos]!) };
              stores.selection.getState().setBrush(b);
            }}
            onExport={(format, svg) => void exportPlot(spec, format, svg)}
          />
        );
      })}
      {r && (
        <div className="custom-plot small">
          plot
          <select value={a.customX} onChange={(e) => a.setCustomX(e.target.value)} aria-label="Variable" data-testid="custom-x">
            <option value="">(variable)</option>
            {variables.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
          vs
          <select value={a.customY} onChange={(e) => a.setCustomY(e.target.value)} aria-label="Second variable" data-testid="custom-y">
            <option value="">— (histogram)</option>
            {variables.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
          {missing.length > 0 && <button type="button" disabled={!!running} onClick={computeMissing} data-testid="compute-variables">compute {missing.join(', ')} (reruns the selection)</button>}
        </div>
      )}
      {r && <CutflowTable />}
      <ReachPlot />
      {busy && <div className="muted small">saving…</div>}
    </aside>
  );
}
