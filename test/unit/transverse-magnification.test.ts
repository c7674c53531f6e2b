/**
 * The transverse magnification of the 2D views and the CDA_TAX inset, the pure parts: the mapping
 * (group scale = projection = framing = labels), the scale bars in true mm, the titles, the
 * construction preset's choice, and the inset's geometry against the engine's construction.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { asScale, groupScale, scaleTitle, snapshotScale, toDisplayXYZ, transverseMagnification, viewScale } from '../../src-renderer/src/display/display-scale';
import { clampMagnification, MAGNIFICATION_STEPS, nearestStep, stepMagnification } from '../../src-renderer/src/views/magnification';
import { makeProjector, toDisplay } from '../../src-renderer/src/display/projection';
import { framePose } from '../../src-renderer/src/display/poses';
import { CONSTRUCTION_FIT_TARGET, eventDisplayBox, frameBox } from '../../src-renderer/src/display/framing';
import { scaleBarsFor, scaleNote } from '../../src-renderer/src/display/scale-bars';
import { constructionBox, constructionMode, constructionView } from '../../src-renderer/src/display/construction';
import { atZ, INSET_SIZE, insetBoxes, placeInset, taxInset } from '../../src-renderer/src/display/tax-inset';
import { cdaTaxText } from '../../src-renderer/src/display/labels';
import { taxConstruction } from '../../src-engine/reco/event-analysis';
import { cdaTax, TAX_BEAM } from '../../src-shared/physics/tax';
import { taxInsetItems } from '../../src-renderer/src/export/tax-inset-items';
import { itemsToSvg } from '../../src-renderer/src/export/overlay-items';
import { PALETTES } from '../../src-renderer/src/export/picture-overlays';
import type { DetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { ALL_OVERLAYS, checkSpec, defaultSpec, showsTaxInset } from '../../src-shared/picture/picture-spec';

const viewport = { width: 1200, height: 700 };

function ortho(mode: 'side' | 'top', box: THREE.Box3, vp = viewport): THREE.OrthographicCamera {
  const pose = framePose(mode, box, vp);
  const cam = new THREE.OrthographicCamera(-vp.width / 2, vp.width / 2, vp.height / 2, -vp.height / 2, 0.1, 1e7);
  cam.up.copy(pose.up); cam.position.copy(pose.position); cam.lookAt(pose.target);
  cam.zoom = pose.zoom; cam.updateProjectionMatrix(); cam.updateMatrixWorld();
  return cam;
}

/** The engine's construction for a vertex and a total momentum (as src-engine/reco/event-analysis.ts makes it). */
function construction(v: { x: number; y: number; z: number }, p: { x: number; y: number; z: number }) {
  const { cda, z } = cdaTax(v.x, v.y, v.z, p.x / p.z, p.y / p.z);
  return taxConstruction(v, p.x, p.y, p.z, cda, z);
}

/**
 * An A′ → μμ-like pair: vertex at 110 m, total momentum (slopes 0.2, 0.15 mrad) pointing back past
 * the proton beam at Z_TAX = 25 m with CDA_TAX = 3 mm, 2.4 mm of it along y and 1.8 mm along x.
 */
const APRIME = construction({ x: 15.2, y: -6.85, z: 110_000 }, { x: 18, y: 13.5, z: 90_000 });

