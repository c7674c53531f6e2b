/**
 * The 3D view that shows the event (issue 17): on the demo, in 3D, the z cut-away plane removes
 * ANTI0's wall, the φ wedge and the x-ray reveal the tracks inside the vessel, a group's opacity
 * changes what is drawn, and a picture of the 3D view shows the same cut-away. The pictures at
 * 1600 × 1000 land in test-output/e2e/scene3d-*.png (the README's come from there).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { afterRender, canvasShot, fractionChanged, fractionNot, hex, SHOTS, withDemoPage, type Region } from './support';

const ctx = withDemoPage();
const BG_DARK = hex('#0f1419');

/**
 * Step forward to the first event with at least two tracks drawn (the demo may open on one without;
 * blinded events in between show no summary, so the drawn event is what is read).
 */
async function eventWithTracks(page: Page): Promise<void> {
  const tracks = () => page.evaluate(() => window.__na62!.eventCounts()?.tracks ?? 0);
  for (let i = 0; i < 80; i++) {
    if ((await tracks()) >= 2) break;
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
  }
  await expect.poll(tracks, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
}

/** The track colours the legend shows (charge colouring). */
async function trackColours(page: Page): Promise<[number, number, number][]> {
  const css = await page.locator('.event-legend span[data-layer="tracks"] i').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  return css.map((c) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number]);
}

/** Fraction of sample points along the tracks that show a track colour within a few pixels: how much of the event is seen. */
function tracksSeen(img: PNG, points: { x: number; y: number }[], colours: [number, number, number][]): number {
  const near = (i: number) => colours.some((c) => Math.abs(img.data[i]! - c[0]) < 50 && Math.abs(img.data[i + 1]! - c[1]) < 50 && Math.abs(img.data[i + 2]! - c[2]) < 50);
  const inside = points.filter((p) => p.x >= 3 && p.y >= 3 && p.x < img.width - 3 && p.y < img.height - 3);
  let seen = 0;
  for (const p of inside) {
    let hit = false;
    for (let dy = -2; dy <= 2 && !hit; dy++) for (let dx = -2; dx <= 2 && !hit; dx++) hit = near(((Math.round(p.y) + dy) * img.width + Math.round(p.x) + dx) * 4);
    if (hit) seen++;
  }
  return inside.length ? seen / inside.length : 0;
}

async function trackPoints(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => {
    const n = window.__na62!.eventCounts()?.tracks ?? 0;
    return Array.from({ length: n }, (_, k) => window.__na62!.trackScreenPoints(k, 60)).flat();
  });
}

const box = async (page: Page, id: string): Promise<Region> => {
  const b = (await page.evaluate((i) => window.__na62!.elementScreenBox(i), id))!;
  return { x0: b.minX, x1: b.maxX, y0: b.minY, y1: b.maxY };
};

const controls = (page: Page) => page.getByTestId('scene3d-controls');

async function setRange(page: Page, selector: string, value: number): Promise<void> {
  const input = page.locator(selector);
  if (Number(await input.inputValue()) === value) return;
  await afterRender(page, () => input.fill(String(value)));
}

/** Fraction of pixels changed in small squares around the given points (what lies around the tracks). */
function changedAround(a: PNG, b: PNG, points: { x: number; y: number }[], half = 10): number {
  const inside = points.filter((p) => p.x >= half && p.y >= half && p.x < a.width - half && p.y < a.height - half);
  if (!inside.length) return 0;
  return inside.reduce((sum, p) => sum + fractionChanged(a, b, { x0: p.x - half, x1: p.x + half, y0: p.y - half, y1: p.y + half }), 0) / inside.length;
}

/**
 * A picture of the canvas with the "See inside" panel folded, so that it hides none of the view (the
 * panel covers a third of a small canvas); it is opened again afterwards if it was open.
 */
async function viewShot(page: Page, name: string): Promise<PNG> {
  const toggle = page.getByRole('button', { name: /See inside/ });
  const open = (await toggle.getAttribute('aria-expanded')) === 'true';
  if (open) { await toggle.click(); await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); }
  const img = await canvasShot(page, name);
  if (open) await toggle.click();
  return img;
}

