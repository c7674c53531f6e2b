/**
 * What an event movie is: a turntable of the 3D view or an event build-up, its container and
 * codec, size, frame rate and length. Pure (no DOM, no WebCodecs): validation, frame timing,
 * codec strings and file names, shared by the export dialog, the page hooks, the CLI and the tests.
 */
import type { CaptionParts, PictureTheme } from './picture-spec';

export type MovieKind = 'turntable' | 'buildup';
export const MOVIE_KINDS: readonly MovieKind[] = ['turntable', 'buildup'];
/** WebM carries VP9, MP4 carries H.264 (what slides and every player take) */
export type MovieFormat = 'webm' | 'mp4';
export const MOVIE_FORMATS: readonly MovieFormat[] = ['webm', 'mp4'];
/** the build-up can be watched in 3D or in the side view (z–y); the turntable is 3D only */
export type MovieView = '3d' | 'side';

export interface MovieSpec {
  readonly kind: MovieKind;
  readonly view: MovieView;
  readonly format: MovieFormat;
  readonly width: number;
  readonly height: number;
  /** frames per second, 25–60 */
  readonly fps: number;
  /** seconds */
  readonly duration: number;
  readonly theme: PictureTheme;
  readonly caption: CaptionParts;
  /** a legend of the event's collections in the caption band */
  readonly legend: boolean;
}

export const MOVIE_LIMITS = { minFps: 25, maxFps: 60, minDuration: 0.2, maxDuration: 60, minSide: 64, maxWidth: 3840, maxHeight: 2160 } as const;

export const MOVIE_SIZES: readonly { label: string; width: number; height: number }[] = [
  { label: 'HD 1920 × 1080', width: 1920, height: 1080 },
  { label: '4K 3840 × 2160', width: 3840, height: 2160 },
  { label: 'small 960 × 540', width: 960, height: 540 },
  { label: 'preview 640 × 360', width: 640, height: 360 },
];

export function defaultMovieSpec(kind: MovieKind, caption: CaptionParts): MovieSpec {
  return { kind, view: '3d', format: 'webm', width: 1920, height: 1080, fps: 30, duration: kind === 'turntable' ? 8 : 6, theme: 'dark', caption, legend: true };
}

/** A problem with the spec in words, or undefined. Encoders want even sizes (4:2:0 chroma). */
export function checkMovieSpec(s: MovieSpec): string | undefined {
  const L = MOVIE_LIMITS;
  if (!MOVIE_KINDS.includes(s.kind)) return `movie kind must be ${MOVIE_KINDS.join(' or ')}, got "${String(s.kind)}"`;
  if (!MOVIE_FORMATS.includes(s.format)) return `movie format must be webm or mp4, got "${String(s.format)}"`;
  if (s.view !== '3d' && s.view !== 'side') return `movie view must be 3d or side, got "${String(s.view)}"`;
  if (s.kind === 'turntable' && s.view !== '3d') return 'a turntable is of the 3D view';
  if (!Number.isInteger(s.width) || !Number.isInteger(s.height) || s.width < L.minSide || s.height < L.minSide) return `movie size must be whole pixels, at least ${L.minSide} × ${L.minSide}`;
  if (s.width > L.maxWidth || s.height > L.maxHeight) return `movie size must be at most ${L.maxWidth} × ${L.maxHeight} (4K), got ${s.width} × ${s.height}`;
  if (s.width % 2 || s.height % 2) return `movie width and height must be even (the encoders' 4:2:0 chroma), got ${s.width} × ${s.height}`;
  if (!Number.isInteger(s.fps) || s.fps < L.minFps || s.fps > L.maxFps) return `frame rate must be a whole number from ${L.minFps} to ${L.maxFps} fps, got ${s.fps}`;
  if (!(s.duration >= L.minDuration && s.duration <= L.maxDuration)) return `duration must be ${L.minDuration}–${L.maxDuration} s, got ${s.duration}`;
  return undefined;
}

/** Frames of a movie: one per 1/fps, at least 2 (a first and a last). */
export const frameCount = (fps: number, duration: number): number => Math.max(2, Math.round(fps * duration));

/** Frame i's presentation time and length in µs (WebCodecs' unit), exact on average: no drift over long movies. */
export function frameTime(i: number, fps: number): { timestamp: number; duration: number } {
  const t0 = Math.round((i * 1e6) / fps), t1 = Math.round(((i + 1) * 1e6) / fps);
  return { timestamp: t0, duration: t1 - t0 };
}

/** A key frame every 2 s (and the first), so players can seek. */
export const isKeyFrame = (i: number, fps: number): boolean => i % (2 * fps) === 0;

/**
 * The codec string for a size and frame rate: the lowest level whose limits hold it, so players
 * that check the level accept the file. H.264 (ITU-T H.264 Table A-1): max frame size in macroblocks
 * and max macroblocks per second; VP9 (VP9 spec Annex A): max picture size and luma sample rate.
 */
export function codecFor(format: MovieFormat, width: number, height: number, fps: number): string {
  if (format === 'mp4') {
    const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
    const levels: [number, number, number][] = [[0x1f, 3600, 108_000], [0x20, 5120, 216_000], [0x28, 8192, 245_760], [0x2a, 8704, 522_240], [0x32, 22_080, 589_824], [0x33, 36_864, 983_040], [0x34, 36_864, 2_073_600]];
    const lv = levels.find(([, fs, rate]) => mbs <= fs && mbs * fps <= rate) ?? levels[levels.length - 1]!;
    return `avc1.6400${lv[0].toString(16).padStart(2, '0')}`; // High profile
  }
  const samples = width * height;
  const levels: [string, number, number][] = [['31', 983_040, 36_864_000], ['40', 2_228_224, 83_558_400], ['41', 2_228_224, 160_432_128], ['50', 8_912_896, 311_951_360], ['51', 8_912_896, 588_251_136], ['52', 8_912_896, 1_176_502_272]];
  const lv = levels.find(([, size, rate]) => samples <= size && samples * fps <= rate) ?? levels[levels.length - 1]!;
  return `vp09.00.${lv[0]}.08`; // profile 0, 8 bit
}

/** Bits per second: about 0.12 bit per pixel and frame (crisp thin lines on a flat background), 1–50 Mbit/s. */
export const bitrateFor = (width: number, height: number, fps: number): number => Math.round(Math.min(50e6, Math.max(1e6, width * height * fps * 0.12)));

/** run_burst_event_turntable.webm, run_burst_event_buildup-side.mp4 */
export function movieFileName(h: { run: number; burst: number; event: number } | undefined, s: Pick<MovieSpec, 'kind' | 'view' | 'format'>): string {
  const rbe = h ? `${h.run}_${h.burst}_${h.event}` : 'detector';
  return `${rbe}_${s.kind}${s.kind === 'buildup' && s.view === 'side' ? '-side' : ''}.${s.format}`;
}
