/**
 * Huge events in the browser build: an event with 10⁵ hits opens from a file and draws (in the
 * same few draw calls as a small one); one past the display's limit is refused with a message
 * that names it, and the app goes on.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEventFile } from '../../src-engine/io/event-file';
import { nodeFileSink } from '../../src-node/fs/node-file';
import { GEOMETRY_VERSION } from '../../src-shared/geometry/na62-detector';
import { crowdedEvent, hitCount } from '../crowded-event';
import { EVENT_LAYERS } from '../../src-renderer/src/display/layers/registry';
import { SHOTS, afterRender, canvasShot, distinctColours, pageShot, withDemoPage } from './support';

const t = withDemoPage();

describe('crowded events', () => {
  it('draws an event with 10^5 hits, refuses one past the limit with a message, and goes on', async () => {
    const events = [crowdedEvent(10.2, { run: 7, burst: 0, event: 1 }), crowdedEvent(115, { run: 7, burst: 0, event: 2 })];
    expect(hitCount(events[0]!)).toBeGreaterThan(100_000);
    const file = path.join(SHOTS, 'crowded.arrow');
    await writeEventFile(await nodeFileSink(file), events.length, (start, count) => events.slice(start, start + count), {
      meta: { geometryVersion: GEOMETRY_VERSION, strawHits: true, truth: false, kind: 'simulation', generator: null, description: 'stress test: 10^5 and 10^6 hits' },
    });
    const calls0 = (await t.page.evaluate(() => window.__na62!.renderInfo())).calls;
    const [chooser] = await Promise.all([t.page.waitForEvent('filechooser'), t.page.getByTestId('open-file').click()]);
    await afterRender(t.page, () => chooser.setFiles(file));
    await expect.poll(() => t.page.getByTestId('event-summary').locator('.hud-line').textContent(), { timeout: 60_000 }).toContain('7:0:1');
    await expect.poll(() => t.page.evaluate(() => window.__na62!.eventCounts()?.straws ?? 0), { timeout: 30_000 }).toBe(40_800);
    const info = await t.page.evaluate(() => window.__na62!.renderInfo());
    // the hits add no draw calls of their own: at most a line object and a mesh per collection layer
    expect(info.calls).toBeLessThan(calls0 + 2 * EVENT_LAYERS.length);
    expect(distinctColours(await canvasShot(t.page, '80-crowded-event'))).toBeGreaterThan(10);
    await pageShot(t.page, '80-crowded-page');
    await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await t.page.keyboard.press('ArrowRight');
    await expect.poll(() => t.page.getByTestId('data-error').textContent(), { timeout: 60_000 })
      .toMatch(/^event 7:0:2 has 1,1\d\d,\d\d\d hits, clusters and tracks: more than the display draws \(1,000,000\)$/);
    // the app goes on: back to the first event
    await t.page.keyboard.press('ArrowLeft');
    await expect.poll(() => t.page.getByTestId('event-summary').locator('.hud-line').textContent(), { timeout: 60_000 }).toContain('7:0:1');
    expect(t.problems.errors).toEqual([]);
  });
});