async function setChecked(page: Page, testId: string, on: boolean): Promise<void> {
  const cb = page.getByTestId(testId);
  if ((await cb.isChecked()) !== on) await afterRender(page, () => cb.click());
}

/** Nothing drawn over the picture but the view itself (the cut-away region is compared pixel by pixel). */
const BARE = {
  caption: { experiment: false, kind: false, runBurstEvent: false, date: false, selection: false, keyVariables: false, blinding: false },
  overlays: { labels: false, legend: false, scaleBars: false, axes: false, titles: false },
};

describe('3D that shows the event', () => {
  it('default 3D pose: from outside, upstream-above-side, the vessel and the downstream detectors with the event', async () => {
    const { page, problems } = ctx;
    await eventWithTracks(page);
    await afterRender(page, () => page.keyboard.press('1'));
    await afterRender(page, () => page.keyboard.press('f'));
    const img = await canvasShot(page, 'scene3d-01-default');
    expect(fractionNot(img, BG_DARK)).toBeGreaterThan(0.1);
    const seen = tracksSeen(img, await trackPoints(page), await trackColours(page));
    console.log('default pose: tracks seen', seen.toFixed(2));
    expect(seen).toBeGreaterThan(0.9);
    // the folded panel says what is on (a lone "·" read as a stray dot)
    expect((await page.getByTestId('scene3d-active').textContent())?.trim()).toBe('φ wedge cut');
    expect(problems.errors).toEqual([]);
  });

  it('clipping plane reveals tracks: the z cut-away removes ANTI0, the pixels behind it change', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: /See inside/ }).click();
    // the detector as built: no wedge, solid
    await setChecked(page, 'cutphi-on', false);
    await afterRender(page, () => controls(page).locator('[data-xray="off"]').click());
    const anti0 = await box(page, 'anti0');
    expect(anti0.x1 - anti0.x0).toBeGreaterThan(40);
    const solid = await viewShot(page, 'scene3d-02-solid');
    const pts = await trackPoints(page);
    const colours = await trackColours(page);
    await setRange(page, '[data-testid="cutz"]', 105.1);
    await setChecked(page, 'cutz-on', true);
    const cut = await viewShot(page, 'scene3d-03-cut-z');
    const changed = fractionChanged(solid, cut, anti0);
    console.log('ANTI0 box changed', changed.toFixed(2), 'tracks seen', tracksSeen(solid, pts, colours).toFixed(2), '→', tracksSeen(cut, pts, colours).toFixed(2));
    expect(changed).toBeGreaterThan(0.25);
    expect(tracksSeen(cut, pts, colours)).toBeGreaterThan(0.9);
    // moving the plane downstream (past LAV1–LAV8) changes the picture again
    await setRange(page, '[data-testid="cutz"]', 170);
    const further = await viewShot(page, 'scene3d-04-cut-z-170');
    expect(fractionChanged(cut, further)).toBeGreaterThan(0.02);
    await setChecked(page, 'cutz-on', false);
  });

  it('fit to event, then the φ wedge opens the vessel and the LAV rings around the tracks; the event stays drawn whole', async () => {
    const { page } = ctx;
    await afterRender(page, () => page.keyboard.press('e'));
    const solid = await viewShot(page, 'scene3d-05-fit-solid');
    const pts = await trackPoints(page);
    const colours = await trackColours(page);
    await setChecked(page, 'cutphi-on', true);
    const wedge = await viewShot(page, 'scene3d-06-fit-wedge');
    const around = changedAround(solid, wedge, pts);
    console.log('fit: changed around the tracks', around.toFixed(2), 'tracks seen', tracksSeen(solid, pts, colours).toFixed(2), '→', tracksSeen(wedge, pts, colours).toFixed(2));
    // the material in front of the tracks (vessel wall, LAV blocks) is gone around them
    expect(around).toBeGreaterThan(0.1);
    // the event is opaque and on top in both: every sampled point of the tracks shows a track colour
    expect(tracksSeen(solid, pts, colours)).toBeGreaterThan(0.9);
    expect(tracksSeen(wedge, pts, colours)).toBeGreaterThan(0.9);
  });

  it('x-ray: translucent, then outlines only; each changes the picture, the event stays whole', async () => {
    const { page } = ctx;
    await setChecked(page, 'cutphi-on', false);
    const solid = await viewShot(page, 'scene3d-07-solid');
    const pts = await trackPoints(page);
    const colours = await trackColours(page);
    await afterRender(page, () => page.keyboard.press('x'));
    const translucent = await viewShot(page, 'scene3d-08-xray-translucent');
    await afterRender(page, () => page.keyboard.press('x'));
    const outline = await viewShot(page, 'scene3d-09-xray-outline');
    console.log('x-ray: changed around the tracks', changedAround(solid, translucent, pts).toFixed(2), changedAround(solid, outline, pts).toFixed(2));
    expect(fractionChanged(solid, translucent)).toBeGreaterThan(0.05);
    expect(fractionChanged(translucent, outline)).toBeGreaterThan(0.02);
    expect(changedAround(solid, outline, pts)).toBeGreaterThan(0.1);
    expect(tracksSeen(outline, pts, colours)).toBeGreaterThan(0.9);
    // outlines: the faces are gone, much more of the background shows
    expect(fractionNot(outline, BG_DARK)).toBeLessThan(fractionNot(solid, BG_DARK) * 0.8);
    await afterRender(page, () => page.keyboard.press('x'));
    await expect.poll(() => controls(page).locator('[data-xray="off"]').getAttribute('aria-pressed')).toBe('true');
  });

  it("a group's opacity slider changes the pixels where that group is", async () => {
    const { page } = ctx;
    const lav = await box(page, 'lav3');
    const before = await canvasShot(page, 'scene3d-10-opacity-1');
    await setRange(page, '[data-group="photon veto"]', 0.2);
    const after = await canvasShot(page, 'scene3d-11-opacity-photon-veto');
    const changed = fractionChanged(before, after, lav);
    console.log('LAV3 box changed at 20 % photon-veto opacity', changed.toFixed(2));
    expect(changed).toBeGreaterThan(0.1);
    await setRange(page, '[data-group="photon veto"]', 1);
  });

  it('an exported picture of the 3D view honours the cut-away', async () => {
    const { page } = ctx;
    const toggle = page.getByRole('button', { name: /See inside/ });
    await afterRender(page, () => page.keyboard.press('f'));
    const anti0 = await box(page, 'anti0');
    await setChecked(page, 'cutphi-on', false);
    await toggle.click(); // closed: nothing of the panel over the canvas
    const solid = await canvasShot(page, 'scene3d-12-screen-solid');
    await toggle.click();
    await setRange(page, '[data-testid="cutz"]', 105.1);
    await setChecked(page, 'cutz-on', true);
    await setChecked(page, 'cutphi-on', true);
    await toggle.click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const r = await page.evaluate(([w, hh, bare]) => window.__na62export!.picture({ width: w, height: hh, frame: 'screen', ...(bare as object) }, 'png'), [solid.width, solid.height, BARE] as const);
    const data = Buffer.from(r.base64, 'base64');
    writeFileSync(path.join(SHOTS, 'scene3d-13-export-cut.png'), data);
    const exported = PNG.sync.read(data);
    const screen = await canvasShot(page, 'scene3d-14-screen-cut');
    const changed = fractionChanged(solid, exported, anti0);
    console.log('export: ANTI0 box changed', changed.toFixed(2), 'differs from the screen', fractionChanged(screen, exported, anti0, 40).toFixed(2));
    // the picture has lost ANTI0 as the screen has, not the detector as built
    expect(changed).toBeGreaterThan(0.25);
    expect(fractionChanged(screen, exported, anti0, 40)).toBeLessThan(0.1);
  });
});
