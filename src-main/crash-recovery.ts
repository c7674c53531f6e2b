/**
 * A crashed or hung renderer must not take the user's work with it: the main process (where the
 * engine and its open datasets live) logs why, and reloads the page the window showed. Reloads are
 * capped: a page that crashes again and again (3 times within a minute) is not reloaded in a loop;
 * the user is told, and chooses to try again or quit.
 */
import type { RenderProcessGoneDetails } from 'electron';

export interface RecoveryDeps {
  now(): number;
  log(message: string): void;
  /** reload the page the window showed before the crash */
  reload(): void;
  /** a modal question; resolves to the index of the button chosen */
  ask(opts: { title: string; message: string; detail: string; buttons: string[] }): Promise<number>;
  quit(): void;
  /** end a hung renderer process (its 'render-process-gone' then follows) */
  killRenderer(): void;
  isDestroyed(): boolean;
}

/** The part of a BrowserWindow this module needs. */
export interface WatchedWindow {
  readonly webContents: { on(event: 'render-process-gone', fn: (event: unknown, details: RenderProcessGoneDetails) => void): unknown };
  on(event: 'unresponsive' | 'responsive', fn: () => void): unknown;
}

export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

export function watchRenderer(win: WatchedWindow, deps: RecoveryDeps): void {
  let crashes: number[] = [];
  let asking = false;
  let hung = false;

  win.webContents.on('render-process-gone', (_e, details) => {
    deps.log(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    hung = false;
    // a clean exit is the window closing, not a crash
    if (details.reason === 'clean-exit' || deps.isDestroyed()) return;
    const t = deps.now();
    crashes = [...crashes.filter((c) => t - c < CRASH_WINDOW_MS), t];
    if (crashes.length < MAX_CRASHES) { deps.reload(); return; }
    if (asking) return;
    asking = true;
    void deps.ask({
      title: 'NA62 Event Display',
      message: `The display crashed ${crashes.length} times within a minute.`,
      detail: `Last reason: ${details.reason}. Your open files are still loaded; reloading shows them again.`,
      buttons: ['Reload', 'Quit'],
    }).then((choice) => {
      asking = false;
      if (deps.isDestroyed()) return;
      if (choice === 0) { crashes = []; deps.reload(); } else deps.quit();
    });
  });

  win.on('responsive', () => { hung = false; });
  win.on('unresponsive', () => {
    if (hung || asking) return;
    hung = true;
    deps.log('renderer unresponsive');
    asking = true;
    void deps.ask({
      title: 'NA62 Event Display',
      message: 'The display is not responding.',
      detail: 'Wait for it, or reload the window (your open files stay loaded).',
      buttons: ['Wait', 'Reload'],
    }).then((choice) => {
      asking = false;
      // it may have recovered while the question was open
      if (choice === 1 && hung && !deps.isDestroyed()) deps.killRenderer();
    });
  });
}
