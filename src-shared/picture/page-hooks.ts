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
  /**
   * The text of a picture as the layout engine placed it (the PNG path's boxes, per region) and,
   * for each text item, its width by the engine's font table and by the browser's canvas.
   */
  textLayout(spec: Partial<PictureSpec>): Promise<{
    regions: { name: string; bounds: TextBox; entries: { kind: string; box: TextBox; text?: string; segment?: readonly (readonly [number, number])[] }[] }[];
    widths: { text: string; font: string; table: number; browser: number }[];
  }>;
}

interface TextBox { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }

declare global {
  interface Window {
    __na62export?: ExportHooks;
    __na62WriteFile?: (name: string, base64: string) => Promise<void>;
  }
}
