/**
 * Temporary files being written, so nothing is left behind whatever ends the process: a sink
 * registers its temporary while it is open; an interrupt (SIGINT, also a second one, as npm and
 * tsx relay Ctrl+C to the whole process group, and SIGTERM, as batch systems send) or an exit
 * removes every registered one synchronously.
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();

export const trackTemp = (file: string): void => { live.add(file); };
export const untrackTemp = (file: string): void => { live.delete(file); };
export const liveTemps = (): string[] => [...live];

/** Remove every registered temporary now (synchronously: this runs in signal and exit handlers). */
export function removeTemps(): string[] {
  const removed: string[] = [];
  for (const f of live) {
    try { rmSync(f, { force: true }); removed.push(f); } catch { /* already gone or not removable: nothing more to do */ }
  }
  live.clear();
  return removed;
}

let installed = false;
/**
 * On SIGINT or SIGTERM: remove the temporaries, say so on stderr and exit 130 or 143 (128 + the
 * signal). `onInterrupt` may stop other work first (a browser, worker threads).
 */
export function exitCleanlyOnSignals(prog: string, onInterrupt?: () => void): void {
  if (installed) return;
  installed = true;
  const handler = (signal: NodeJS.Signals) => {
    try { onInterrupt?.(); } catch { /* exiting anyway */ }
    const removed = removeTemps();
    process.stderr.write(`\n${prog}: interrupted (${signal})${removed.length ? `; removed the unfinished ${removed.join(', ')}` : ''}; no output written\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('exit', () => { removeTemps(); });
}
