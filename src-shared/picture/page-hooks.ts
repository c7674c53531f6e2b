/**
 * What the app's page offers to the CLI (`na62 render` drives the browser build in Chromium) and
 * to the end-to-end tests: the export hooks on window.__na62export. Types only, shared so that the
 * CLI does not import the renderer.
 */
import type { PictureFormat, PictureSpec } from './picture-spec';
import type { PresetId } from '../selection/types';
import type { MovieSpec } from './movie-spec';

export interface ExportHooks {
  /** a picture of the event on screen; the file's bytes as base64 */
  picture(spec: Partial<PictureSpec>, format: PictureFormat, maxTile?: number): Promise<{ name: string; base64: string; width: number; height: number }>;
  scene(): Promise<{ name: string; base64: string }>;
  /** pictures of events (indices of the current dataset); each file goes to window.__na62WriteFile(name, base64) when the CLI provides it */
  batch(spec: Partial<PictureSpec>, format: PictureFormat, events: number[], allViews: boolean): Promise<{ written: string[]; skipped: { index: number; reason: string }[] }>;
  /** indices of run:burst:event triples in the current dataset (null where absent; an error where blinded) */
  find(rbe: [number, number, number][]): Promise<(number | null | { error: string })[]>;
  /**
   * `na62 render --unblind cr|sr`: open these analyses of the current dataset to a stage, step by
   * step through the engine's own rule (the phrase naming preset, region and dataset); the steps
   * are logged as in the dialog. Resolves to a problem, or undefined.
   */
  unblind(presets: PresetId[], stage: 'cr' | 'sr'): Promise<string | undefined>;
  /** an event movie (turntable or build-up) of event `index` of the current dataset (default: the one shown); base64 bytes */
  movie(spec: Partial<MovieSpec>, index?: number): Promise<{ name: string; base64: string; width: number; height: number; frames: number; codec: string; seconds: number }>;
}

declare global {
  interface Window {
    __na62export?: ExportHooks;
    __na62WriteFile?: (name: string, base64: string) => Promise<void>;
  }
}
