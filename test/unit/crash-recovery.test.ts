import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CRASH_WINDOW_MS, watchRenderer, type RecoveryDeps } from '../../src-main/crash-recovery';

function setUp(answer = 0) {
  let t = 1_000_000;
  const win = Object.assign(new EventEmitter(), { webContents: new EventEmitter() });
  const asked: string[] = [];
  let resolveAsk: (n: number) => void = () => {};
  const deps: RecoveryDeps & { advance(ms: number): void } = {
    now: () => t,
    advance: (ms) => { t += ms; },
    log: vi.fn(),
    reload: vi.fn(),
    ask: vi.fn(async (o) => { asked.push(o.message); return answer >= 0 ? answer : new Promise<number>((r) => { resolveAsk = r; }); }),
    quit: vi.fn(),
    killRenderer: vi.fn(),
    isDestroyed: () => false,
  };
  watchRenderer(win as never, deps);
  const crash = (reason = 'crashed') => win.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  return { win, deps, crash, asked, answer: (n: number) => resolveAsk(n) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('renderer crash recovery', () => {
  it('reloads after each crash, logging the reason', () => {
    const { deps, crash } = setUp();
    crash('oom');
    deps.advance(CRASH_WINDOW_MS); // a minute later the first crash no longer counts
    crash(); deps.advance(1000); crash();
    expect(deps.reload).toHaveBeenCalledTimes(3);
    expect(deps.log).toHaveBeenCalledWith(expect.stringMatching(/renderer gone: oom/));
  });

  it('asks instead of reloading on the third crash within a minute; "Reload" starts counting afresh', async () => {
    const { deps, crash, asked } = setUp(0);
    crash(); crash(); crash();
    expect(deps.reload).toHaveBeenCalledTimes(2);
    await tick();
    expect(asked).toEqual(['The display crashed 3 times within a minute.']);
    expect(deps.reload).toHaveBeenCalledTimes(3);
    crash();
    expect(deps.reload).toHaveBeenCalledTimes(4); // counting restarted: no question
    expect(deps.quit).not.toHaveBeenCalled();
  });

  it('quits when the user says so, and never reloads after a clean exit', async () => {
    const { deps, crash } = setUp(1);
    crash('clean-exit');
    expect(deps.reload).not.toHaveBeenCalled();
    crash(); crash(); crash();
    await tick();
    expect(deps.quit).toHaveBeenCalledTimes(1);
    expect(deps.reload).toHaveBeenCalledTimes(2);
  });

  it('offers to reload a hung renderer, once, and does nothing if it recovered meanwhile', async () => {
    const { win, deps, asked, answer } = setUp(-1);
    win.emit('unresponsive'); win.emit('unresponsive');
    expect(asked).toEqual(['The display is not responding.']);
    answer(1);
    await tick();
    expect(deps.killRenderer).toHaveBeenCalledTimes(1);
    win.emit('responsive');
    win.emit('unresponsive');
    win.emit('responsive');
    answer(1);
    await tick();
    expect(deps.killRenderer).toHaveBeenCalledTimes(1);
  });
});
