/**
 * What a picture is: its pixel size, layout of panels, theme, background, caption and overlays.
 * Pure (no DOM, no WebGL): validation, panel rectangles, tiles, axis ticks and file names, shared
 * by the export dialog, the batch export, the CLI `render` and the tests.
 */
import { formatLength, niceFloor } from './lengths';

/** The views of the display: a 3D perspective and three orthographic projections. */
export type ViewMode = '3d' | 'side' | 'top' | 'beam';

export const MAX_WIDTH = 7680;
export const MAX_HEIGHT = 4320;
export const MIN_SIZE = 64;

export type PictureTheme = 'dark' | 'paper';
export type PictureFormat = 'png' | 'svg';

export interface PanelSpec {
  readonly view: ViewMode;
  /** beam's-eye station element id (beam view only) */
  readonly station?: string;
}

export interface CaptionParts {
  /** "NA62" */
  readonly experiment: boolean;
  /** "Simulation" or "Data", from the file */
  readonly kind: boolean;
  readonly runBurstEvent: boolean;
  readonly date: boolean;
  /** the selection and the event's region */
  readonly selection: boolean;
  readonly keyVariables: boolean;
  readonly blinding: boolean;
}

export interface OverlayParts {
  readonly labels: boolean;
  readonly legend: boolean;
  readonly scaleBars: boolean;
  readonly axes: boolean;
  readonly titles: boolean;
  /** the CDA_TAX inset at Z_TAX in the side and top panels (dump-mode events); absent (older specs): as `labels` */
  readonly taxInset?: boolean;
}

/** Whether a picture draws the CDA_TAX inset: the spec's choice, or as its element labels for specs from before it existed. */
export const showsTaxInset = (o: OverlayParts): boolean => o.taxInset ?? o.labels;

export interface PictureSpec {
  readonly width: number;
  readonly height: number;
  /** one panel: a single view; several: a composed figure */
  readonly panels: readonly PanelSpec[];
  readonly theme: PictureTheme;
  readonly transparent: boolean;
  readonly caption: CaptionParts;
  readonly overlays: OverlayParts;
  /** multiplies the widths of tracks and hit markers (1 = as on screen, scaled to the picture) */
  readonly lineWidth: number;
  /** panels framed on: the view as on screen (single current view only), the event, or the visible detector */
  readonly frame: 'screen' | 'event' | 'detector';
}

export const ALL_CAPTION: CaptionParts = { experiment: true, kind: true, runBurstEvent: true, date: true, selection: true, keyVariables: true, blinding: true };
export const ALL_OVERLAYS: OverlayParts = { labels: true, legend: true, scaleBars: true, axes: true, titles: true, taxInset: true };

/** The multi-panel figure of NA62 talks: side, top, beam's eye at STRAW1, 3D. */
export const FIGURE_PANELS: readonly PanelSpec[] = [{ view: 'side' }, { view: 'top' }, { view: 'beam', station: 'straw1' }, { view: '3d' }];

export const SIZE_PRESETS: readonly { label: string; width: number; height: number }[] = [
  { label: 'HD 1920 × 1080', width: 1920, height: 1080 },
  { label: '4K 3840 × 2160', width: 3840, height: 2160 },
  { label: '8K 7680 × 4320', width: 7680, height: 4320 },
  { label: 'slide 4:3 2400 × 1800', width: 2400, height: 1800 },
  { label: 'paper column 2000 × 1200', width: 2000, height: 1200 },
];

export function defaultSpec(view: PanelSpec): PictureSpec {
  return { width: 1920, height: 1080, panels: [view], theme: 'dark', transparent: false, caption: ALL_CAPTION, overlays: ALL_OVERLAYS, lineWidth: 1, frame: 'screen' };
}

/** A message naming the problem, or undefined when the spec can be rendered. */
export function checkSpec(s: PictureSpec): string | undefined {
  const int = (x: number) => Number.isInteger(x);
  if (!int(s.width) || !int(s.height)) return `picture size must be whole pixels, got ${s.width} × ${s.height}`;
  if (s.width < MIN_SIZE || s.height < MIN_SIZE) return `picture size ${s.width} × ${s.height} is below the minimum of ${MIN_SIZE} × ${MIN_SIZE} px`;
  if (s.width > MAX_WIDTH || s.height > MAX_HEIGHT) return `picture size ${s.width} × ${s.height} is above the maximum of ${MAX_WIDTH} × ${MAX_HEIGHT} px`;
  if (!s.panels.length) return 'a picture needs at least one view';
  if (s.panels.length > 6) return 'at most 6 views in one figure';
  if (!(s.lineWidth >= 0.25 && s.lineWidth <= 8)) return `line width factor ${s.lineWidth} is outside 0.25–8`;
  return undefined;
}