describe('transverse magnification: one mapping for drawing, projection, framing and scale bars', () => {
  it('steps ×1 … ×500, clamps, and picks the nearest step on a log scale', () => {
    const up: number[] = [1];
    while (up[up.length - 1]! < 500) up.push(stepMagnification(up[up.length - 1]!, 1));
    expect(up).toEqual([...MAGNIFICATION_STEPS]);
    expect(stepMagnification(20, -1)).toBe(10);
    expect(stepMagnification(1, -1)).toBe(1);
    expect(clampMagnification(0.2)).toBe(1);
    expect(clampMagnification(NaN)).toBe(1);
    expect(clampMagnification(1e6)).toBe(500);
    expect(nearestStep(MAGNIFICATION_STEPS, 14)).toBe(10);
    expect(nearestStep(MAGNIFICATION_STEPS, 16)).toBe(20);
    expect(nearestStep([1, 2, 5, 10, 20, 50, 100], 700, 1, 100)).toBe(100);
  });

  it('magnifies y in the side view, x in the top view, nothing in the 3D and beam views; a bare number is a compression alone', () => {
    expect(viewScale('side', 100, 20)).toEqual({ k: 100, mx: 1, my: 20 });
    expect(viewScale('top', 100, 20)).toEqual({ k: 100, mx: 20, my: 1 });
    expect(viewScale('beam', 100, 20)).toEqual({ k: 100, mx: 1, my: 1 });
    expect(viewScale('3d', 10, 20)).toEqual({ k: 10, mx: 1, my: 1 });
    expect(asScale(20)).toEqual({ k: 20, mx: 1, my: 1 });
    expect(groupScale(viewScale('side', 50, 10))).toEqual([1, 10, 1 / 50]);
    expect(transverseMagnification(viewScale('top', 5, 50))).toBe(50);
    expect(snapshotScale({ mode: 'side', compression: 20 })).toEqual({ k: 20, mx: 1, my: 1 });
    const p = { x: 3, y: -22, z: 23_070 };
    expect(toDisplay(p, viewScale('side', 100, 20))).toEqual(new THREE.Vector3(3, -440, 230.7));
    expect(toDisplayXYZ(p, viewScale('top', 100, 20), { x: 0, y: 0, z: 0 })).toEqual({ x: 60, y: -22, z: 230.7 });
  });

  it('projects a point where the scaled group draws it, so picking and labels meet the picture', () => {
    const sc = viewScale('side', 50, 20);
    const cam = ortho('side', new THREE.Box3(new THREE.Vector3(-100, -2000, 0), new THREE.Vector3(100, 2000, 3000)));
    const group = new THREE.Group();
    group.scale.set(...groupScale(sc));
    group.updateMatrixWorld();
    const project = makeProjector(cam, viewport, sc);
    for (const p of [new THREE.Vector3(0, -22, 23_070), new THREE.Vector3(40, 13, 105_000), new THREE.Vector3(-7, 60, 150_000)]) {
      const v = p.clone().applyMatrix4(group.matrixWorld).project(cam);
      const q = project(p)!;
      expect(q.x).toBeCloseTo((v.x + 1) / 2 * viewport.width, 6);
      expect(q.y).toBeCloseTo((1 - v.y) / 2 * viewport.height, 6);
    }
    // 1 mm of y is m times taller on screen than without magnification; z is untouched
    const plain = makeProjector(cam, viewport, 50);
    const dy = (pr: typeof project) => pr({ x: 0, y: 1, z: 50_000 })!.y - pr({ x: 0, y: 0, z: 50_000 })!.y;
    expect(dy(project) / dy(plain)).toBeCloseTo(20, 9);
    expect(project({ x: 0, y: 0, z: 60_000 })!.x - project({ x: 0, y: 0, z: 50_000 })!.x)
      .toBeCloseTo(plain({ x: 0, y: 0, z: 60_000 })!.x - plain({ x: 0, y: 0, z: 50_000 })!.x, 9);
  });

  it('frames the magnified event: the box is m times taller in display units', () => {
    const box = new THREE.Box3(new THREE.Vector3(-5, -30, 20_000), new THREE.Vector3(5, 10, 120_000));
    const one = eventDisplayBox(box, viewScale('side', 100, 1), 0)!, twenty = eventDisplayBox(box, viewScale('side', 100, 20), 0)!;
    expect(twenty.max.y - twenty.min.y).toBeCloseTo(20 * (one.max.y - one.min.y), 9);
    expect(twenty.max.z - twenty.min.z).toBeCloseTo(one.max.z - one.min.z, 9);
    expect(twenty.max.x - twenty.min.x).toBeCloseTo(10, 9); // depth is not magnified in the side view
    const model = { elements: [], byId: new Map(), version: 't', totalParts: 0 } as unknown as DetectorModel;
    const f = frameBox(model, { mode: 'top', station: 'straw1', compression: 100, magnification: 50, shown: {}, target: CONSTRUCTION_FIT_TARGET, eventBox: undefined, constructionBox: box });
    expect(f.box.max.x - f.box.min.x).toBeCloseTo(500, 9);
    expect(f.box.min.z).toBeCloseTo(200, 9);
  });

  it('keeps the scale bars true in mm: the transverse bar reports the magnification, its px are mm × zoom × m', () => {
    const cam = ortho('side', new THREE.Box3(new THREE.Vector3(-100, -3000, 0), new THREE.Vector3(100, 3000, 2700)));
    const bars = scaleBarsFor('side', cam, viewScale('side', 100, 20), viewport, new THREE.Vector3());
    const plain = scaleBarsFor('side', cam, 100, viewport, new THREE.Vector3());
    expect(bars.vertical!.axis).toBe('y');
    expect(bars.vertical!.magnification).toBe(20);
    expect(plain.vertical!.magnification).toBeUndefined();
    expect(bars.vertical!.px / bars.vertical!.mm).toBeCloseTo(cam.zoom * 20, 9);
    expect(plain.vertical!.px / plain.vertical!.mm).toBeCloseTo(cam.zoom, 9);
    expect(bars.vertical!.mm).toBeLessThanOrEqual(plain.vertical!.mm / 10); // 20× the px per mm: a bar 10–20× shorter in mm
    expect(bars.horizontal).toEqual({ ...plain.horizontal });
    const top = scaleBarsFor('top', cam, viewScale('top', 100, 5), viewport, new THREE.Vector3());
    expect(top.vertical).toMatchObject({ axis: 'x', magnification: 5 });
    expect(scaleNote(bars, 'side', viewScale('side', 100, 20))).toBe('z compressed 1:100, y magnified ×20');
    expect(scaleNote(bars, 'side', viewScale('side', 100, 20), true)).toBe('z compressed 1:100, y magnified ×20; bars in true length');
    expect(scaleNote(plain, 'side', 100)).toBe('z compressed 1:100');
    expect(scaleNote(scaleBarsFor('side', cam, viewScale('side', 1, 5), viewport, new THREE.Vector3()), 'side', viewScale('side', 1, 5))).toBe('y magnified ×5');
    expect(scaleNote(scaleBarsFor('side', cam, 1, viewport, new THREE.Vector3()), 'side', 1)).toBe('true scale 1:1');
  });

  it('names the scaling in view titles', () => {
    expect(scaleTitle('side', viewScale('side', 100, 20))).toBe('z 1:100 · y ×20');
    expect(scaleTitle('top', viewScale('top', 50, 5))).toBe('z 1:50 · x ×5');
    expect(scaleTitle('side', viewScale('side', 20, 1))).toBe('z 1:20');
  });
});

