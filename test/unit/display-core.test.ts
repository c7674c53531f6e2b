/** The display core without React or stores: framing, the event's label, and a view's own scene from a snapshot. */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { beamSlab, eventDisplayBox, fitPose, frameBox, visibleBox } from '../../src-renderer/src/display/framing';
import { cdaTaxLabel, cdaTaxText } from '../../src-renderer/src/display/labels';
import { makeProjector } from '../../src-renderer/src/display/projection';
import { textBox } from '../../src-renderer/src/display/label-layout';
import { segmentHitsBox } from '../../src-shared/picture/text-layout/layout';
import { buildViewScene } from '../../src-renderer/src/display/view-scene';
import { DEFAULT_STYLE, EVENT_FIT_TARGET, PICTURE_SCALE, SCREEN_SCALE, type DisplaySnapshot } from '../../src-renderer/src/display/types';
import { analyseEvent } from '../../src-engine/reco/event-analysis';
import { createGenerator } from '../../src-engine/generator/generate';

const model = buildDetectorModel(NA62_DETECTOR);
const ev = createGenerator({ mode: 'dump', mix: { 'aprime-mumu': 1 }, numEvents: 30, seed: 6 }).events(0, 30).find((e) => e.tracks.length === 2)!;
const analysis = analyseEvent(ev);
const snap = (over: Partial<DisplaySnapshot> = {}): DisplaySnapshot => ({
  mode: 'side', station: 'straw1', compression: 20, shown: {}, labels: true, theme: 'dark', event: ev, analysis,
  style: DEFAULT_STYLE, trackWidth: 3, fitTarget: undefined, ...over,
});

describe('display core', () => {
  it('frames the event in display coordinates (z divided by the compression, with a margin), the detector otherwise', () => {
    const box = new THREE.Box3(new THREE.Vector3(-100, -50, 100_000), new THREE.Vector3(200, 50, 240_000));
    const d = eventDisplayBox(box, 20)!;
    expect(d.min.z).toBeCloseTo(100_000 / 20 - 100, 6);
    expect(d.max.x).toBeCloseTo(300, 6);
    expect(eventDisplayBox(new THREE.Box3(), 20)).toBeUndefined();
    const req = { mode: 'side' as const, station: 'straw1', compression: 20, shown: {}, eventBox: box };
    expect(frameBox(model, { ...req, target: EVENT_FIT_TARGET }).box.equals(d)).toBe(true);
    expect(frameBox(model, { ...req, target: undefined }).box.equals(visibleBox(model, {}, 20))).toBe(true);
    expect(frameBox(model, { ...req, mode: 'beam', target: EVENT_FIT_TARGET }).slab).toBeDefined();
    // fitting the event zooms in further than fitting the detector
    const vp = { width: 1200, height: 800 };
    expect(fitPose(model, { ...req, target: EVENT_FIT_TARGET }, vp).zoom).toBeGreaterThan(fitPose(model, { ...req, target: undefined }, vp).zoom);
  });

  it("the beam's-eye slab of a station of several planes holds all of them (CHOD's V and H planes)", () => {
    const k = 20;
    const chod = beamSlab(model, 'chod', k);
    for (const z of [239_009, 239_029, 239_389, 239_409]) {
      expect(z / k).toBeGreaterThan(chod.z0);
      expect(z / k).toBeLessThan(chod.z1);
    }
    const straw = beamSlab(model, 'straw1', k); // one plane: its own depth and the margin only
    expect((straw.z1 - straw.z0) * k).toBeLessThan(1_000);
  });

  it('places the CDA_TAX label once for screen and pictures: above its segment, kept whole inside the view', () => {
    const tax = analysis.tax!;
    expect(tax).toBeDefined();
    const seg = [new THREE.Vector3(tax.cdaFrom.x, tax.cdaFrom.y, tax.cdaFrom.z), new THREE.Vector3(tax.cdaTo.x, tax.cdaTo.y, tax.cdaTo.z)] as const;
    const project = (p: { x: number; y: number; z: number }) => ({ x: p.z / 400, y: 300 - p.y / 10 });
    const l = cdaTaxLabel(tax, seg, project, { width: 800, height: 600 })!;
    expect(l.text).toBe(cdaTaxText(tax));
    expect(l.y).toBeLessThan(Math.min(project(seg[0]).y, project(seg[1]).y));
    // a segment off the left edge: the label stays whole, clear of a 40 px axis margin
    const left = cdaTaxLabel(tax, seg, (p) => ({ x: project(p).x - 2000, y: project(p).y }), { width: 800, height: 600 }, 40)!;
    expect(left.x - l.text.length * 4.2).toBeGreaterThan(40);
    expect(left.text).toBe(`← ${cdaTaxText(tax)}`); // it points the way to Z_TAX, off the view
    expect(cdaTaxLabel(tax, seg, (p) => ({ x: project(p).x + 2000, y: project(p).y }), { width: 800, height: 600 })!.text).toBe(`${cdaTaxText(tax)} →`);
    expect(cdaTaxLabel(undefined, seg, project, { width: 800, height: 600 })).toBeUndefined();
    // a track through its place (the 3D view wrote it across both tracks): it moves to a line the tracks leave free
    const b = { x0: l.x - 150, x1: l.x + 150, y: l.y - 4 };
    const through = [[[b.x0, b.y], [b.x1, b.y + 2]]] as const;
    const moved = cdaTaxLabel(tax, seg, project, { width: 800, height: 600 }, 0, through)!;
    expect(moved.y).not.toBe(l.y);
    expect(moved.x).toBe(l.x);
    const mb = textBox(moved.text, moved.x, moved.y, true);
    expect(segmentHitsBox(through[0][0], through[0][1], mb)).toBe(false);
    expect(segmentHitsBox(through[0][0], through[0][1], textBox(l.text, l.x, l.y, true))).toBe(true);
  });

  it("builds a view of its own from a snapshot: the theme's background, the detector, the event at the pixel scale; disposing frees it", () => {
    const camera = new THREE.OrthographicCamera(-600, 600, 400, -400, 0.1, 1e7);
    const paper = buildViewScene(model, snap({ theme: 'light', style: { ...DEFAULT_STYLE, light: true } }), { px: PICTURE_SCALE(3, 3), camera, background: '#ffffff', edgeWidth: 3 });
    expect((paper.scene.background as THREE.Color).getHexString()).toBe('ffffff');
    expect(paper.scene.getObjectByName('detector')).toBeDefined();
    const tracks = paper.event!.layers.get('tracks')!;
    expect(tracks.lineMaterials[0]!.linewidth).toBe(9); // 3 px tracks at 3×
    const screen = buildViewScene(model, snap(), { px: SCREEN_SCALE(1, 3), camera, background: null });
    expect(screen.scene.background).toBeNull();
    expect(screen.event!.layers.get('tracks')!.lineMaterials[0]!.linewidth).toBe(3);
    // two views of one snapshot share nothing they could restyle in each other
    expect(tracks.lineMaterials[0]).not.toBe(screen.event!.layers.get('tracks')!.lineMaterials[0]);
    camera.position.set(0, 0, 1000); camera.updateMatrixWorld(); camera.updateProjectionMatrix();
    const proj = makeProjector(camera, { width: 1200, height: 800 }, 20);
    expect(proj({ x: 0, y: 0, z: 0 })).toEqual({ x: 600, y: 400 });
    paper.dispose(); screen.dispose();
  });
});
