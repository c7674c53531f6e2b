/**
 * `na62 render --movie turntable|buildup`: the options of an event movie, checked before Chromium
 * starts, and the run over the events through the page's own export (window.__na62export.movie).
 */
import type { Page } from 'playwright-core';
import { ALL_CAPTION } from '../src-shared/picture/picture-spec';
import { checkMovieSpec, MOVIE_KINDS, type MovieFormat, type MovieKind, type MovieSpec } from '../src-shared/picture/movie-spec';
import type {} from '../src-shared/picture/page-hooks';

export interface MovieValues {
  readonly movie?: string | undefined; readonly format?: string | undefined; readonly size?: string | undefined; readonly fps?: string | undefined;
  readonly duration?: string | undefined; readonly views?: string | undefined; readonly theme?: string | undefined; readonly 'no-labels'?: boolean | undefined;
}

export interface MovieRun {
  readonly spec: MovieSpec;
  run(page: Page, events: readonly number[], write: (name: string, bytes: Buffer) => Promise<void>): Promise<{ written: number; failed: number }>;
}

/** The movie's spec from the command line (`fail` exits with the message). */
export function movieSpecOf(v: MovieValues, fail: (msg: string) => never): MovieSpec {
  const kind = v.movie as MovieKind;
  if (!MOVIE_KINDS.includes(kind)) fail(`--movie wants turntable or buildup, got "${v.movie}"`);
  // --format's default is the pictures' png: a movie then takes WebM
  const format = (v.format === undefined || v.format === 'png' ? 'webm' : v.format) as MovieFormat;
  if (format !== 'webm' && format !== 'mp4') fail(`--format wants webm or mp4 for a movie, got "${v.format}"`);
  const view = v.views ?? '3d';
  if (view !== '3d' && view !== 'side') fail(`--views wants 3d or side for a movie, got "${view}"`);
  const size = /^(\d+)x(\d+)$/.exec(v.size ?? '1920x1080');
  if (!size) fail(`--size wants WxH, e.g. 1920x1080, got "${v.size}"`);
  const spec: MovieSpec = {
    kind, view, format, width: Number(size[1]), height: Number(size[2]), fps: Number(v.fps ?? 30), duration: Number(v.duration ?? 6),
    theme: v.theme === 'paper' ? 'paper' : 'dark', caption: ALL_CAPTION, legend: true,
  };
  const problem = checkMovieSpec(spec);
  if (problem) fail(problem);
  return spec;
}

export function movieRun(v: MovieValues, fail: (msg: string) => never): MovieRun {
  const spec = movieSpecOf(v, fail);
  return {
    spec,
    async run(page, events, write) {
      let written = 0, failed = 0;
      for (const index of events) {
        try {
          const r = await page.evaluate(([s, i]) => window.__na62export!.movie(s, i), [spec, index] as const);
          await write(r.name, Buffer.from(r.base64, 'base64'));
          console.log(`event ${index}: ${r.width} × ${r.height}, ${r.frames} frames, ${r.codec}, ${r.seconds.toFixed(1)} s`);
          written++;
        } catch (e) {
          failed++;
          console.error(`na62: event ${index}: ${(e instanceof Error ? e.message : String(e)).replace(/^page\.evaluate: (Error: )?/, '')}`);
        }
      }
      return { written, failed };
    },
  };
}
