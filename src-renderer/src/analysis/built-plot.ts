/**
 * A plot made with Observable Plot, with what the linking needs: its scales (data ↔ pixels), its
 * frame, and how to find the event under a click. Plot adds a <style> element to each SVG; the
 * app's CSP forbids inline styles, so it is removed here (the app's stylesheet has the same rules).
 */
export interface ScaleFns {
  apply(v: number): number;
  invert(px: number): number;
}

export interface BuiltPlot {
  readonly svg: SVGSVGElement;
  readonly x: ScaleFns;
  /** absent for 1D plots */
  readonly y?: ScaleFns;
  /** plotting area in SVG pixels */
  readonly frame: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
  /** which brush: a range in x (histograms) or a box (scatter plots) */
  readonly brush: 'x' | 'xy';
  /** the candidate index (into the list the plot was made from) under a click, if any */
  pick(px: number, py: number): number | undefined;
  /** where the current event sits in data coordinates (y absent for 1D plots), if it is plotted */
  locate(index: number): { x: number; y?: number } | undefined;
}

type PlotScale = { apply(v: unknown): number; invert?(px: number): unknown } | undefined;
export type PlotElement = (SVGSVGElement | HTMLElement) & { scale(name: string): PlotScale };

export function scaleFns(plot: PlotElement, name: 'x' | 'y'): ScaleFns {
  const s = plot.scale(name);
  if (!s || !s.invert) throw new Error(`the plot has no continuous ${name} scale`);
  const inv = s.invert.bind(s);
  return { apply: (v) => s.apply(v), invert: (px) => Number(inv(px)) };
}

/** The SVG of a Plot result, without the inline <style> the CSP would refuse. */
export function cleanSvg(plot: PlotElement): SVGSVGElement {
  const svg = (plot instanceof SVGSVGElement ? plot : plot.querySelector('svg')) as SVGSVGElement | null;
  if (!svg) throw new Error('the plot made no SVG');
  Array.from(plot.querySelectorAll('style')).forEach((s) => s.remove());
  return svg;
}