export interface Rect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** Panel rectangles (output px): one view fills the picture; a figure is a grid (2 → side by side, 3–4 → 2 × 2, 5–6 → 3 × 2). */
export function panelRects(width: number, height: number, n: number, gap: number): Rect[] {
  if (n <= 1) return [{ x: 0, y: 0, w: width, h: height }];
  const cols = n <= 2 ? (width >= height ? 2 : 1) : n <= 4 ? 2 : 3;
  const rows = Math.ceil(n / cols);
  const w = Math.floor((width - gap * (cols - 1)) / cols), h = Math.floor((height - gap * (rows - 1)) / rows);
  return Array.from({ length: n }, (_, i) => ({ x: (i % cols) * (w + gap), y: Math.floor(i / cols) * (h + gap), w, h }));
}

/** Tiles covering a w × h rectangle, none larger than `max` on a side. */
export function tiles(w: number, h: number, max: number): Rect[] {
  const out: Rect[] = [];
  const m = Math.max(16, Math.floor(max));
  for (let y = 0; y < h; y += m) for (let x = 0; x < w; x += m) out.push({ x, y, w: Math.min(m, w - x), h: Math.min(m, h - y) });
  return out;
}

/**
 * Output pixels per screen (CSS) pixel: the picture shows what the screen shows, enlarged; lines,
 * points and text scale with it, so an 8K picture keeps the look of the screen (no hairlines).
 */
export function pixelScale(width: number, height: number, screen: { width: number; height: number }): number {
  return Math.max(0.25, Math.min(width / Math.max(screen.width, 1), height / Math.max(screen.height, 1)));
}

export interface Tick { readonly value: number; readonly label: string }

/**
 * Ticks for an axis showing true detector millimetres from `min` to `max` (display units × mm per
 * display unit already applied), about `count` of them, at 1/2/5 × 10^n, labelled in m, cm or mm.
 */
export function axisTicks(min: number, max: number, count = 6): { step: number; unit: 'm' | 'mm'; ticks: Tick[] } {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return { step: 0, unit: 'mm', ticks: [] };
  let step = niceFloor((max - min) / Math.max(1, count));
  if ((max - min) / step > count * 1.6) step = niceFloor(step * 2.5);
  const unit = step >= 1000 || Math.max(Math.abs(min), Math.abs(max)) >= 20_000 ? 'm' : 'mm';
  const ticks: Tick[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    const x = Math.abs(v) < step * 1e-9 ? 0 : v;
    const label = unit === 'm' ? `${+(x / 1000).toPrecision(6)}` : `${+x.toPrecision(6)}`;
    ticks.push({ value: x, label });
  }
  return { step, unit, ticks };
}

export const VIEW_FILE_NAMES: Record<ViewMode, string> = { '3d': '3d', side: 'side', top: 'top', beam: 'beam' };

/** run_burst_event_view.ext, e.g. 11001_0_4_side.png; beam views carry their station, figures are "figure". */
export function pictureFileName(h: { run: number; burst: number; event: number } | undefined, panels: readonly PanelSpec[], ext: string): string {
  const view = panels.length > 1 ? 'figure' : panels[0]!.view === 'beam' ? `beam-${panels[0]!.station ?? 'straw1'}` : VIEW_FILE_NAMES[panels[0]!.view];
  const rbe = h ? `${h.run}_${h.burst}_${h.event}` : 'detector';
  return `${rbe}_${view}.${ext}`.replace(/[^\w.-]/g, '-');
}

/** "0-4,7,9" → [0,1,2,3,4,7,9]: event indices or, with colons, run:burst:event triples. */
export function parseEventList(text: string, max = 100_000): { indices: number[] } | { rbe: [number, number, number][] } | { error: string } {
  const parts = text.split(/[,\s]+/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return { error: 'no events given' };
  if (parts.every((p) => /^\d+:\d+:\d+$/.test(p))) return { rbe: parts.map((p) => p.split(':').map(Number) as [number, number, number]) };
  const out: number[] = [];
  for (const p of parts) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (!m) return { error: `"${p}" is neither an index, a range a-b nor run:burst:event` };
    const a = Number(m[1]), b = m[2] !== undefined ? Number(m[2]) : a;
    if (b < a) return { error: `range "${p}" runs backwards` };
    for (let i = a; i <= b; i++) { out.push(i); if (out.length > max) return { error: `more than ${max} events` }; }
  }
  return { indices: out };
}

export { formatLength };
