/**
 * How one plot of the panel is drawn now: its spec, zoomed (a histogram bins again over the zoomed
 * range), with the brushed events of another plot overlaid (filled under a histogram, highlighted
 * over the faded rest of a scatter plot). Pure apart from the
 * SVG that Observable Plot makes.
 */
import { histogram } from '../../../src-shared/analysis/histogram';
import type { CandidateColumns } from '../../../src-shared/selection/candidate-columns';
import { histYLabel, type PlotSpec } from './analysis-data';
import type { BuiltPlot } from './built-plot';
import { histogramPlot, scatterPlot, type PlotSize } from './plots';
import type { PlotTheme } from './plot-theme';
import { brushedEntries, zoomedBins, type PlotZoom } from './plot-zoom';

export interface PlotContext {
  /** the result's candidate columns (a tooltip makes its text from them; no object per candidate) */
  readonly columns: CandidateColumns;
  readonly theme: PlotTheme;
  readonly size: PlotSize;
  readonly tag: string | undefined;
  readonly weighted: boolean;
  readonly zoom: PlotZoom | undefined;
  /** the events (indices) brushed in another plot, and what the legend calls them */
  readonly brushed?: { readonly events: ReadonlySet<number>; readonly label: string };
}

export function buildPlot(spec: PlotSpec, c: PlotContext): BuiltPlot {
  if (spec.kind === 'hist') {
    const bins = zoomedBins(spec.bins, c.zoom?.x, spec.minWidth);
    const zoomed = bins !== spec.bins;
    const h = zoomed ? histogram(spec.values, bins, spec.weights) : spec.h;
    const yLabel = zoomed ? histYLabel(c.weighted, (bins.hi - bins.lo) / bins.bins, spec.unit) : spec.yLabel;
    let brushed: { h: ReturnType<typeof histogram>; label: string } | undefined;
    if (c.brushed) {
      const ev = c.brushed.events, ix = c.columns.index, n = c.columns.n;
      const sub = brushedEntries(spec.values, spec.owners, spec.weights, (pos) => pos < n && ev.has(ix[pos]!));
      brushed = { h: histogram(sub.values, bins, sub.weights), label: c.brushed.label };
    }
    return histogramPlot({
      h, xLabel: spec.xLabel, yLabel, values: spec.values, owners: spec.owners, bands: spec.bands, theme: c.theme, size: c.size, tag: c.tag,
      ...(brushed ? { brushed } : {}), ...(zoomed && c.zoom?.x ? { domainX: [Math.min(...c.zoom.x), Math.max(...c.zoom.x)] as const } : {}),
    });
  }
  const dx = c.zoom?.x ?? spec.domainX, dy = c.zoom?.y ?? spec.domainY;
  const ev = c.brushed?.events, ix = c.columns.index, n = c.columns.n;
  return scatterPlot({
    ...(ev ? { brushed: { has: (pos: number) => pos < n && ev.has(ix[pos]!), label: c.brushed!.label } } : {}),
    xLabel: spec.xLabel, yLabel: spec.yLabel, xs: spec.xs, ys: spec.ys, regions: spec.regions, theme: c.theme, size: c.size, tag: c.tag,
    ...(dx ? { domainX: dx } : {}), ...(dy ? { domainY: dy } : {}), ...(spec.density ? { density: spec.density } : {}),
    titles: (i: number) => { const k = c.columns; return `${k.run[i]}:${k.burst[i]}:${k.event[i]} · ${k.processes[k.process[i]!]}`; },
  });
}
