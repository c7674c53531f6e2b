/**
 * One analysis plot in the panel, linked to the display: a click opens the event under it (a
 * scatter point, or the first event of a histogram bin), the event on show is marked, and a drag
 * brushes a range (a box in scatter plots) that filters the candidate list. The wheel zooms about
 * the cursor (x only in histograms), Shift+drag (or any drag in pan mode) pans, a double-click
 * goes back to the full range. Exports PNG and SVG of what is on screen.
 */
import { useEffect, useMemo, useRef } from 'react';
import { brush as brush2d, brushX, pointer, select, type BrushBehavior } from 'd3';
import type { BuiltPlot } from './built-plot';
import { panBy, wheelFactor, zoomAbout, type BrushRange, type Domain, type PlotZoom } from './plot-zoom';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type { BrushRange } from './plot-zoom';

/** The domains a built plot shows now (y only for 2D plots: a histogram's height follows its bins). */
function shownDomains(plot: BuiltPlot): { x: Domain; y?: Domain } {
  const { x0, x1, y0, y1 } = plot.frame;
  const x: Domain = [plot.x.invert(x0), plot.x.invert(x1)];
  return plot.brush === 'xy' && plot.y ? { x, y: [plot.y.invert(y1), plot.y.invert(y0)] } : { x };
}

export interface PlotViewProps {
  readonly id: string;
  readonly title: string;
  readonly build: () => BuiltPlot;
  /** position of the shown event in the plotted list, or −1 */
  readonly current: number;
  readonly currentColour: string;
  /** this plot's brush, in data units (kept when the plot is rebuilt) */
  readonly brushed: BrushRange | undefined;
  readonly note?: string;
  /** drags pan instead of brushing */
  readonly panMode?: boolean;
  /** the plot is zoomed (shows the reset hint) */
  readonly zoomed?: boolean;
  onPick(position: number): void;
  /** a new zoom (data units), or undefined to go back to the full range */
  onZoom(zoom: PlotZoom | undefined): void;
  onBrush(range: BrushRange | undefined, plot: BuiltPlot): void;
  onExport(format: 'png' | 'svg', svg: SVGSVGElement): void;
}

