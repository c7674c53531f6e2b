/**
 * The view the command line asked for, handed to the renderer once at start (a reload after a
 * renderer crash goes back to the session instead). A view file is read and checked here; a bad
 * one is reported by name, never applied in part.
 */
import path from 'node:path';
import type { StartupView } from '../../src-shared/api/contract';
import { MAX_VIEW_BYTES, parseViewFile, VIEW_FORMAT, VIEW_VERSION, type ViewFile } from '../../src-shared/view/view-file';
import type { ViewArgs } from './view-args';

export async function startupViewFrom(args: ViewArgs, readText: (file: string, maxBytes: number) => Promise<string>): Promise<StartupView> {
  const problems = [...args.problems];
  let view: ViewFile | undefined;
  let source: string | null = null;
  const file = args.viewFiles[0];
  if (args.viewFiles.length > 1) problems.push(`only one view opens at a time: ${args.viewFiles.slice(1).map((f) => path.basename(f)).join(', ')} left unopened`);
  if (file) {
    source = path.basename(file);
    try {
      const parsed = parseViewFile(await readText(file, MAX_VIEW_BYTES), file);
      if ('view' in parsed) view = parsed.view;
      else problems.push(parsed.problem);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  // switches refine (or make) the view: `--event` picks the event, `--view`/`--station` the view
  if (args.event || args.mode || args.station) {
    view = {
      ...(view ?? { format: VIEW_FORMAT, version: VIEW_VERSION }),
      ...(args.event ? { event: args.event } : {}),
      view: { ...view?.view, ...(args.mode ? { mode: args.mode } : {}), ...(args.station ? { beamStation: args.station } : {}) },
    };
    source ??= 'the command line';
  }
  return { view: view ?? null, source, problem: problems.length ? problems.join('; ') : null };
}

/** The start-up view, given out once: a reloaded page (crash recovery) goes back to its session. */
export function onceStartupView(pending: Promise<StartupView>): () => Promise<StartupView> {
  let taken = false;
  return async () => {
    if (taken) return { view: null, source: null, problem: null };
    taken = true;
    return pending;
  };
}

/** The main process's share-a-view requests: the start-up view, and text (a link) onto the clipboard. */
export function createViewHandlers(deps: { startupView: () => Promise<StartupView>; writeClipboardText(text: string): void }) {
  return {
    startupView: deps.startupView,
    copyText: ({ text }: { text: string }) => { deps.writeClipboardText(text); return { copied: true as const }; },
  };
}
