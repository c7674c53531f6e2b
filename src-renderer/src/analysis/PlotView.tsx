/**
 * One analysis plot in the panel, linked to the display: a click opens the event under it (a
 * scatter point, or the first event of a histogram bin), the event on show is marked, and a drag
 * brushes a range (a box in scatter plots) that filters the candidate list. Exports PNG and SVG.
 */
import { useEffect, useMemo, useRef } from 'react';
import { brush as brush2d, brushX, pointer, select, type BrushBehavior } from 'd3';
import type { BuiltPlot } from './built-plot';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface BrushRange { readonly x: readonly [number, number]; readonly y?: readonly [number, number] }

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
  onPick(position: number): void;
  onBrush(range: BrushRange | undefined, plot: BuiltPlot): void;
  onExport(format: 'png' | 'svg', svg: SVGSVGElement): void;
}

export function PlotView(p: PlotViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const built = useMemo(() => { try { return { plot: p.build() }; } catch (e) { return { error: e instanceof Error ? e.message : String(e) }; } }, [p.build]); // eslint-disable-line react-hooks/exhaustive-deps
  const handlers = useRef(p);
  handlers.current = p;

  // mount the SVG, the brush and the click picking
  useEffect(() => {
    const el = host.current;
    if (!el || !('plot' in built) || !built.plot) return;
    const plot = built.plot;
    const svg = plot.svg;
    el.replaceChildren(svg);
    const { x0, x1, y0, y1 } = plot.frame;
    const g = select(svg).append('g').attr('data-interaction', 'brush');
    let moved = false, programmatic = false;
    const toPx = (r: BrushRange | undefined): [[number, number], [number, number]] | [number, number] | null => {
      if (!r) return null;
      const a = plot.x.apply(r.x[0]), b = plot.x.apply(r.x[1]);
      if (plot.brush === 'x' || !r.y || !plot.y) return [Math.min(a, b), Math.max(a, b)];
      const c = plot.y.apply(r.y[0]), d = plot.y.apply(r.y[1]);
      return [[Math.min(a, b), Math.min(c, d)], [Math.max(a, b), Math.max(c, d)]];
    };
    const behaviour = (plot.brush === 'x' ? brushX() : brush2d()).extent([[x0, y0], [x1, y1]]) as BrushBehavior<unknown>;
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
    if (handlers.current.brushed) { programmatic = true; behaviour.move(g as never, toPx(handlers.current.brushed) as never); programmatic = false; }
    const onClick = (e: MouseEvent) => {
      const [px, py] = pointer(e, svg);
      const pos = plot.pick(px, py);
      if (pos !== undefined) handlers.current.onPick(pos);
    };
    svg.addEventListener('click', onClick);
    return () => { svg.removeEventListener('click', onClick); g.remove(); };
  }, [built]);

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
          <button type="button" title="Save this plot as PNG" onClick={() => 'plot' in built && built.plot && p.onExport('png', built.plot.svg)} data-testid={`export-png-${p.id}`}>PNG</button>
          <button type="button" title="Save this plot as SVG" onClick={() => 'plot' in built && built.plot && p.onExport('svg', built.plot.svg)} data-testid={`export-svg-${p.id}`}>SVG</button>
        </span>
      </figcaption>
      {'error' in built ? <div className="error-box">{built.error}</div> : <div ref={host} className="plot-host" data-testid={`plot-${p.id}`} />}
    </figure>
  );
}
