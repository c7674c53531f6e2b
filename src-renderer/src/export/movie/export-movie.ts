/**
 * A movie of the event on screen, as the export dialog, the page hooks (CLI, tests) and batch
 * callers ask for it: the app's snapshot (the 3D view's look included), rendered and encoded by
 * render-movie.ts, named run_burst_event_kind.webm|mp4.
 */
import type { LiveView } from '../../views/live-view';
import type { AppStores } from '../../state/app-stores';
import { movieFileName, type MovieSpec } from '../../../../src-shared/picture/movie-spec';
import { exportEnv, type ExportedFile } from '../exporter';
import { blindingRecord } from '../picture-context';
import { renderMovie, type MovieOptions } from './render-movie';

export interface ExportedMovie extends ExportedFile { readonly frames: number; readonly codec: string }

export async function exportMovie(live: LiveView, stores: AppStores, spec: MovieSpec, opts: Omit<MovieOptions, 'blinding'> = {}): Promise<ExportedMovie> {
  const env = exportEnv(live, stores);
  const movie = await renderMovie(spec, env, { ...opts, blinding: blindingRecord(stores) });
  const name = movieFileName(stores.data.getState().event?.header, spec);
  return { name, data: movie.data, width: movie.width, height: movie.height, frames: movie.frames, codec: movie.codec };
}