describe('the construction preset', () => {
  const tax = APRIME;

  it('frames from the TAX to the vertex, stretched to Z_TAX, and the lines across', () => {
    const b = constructionBox(tax, 'y');
    expect(b.min.z).toBeLessThan(Math.min(TAX_BEAM.z, tax.zTax));
    expect(b.max.z).toBeGreaterThan(tax.vertex.z);
    for (const p of [tax.cdaFrom, tax.cdaTo, tax.vertex, atZ(tax.lineFrom, tax.lineTo, TAX_BEAM.z)]) expect(b.containsPoint(new THREE.Vector3(p.x, p.y, p.z))).toBe(true);
    // a pair whose closest approach is downstream of its vertex: Z_TAX is framed too
    const odd = construction({ x: 30, y: 40, z: 124_000 }, { x: -200, y: -300, z: 30_000 });
    expect(odd.zTax).toBeGreaterThan(odd.vertex.z);
    expect(constructionBox(odd, 'y').max.z).toBeGreaterThan(odd.zTax);
  });

  it('compresses z 1:100 and magnifies the transverse axis so the box fills a 16:10 view; the view that sees the segment', () => {
    const v = constructionView(tax, { width: 1600, height: 1000 });
    expect(v.compression).toBe(100);
    expect(v.magnification).toBeGreaterThan(1);
    expect(MAGNIFICATION_STEPS).toContain(v.magnification);
    const axis = v.mode === 'side' ? 'y' : 'x';
    const lz = (v.box.max.z - v.box.min.z) / v.compression, lt = (v.box.max[axis] - v.box.min[axis]) * v.magnification;
    // within a factor of the steps (×2.5) of the wanted aspect (the width over 60 % of the height)
    const want = 1600 / 600;
    expect(lz / lt).toBeGreaterThan(want / 2.6);
    expect(lz / lt).toBeLessThan(want * 2.6);
    // the segment's larger component decides the view
    expect(constructionMode({ ...tax, cdaFrom: { x: 3, y: -22, z: 1 }, cdaTo: { x: 0, y: -21, z: 1 } })).toBe('top');
    expect(constructionMode({ ...tax, cdaFrom: { x: 1, y: -25, z: 1 }, cdaTo: { x: 0, y: -22, z: 1 } })).toBe('side');
  });
});