export function PlotView(p: PlotViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const built = useMemo(() => { try { return { plot: p.build() }; } catch (e) { return { error: e instanceof Error ? e.message : String(e) }; } }, [p.build]); // eslint-disable-line react-hooks/exhaustive-deps
  const handlers = useRef(p);
  handlers.current = p;
  // the plot on screen now: wheel steps and drags outlive the rebuilds their own zooms cause
  const shown = useRef<BuiltPlot | undefined>(undefined);
  shown.current = 'plot' in built ? built.plot : undefined;
  const brushSync = useRef<((r: BrushRange | undefined) => void) | undefined>(undefined);
  const gesture = useRef<{ frame?: number; factor: number; at?: [number, number]; pan?: PlotZoom; panned: boolean }>({ factor: 1, panned: false });

  // wheel zoom, pan and reset: on the host element, so they survive the SVG being replaced
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const g = gesture.current;
    const inFrame = (plot: BuiltPlot, px: number, py: number) => px >= plot.frame.x0 && px <= plot.frame.x1 && py >= plot.frame.y0 && py <= plot.frame.y1;
    const local = (plot: BuiltPlot, e: MouseEvent): [number, number] => pointer(e, plot.svg);
    const flush = () => {
      g.frame = undefined;
      const plot = shown.current;
      if (!plot) return;
      if (g.pan) { const z = g.pan; g.pan = undefined; handlers.current.onZoom(z); return; }
      if (g.factor === 1 || !g.at) return;
      const [px, py] = g.at;
      const d = shownDomains(plot);
      const x = zoomAbout(d.x, plot.x.invert(px), g.factor);
      const y = d.y && plot.y ? zoomAbout(d.y, plot.y.invert(py), g.factor) : undefined;
      g.factor = 1;
      handlers.current.onZoom(y ? { x, y } : { x });
    };
    const later = () => { if (g.frame === undefined) g.frame = requestAnimationFrame(flush); };
    const onWheel = (e: WheelEvent) => {
      const plot = shown.current;
      if (!plot) return;
      const [px, py] = local(plot, e);
      if (!inFrame(plot, px, py)) return;
      e.preventDefault();
      g.factor *= wheelFactor(e.deltaY, e.deltaMode);
      g.at = [px, py];
      later();
    };
    const onDown = (e: PointerEvent) => {
      const plot = shown.current;
      if (!plot || e.button !== 0 || !(e.shiftKey || handlers.current.panMode)) return;
      const [px0, py0] = local(plot, e);
      if (!inFrame(plot, px0, py0)) return;
      e.preventDefault();
      e.stopPropagation();
      // the scales at the start: linear, so a pixel offset is the same data offset all along the drag
      const start = { x: plot.x, y: plot.y, d: shownDomains(plot) };
      g.panned = false;
      const onMove = (m: PointerEvent) => {
        const p = shown.current;
        if (!p) return;
        const [px, py] = local(p, m);
        if (Math.abs(px - px0) + Math.abs(py - py0) > 2) g.panned = true;
        const x = panBy(start.d.x, start.x.invert(px0) - start.x.invert(px));
        const y = start.d.y && start.y ? panBy(start.d.y, start.y.invert(py0) - start.y.invert(py)) : undefined;
        g.pan = y ? { x, y } : { x };
        later();
      };
      const onUp = () => { window.removeEventListener('pointermove', onMove); window.removeEventListener('pointerup', onUp); };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    const onDouble = (e: MouseEvent) => {
      const plot = shown.current;
      if (!plot) return;
      const [px, py] = local(plot, e);
      if (!inFrame(plot, px, py)) return;
      e.preventDefault();
      handlers.current.onZoom(undefined);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    // capture: before the brush's own mousedown (it would start a brush)
    el.addEventListener('pointerdown', onDown, { capture: true });
    el.addEventListener('dblclick', onDouble);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown, { capture: true });
      el.removeEventListener('dblclick', onDouble);
      if (g.frame !== undefined) cancelAnimationFrame(g.frame);
      g.frame = undefined;
    };
  }, ['error' in built]); // eslint-disable-line react-hooks/exhaustive-deps

  // mount the SVG, the brush and the click picking
  useEffect(() => {
    const el = host.current;
    if (!el || !('plot' in built) || !built.plot) return;
    const plot = built.plot;
    const svg = plot.svg;
    // the domains on show, for tests and scripts (data units)
    const d = shownDomains(plot);
    svg.setAttribute('data-x-domain', d.x.map((v) => +v.toPrecision(6)).join(','));
    if (d.y) svg.setAttribute('data-y-domain', d.y.map((v) => +v.toPrecision(6)).join(','));
    el.replaceChildren(svg);
    const { x0, x1, y0, y1 } = plot.frame;
    const g = select(svg).append('g').attr('data-interaction', 'brush');
    let moved = false, programmatic = false;
    // a brush partly outside a zoomed frame is drawn to the frame's edge; wholly outside, not at all
    const clampX = (v: number) => Math.min(x1, Math.max(x0, v)), clampY = (v: number) => Math.min(y1, Math.max(y0, v));
    const toPx = (r: BrushRange | undefined): [[number, number], [number, number]] | [number, number] | null => {
      if (!r) return null;
      const a = clampX(plot.x.apply(r.x[0])), b = clampX(plot.x.apply(r.x[1]));
      if (a === b) return null;
      if (plot.brush === 'x' || !r.y || !plot.y) return [Math.min(a, b), Math.max(a, b)];
      const c = clampY(plot.y.apply(r.y[0])), d = clampY(plot.y.apply(r.y[1]));
      if (c === d) return null;
      return [[Math.min(a, b), Math.min(c, d)], [Math.max(a, b), Math.max(c, d)]];
    };
    const behaviour = (plot.brush === 'x' ? brushX() : brush2d()).extent([[x0, y0], [x1, y1]]) as BrushBehavior<unknown>;
    // Shift (or pan mode) is a pan, not a brush; Ctrl and other buttons are nothing, as d3's default
    behaviour.filter((e: MouseEvent) => !e.ctrlKey && !e.button && !e.shiftKey && !handlers.current.panMode);
    behaviour
      .on('start', () => { moved = false; })
      .on('brush', () => { moved = true; })
      .on('end', (ev: { selection: [number, number] | [[number, number], [number, number]] | null }) => {
        if (programmatic) return;
        const sel = ev.selection;
        if (!sel) {
          // a plain click is a pick, not the end of the filter: put the brush back where it was
          if (!moved && handlers.current.brushed) { programmatic = true; behaviour.move(g as never, toPx(handlers.current.brushed) as never); programmatic = false; return; }
          handlers.current.onBrush(undefined, plot);
          return;
        }
        if (typeof sel[0] === 'number') {
          const [a, b] = sel as [number, number];
          const xs = [plot.x.invert(a), plot.x.invert(b)].sort((m, n) => m - n) as [number, number];
          handlers.current.onBrush({ x: xs }, plot);
        } else if (plot.y) {
          const [[a, c], [b, d]] = sel as [[number, number], [number, number]];
          const xs = [plot.x.invert(a), plot.x.invert(b)].sort((m, n) => m - n) as [number, number];
          const ys = [plot.y.invert(c), plot.y.invert(d)].sort((m, n) => m - n) as [number, number];
          handlers.current.onBrush({ x: xs, y: ys }, plot);
        }
      });
    g.call(behaviour as never);
    const place = (r: BrushRange | undefined) => { programmatic = true; behaviour.move(g as never, toPx(r) as never); programmatic = false; };
    if (handlers.current.brushed) place(handlers.current.brushed);
    // the brush as the store has it, when it changes elsewhere (cleared from the candidate list): a stale
    // box left on screen would be dragged along by the next drag instead of a new one drawn
    brushSync.current = place;
    const onClick = (e: MouseEvent) => {
      // the end of a pan is no pick
      if (gesture.current.panned) { gesture.current.panned = false; return; }
      const [px, py] = pointer(e, svg);
      const pos = plot.pick(px, py);
      if (pos !== undefined) handlers.current.onPick(pos);
    };
    svg.addEventListener('click', onClick);
    return () => { svg.removeEventListener('click', onClick); g.remove(); brushSync.current = undefined; };
  }, [built]);

  const brushedKey = p.brushed ? `${p.brushed.x.join(',')}|${p.brushed.y?.join(',') ?? ''}` : '';
  useEffect(() => { brushSync.current?.(handlers.current.brushed); }, [brushedKey]);

  // the event on show, marked without rebuilding the plot
  const { current, currentColour } = p;
  useEffect(() => {
    if (!('plot' in built) || !built.plot) return;
    const plot = built.plot;
    const svg = plot.svg;
    svg.querySelector('.current-marker')?.remove();
    const loc = current >= 0 ? plot.locate(current) : undefined;
    if (!loc) return;
    const px = plot.x.apply(loc.x);
    if (!(px >= plot.frame.x0 && px <= plot.frame.x1)) return;
    let m: SVGElement;
    if (loc.y !== undefined && plot.y) {
      const py = plot.y.apply(loc.y);
      if (!(py >= plot.frame.y0 && py <= plot.frame.y1)) return;
      m = document.createElementNS(SVG_NS, 'circle');
      m.setAttribute('cx', String(px)); m.setAttribute('cy', String(py)); m.setAttribute('r', '6');
      m.setAttribute('fill', 'none'); m.setAttribute('stroke-width', '2');
    } else {
      m = document.createElementNS(SVG_NS, 'line');
      m.setAttribute('x1', String(px)); m.setAttribute('x2', String(px)); m.setAttribute('y1', String(plot.frame.y0)); m.setAttribute('y2', String(plot.frame.y1));
      m.setAttribute('stroke-width', '1.5'); m.setAttribute('stroke-dasharray', '4,2');
    }
    m.setAttribute('class', 'current-marker');
    m.setAttribute('stroke', currentColour);
    m.setAttribute('pointer-events', 'none');
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = 'the event on show';
    m.appendChild(title);
    // under the brush overlay, so the brush still takes the pointer
    svg.insertBefore(m, svg.querySelector('[data-interaction]'));
  }, [built, current, currentColour]);

  return (
    <figure className="plot" data-plot={p.id}>
      <figcaption>
        <span>{p.title}</span>
        {p.note && <span className="muted small">{p.note}</span>}
        <span className="plot-buttons">
          {p.zoomed && <button type="button" title="Back to the full range (or double-click the plot)" onClick={() => p.onZoom(undefined)} data-testid={`zoom-reset-${p.id}`}>reset zoom</button>}
          <button type="button" title="Save this plot as PNG" onClick={() => 'plot' in built && built.plot && p.onExport('png', built.plot.svg)} data-testid={`export-png-${p.id}`}>PNG</button>
          <button type="button" title="Save this plot as SVG" onClick={() => 'plot' in built && built.plot && p.onExport('svg', built.plot.svg)} data-testid={`export-svg-${p.id}`}>SVG</button>
        </span>
      </figcaption>
      {'error' in built ? <div className="error-box">{built.error}</div> : <div ref={host} className={`plot-host${p.panMode ? ' pan-mode' : ''}`} data-testid={`plot-${p.id}`} />}
    </figure>
  );
}