describe('the CDA_TAX inset', () => {
  const tax = APRIME;
  const sc = viewScale('side', 100, 10);
  const b = constructionBox(tax, 'y');
  const cam = ortho('side', eventDisplayBox(b, sc, 0)!, { width: 1600, height: 1000 });
  const vp = { width: 1600, height: 1000 };
  const project = makeProjector(cam, vp, sc);
  const inset = taxInset({ tax, view: 'side', project, viewport: vp })!;

  it('hangs at the projected Z_TAX and draws the engine’s segment with the engine’s value', () => {
    expect(inset).toBeDefined();
    const a = project(tax.cdaFrom)!, c = project(tax.cdaTo)!;
    expect(inset.anchor.x).toBeCloseTo((a.x + c.x) / 2, 9);
    expect(inset.anchor.y).toBeCloseTo((a.y + c.y) / 2, 9);
    expect(inset.x).toBeLessThan(inset.anchor.x);
    expect(inset.x + inset.w).toBeGreaterThan(inset.anchor.x);
    expect(inset.leader[1][0]).toBeCloseTo(inset.anchor.x, 9);
    expect(inset.title).toBe(cdaTaxText(tax));
    expect(inset.zFrom).toBeLessThan(tax.zTax);
    expect(inset.zTo).toBeGreaterThan(tax.zTax);
    expect(inset.x).toBeGreaterThanOrEqual(0); expect(inset.x + inset.w).toBeLessThanOrEqual(vp.width);
    expect(inset.y).toBeGreaterThanOrEqual(0); expect(inset.y + inset.h).toBeLessThanOrEqual(vp.height);
  });

  it('plots z and the transverse axis each at its own scale, true to the scale bars', () => {
    const { plot } = inset;
    const pxZ = plot.w / (inset.zTo - inset.zFrom), pxT = plot.h / (inset.tTo - inset.tFrom);
    expect(inset.bar.px).toBeCloseTo(inset.bar.mm * pxT, 9);
    expect(inset.zBar.px).toBeCloseTo(inset.zBar.mm * pxZ, 9);
    const cda = inset.lines.find((l) => l.role === 'cda')!;
    // the segment: vertical (at one z), as long as its y component at the inset's scale, at Z_TAX
    expect(cda.points[0]![0]).toBeCloseTo(cda.points[1]![0], 9);
    expect(cda.points[0]![0]).toBeCloseTo(plot.x + (tax.zTax - inset.zFrom) * pxZ, 6);
    expect(Math.abs(cda.points[0]![1] - cda.points[1]![1])).toBeCloseTo(Math.abs(tax.cdaFrom.y - tax.cdaTo.y) * pxT, 6);
    // the beam line is flat at y = −22 mm, the momentum line crosses the plot
    const beam = inset.lines.find((l) => l.role === 'beam')!;
    expect(beam.points[0]![1]).toBeCloseTo(beam.points[1]![1], 9);
    expect(beam.points[0]![1]).toBeCloseTo(plot.y + (inset.tTo - TAX_BEAM.y) * pxT, 6);
    expect(inset.lines.map((l) => l.role).sort()).toEqual(['beam', 'cda', 'tax']);
    for (const l of inset.lines) for (const [x, y] of l.points) {
      expect(x).toBeGreaterThanOrEqual(plot.x - 1e-6); expect(x).toBeLessThanOrEqual(plot.x + plot.w + 1e-6);
      expect(y).toBeGreaterThanOrEqual(plot.y - 1e-6); expect(y).toBeLessThanOrEqual(plot.y + plot.h + 1e-6);
    }
    // it magnifies the view at least 3× along z, and across unless the whole segment then would not fit
    const gains = (i: NonNullable<typeof inset>, pr: typeof project) => ({
      t: (i.plot.h / (i.tTo - i.tFrom)) / Math.abs(pr({ ...tax.cdaTo, y: tax.cdaTo.y + 1 })!.y - pr(tax.cdaTo)!.y),
      z: (i.plot.w / (i.zTo - i.zFrom)) / (Math.abs(pr({ ...tax.cdaTo, z: tax.cdaTo.z + 1000 })!.x - pr(tax.cdaTo)!.x) / 1000),
    });
    const g = gains(inset, project);
    expect(g.z).toBeGreaterThanOrEqual(3 - 1e-9);
    expect(g.t).toBeGreaterThan(1); // the view at ×10 already shows the 2.4 mm: the inset keeps the segment whole
    expect(Math.abs(cda.points[0]![1] - cda.points[1]![1])).toBeCloseTo(plot.h / 1.3, 6);
    // without the view's magnification the inset does all of it
    const plain = makeProjector(cam, vp, viewScale('side', 100, 1));
    const i1 = taxInset({ tax, view: 'side', project: plain, viewport: vp })!;
    expect(gains(i1, plain).t).toBeGreaterThanOrEqual(3 - 1e-9);
    expect(gains(i1, plain).z).toBeGreaterThanOrEqual(3 - 1e-9);
  });

  it('says so when the view sees only part of the segment; none off screen; keeps clear of what it must avoid and of the lines', () => {
    expect(tax.cdaTax).toBeCloseTo(3, 6);
    expect(tax.zTax).toBeCloseTo(25_000, 0);
    expect(inset.note).toBe('Δy 2.4 mm here; the rest along x');
    const top = taxInset({ tax, view: 'top', project: makeProjector(ortho('top', eventDisplayBox(constructionBox(tax, 'x'), viewScale('top', 100, 10), 0)!, vp), vp, viewScale('top', 100, 10)), viewport: vp })!;
    expect(top.axis).toBe('x');
    expect(top.note).toBe('Δx 1.8 mm here; the rest along y');
    const off = taxInset({ tax, view: 'side', project: (p) => { const q = project(p); return q && { x: q.x + 5000, y: q.y }; }, viewport: vp });
    expect(off).toBeUndefined();
    // an obstacle where it would go first moves it
    const first = insetBoxes(inset)[0]!;
    const moved = taxInset({ tax, view: 'side', project, viewport: vp, avoid: [first] })!;
    const mb = insetBoxes(moved)[0]!;
    expect(mb.x0 < first.x1 && first.x0 < mb.x1 && mb.y0 < first.y1 && first.y0 < mb.y1).toBe(false);
    // a line through the anchor rising to the right: the panel above goes left of it, not across it
    const anchor = { x: 800, y: 500 };
    const p = placeInset(anchor, vp, { top: 0, bottom: 0, left: 0, right: 0 }, [], [[{ x: 0, y: 900 }, { x: 1600, y: 100 }]]);
    const r = { x0: p.x, x1: p.x + INSET_SIZE.w, y0: p.y, y1: p.y + INSET_SIZE.h };
    expect(r.x0).toBeLessThan(anchor.x); expect(r.x1).toBeGreaterThan(anchor.x);
    const lineY = (x: number) => 900 - x / 2;
    expect(lineY(r.x0) < r.y0 || lineY(r.x1) > r.y1 || lineY(r.x0) > r.y1 || lineY(r.x1) < r.y0).toBe(true);
    // an event track across where it would go: the panel moves off it (a track under the panel is gone from
    // the view), here below the anchor; the same segment as a construction line weighs half as much
    const free = placeInset(anchor, vp, { top: 0, bottom: 0, left: 0, right: 0 }, [], []);
    const across = [[{ x: 0, y: free.y + INSET_SIZE.h / 2 }, { x: 1600, y: free.y + INSET_SIZE.h / 2 }]] as const;
    const clear = placeInset(anchor, vp, { top: 0, bottom: 0, left: 0, right: 0 }, [], [], across);
    expect(clear.y).toBeGreaterThan(anchor.y);
    expect(free.y + INSET_SIZE.h / 2 < clear.y || free.y + INSET_SIZE.h / 2 > clear.y + INSET_SIZE.h).toBe(true);
    // a construction line through the place below too, and no room at the edges (a view just tall enough): the
    // panel covers the construction line, not the track
    const tight = { width: 1600, height: 2 * (36 + INSET_SIZE.h) + 20 }, at = { x: 800, y: tight.height / 2 };
    const above = placeInset(at, tight, { top: 0, bottom: 0, left: 0, right: 0 }, [], []);
    const mid = (y: number) => [[{ x: 0, y: y + INSET_SIZE.h / 2 }, { x: 1600, y: y + INSET_SIZE.h / 2 }]] as const;
    const below = at.y + 36;
    expect(placeInset(at, tight, { top: 0, bottom: 0, left: 0, right: 0 }, [], mid(below), mid(above.y)).y).toBe(below);
    expect(placeInset(at, tight, { top: 0, bottom: 0, left: 0, right: 0 }, [], mid(above.y), mid(below)).y).toBe(above.y);
    // a short view (the inspect layout's): neither above nor below the anchor fits, and a legend in the top
    // right corner reaches down past where the bottom place starts: shifted along the top, clear of it
    const short = { width: 635, height: 444 }, m = { top: 40, bottom: 76, left: 8, right: 8 }, legend = { x0: 494, x1: 623, y0: 10, y1: 201 };
    const s = placeInset({ x: 371, y: 226 }, short, m, [legend], []);
    const sr = { x0: s.x, x1: s.x + INSET_SIZE.w, y0: s.y, y1: s.y + INSET_SIZE.h };
    expect(sr.x0 < legend.x1 && legend.x0 < sr.x1 && sr.y0 < legend.y1 && legend.y0 < sr.y1).toBe(false);
    expect(sr.x0).toBeLessThan(371); expect(sr.x1).toBeGreaterThan(371);
    expect(sr.y0).toBeGreaterThanOrEqual(m.top); expect(sr.y1).toBeLessThanOrEqual(short.height - m.bottom);
  });

  it('becomes picture items (PNG and SVG) at the picture’s scale, in the panel', () => {
    const items = taxInsetItems(inset, { x: 100, y: 50, w: 3200, h: 2000 }, 2, PALETTES.paper, true);
    const svg = itemsToSvg(items);
    expect(svg).toContain(inset.title);
    expect(svg).toContain(inset.bar.label);
    const panel = items.find((i) => i.kind === 'rect' && i.fill)!;
    expect(panel).toMatchObject({ x: 100 + inset.x * 2, y: 50 + inset.y * 2, w: inset.w * 2, h: inset.h * 2 });
  });
});

describe('the picture spec', () => {
  it('has the inset as an optional overlay: new specs show it, specs from before it exist stay valid and follow their labels', () => {
    expect(ALL_OVERLAYS.taxInset).toBe(true);
    expect(checkSpec(defaultSpec({ view: 'side' }))).toBeUndefined();
    const old = { labels: true, legend: true, scaleBars: true, axes: true, titles: true };
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), overlays: old })).toBeUndefined();
    expect(showsTaxInset(old)).toBe(true);
    expect(showsTaxInset({ ...old, labels: false })).toBe(false);
    expect(showsTaxInset({ ...old, taxInset: false })).toBe(false);
    expect(showsTaxInset({ ...old, labels: false, taxInset: true })).toBe(true);
  });
});
