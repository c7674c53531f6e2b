/** Picture export, the pure parts: sizes, layouts, tiles, axes under compression, overlays, file names, SVG projection. */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import {
  axisTicks, checkSpec, defaultSpec, FIGURE_PANELS, panelRects, parseEventList, pictureFileName, pixelScale, tiles, MAX_HEIGHT, MAX_WIDTH,
} from '../../src-shared/picture/picture-spec';
import { axisItems, captionItems, PALETTES, scaleBarItems } from '../../src-renderer/src/export/picture-overlays';
import { itemsToSvg, type OverlayItem } from '../../src-renderer/src/export/overlay-items';
import { clipDepth, sceneToSvg } from '../../src-renderer/src/export/svg-scene';
import { scaleBar } from '../../src-renderer/src/views/scale-bar';

describe('picture spec', () => {
  it('accepts 1×1 px up to 7680 × 4320 and names the problem otherwise', () => {
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), width: MAX_WIDTH, height: MAX_HEIGHT })).toBeUndefined();
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), width: 7681, height: 4320 })).toMatch(/7681 × 4320 is above the maximum of 7680 × 4320/);
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), width: 10, height: 4320 })).toMatch(/below the minimum/);
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), width: 100.5, height: 100 })).toMatch(/whole pixels/);
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), panels: [] })).toMatch(/at least one view/);
    expect(checkSpec({ ...defaultSpec({ view: 'side' }), lineWidth: 0 })).toMatch(/line width/);
  });

  it('lays out one view over the picture and a figure as a 2 × 2 grid inside it', () => {
    expect(panelRects(1920, 1080, 1, 0)).toEqual([{ x: 0, y: 0, w: 1920, h: 1080 }]);
    const r = panelRects(3840, 2160, FIGURE_PANELS.length, 8);
    expect(r).toHaveLength(4);
    expect(r[1]).toEqual({ x: 1924, y: 0, w: 1916, h: 1076 });
    expect(r[3]!.x + r[3]!.w).toBeLessThanOrEqual(3840);
    expect(r[3]!.y + r[3]!.h).toBeLessThanOrEqual(2160);
    expect(panelRects(2000, 1000, 2, 0).map((p) => p.w)).toEqual([1000, 1000]);
  });

  it('covers a rectangle with tiles no larger than the GPU allows, each pixel once', () => {
    const t = tiles(7680, 4320, 4096);
    expect(t).toHaveLength(4);
    expect(Math.max(...t.map((x) => Math.max(x.w, x.h)))).toBeLessThanOrEqual(4096);
    const covered = new Uint8Array(77 * 53);
    for (const x of tiles(77, 53, 16)) for (let j = x.y; j < x.y + x.h; j++) for (let i = x.x; i < x.x + x.w; i++) covered[j * 77 + i]!++;
    expect(covered.every((c) => c === 1)).toBe(true);
  });

  it('scales lines and text with the picture: 8K of a 1100 × 700 px view is 6.2× (its height limits)', () => {
    expect(pixelScale(7680, 4320, { width: 1100, height: 700 })).toBeCloseTo(6.17, 2); // limited by the height: 4320 / 700
    expect(pixelScale(1100, 700, { width: 1100, height: 700 })).toBe(1);
  });

  it('names files run_burst_event_view', () => {
    const h = { run: 11001, burst: 0, event: 4 };
    expect(pictureFileName(h, [{ view: 'side' }], 'png')).toBe('11001_0_4_side.png');
    expect(pictureFileName(h, [{ view: 'beam', station: 'straw1' }], 'svg')).toBe('11001_0_4_beam-straw1.svg');
    expect(pictureFileName(h, FIGURE_PANELS, 'png')).toBe('11001_0_4_figure.png');
    expect(pictureFileName(undefined, [{ view: '3d' }], 'png')).toBe('detector_3d.png');
  });

  it('reads event lists: indices, ranges, run:burst:event; refuses the rest with a reason', () => {
    expect(parseEventList('0-4,7 9')).toEqual({ indices: [0, 1, 2, 3, 4, 7, 9] });
    expect(parseEventList('11001:0:4,11001:0:9')).toEqual({ rbe: [[11001, 0, 4], [11001, 0, 9]] });
    expect(parseEventList('4-2')).toEqual({ error: 'range "4-2" runs backwards' });
    expect(parseEventList('x')).toMatchObject({ error: expect.stringMatching(/"x" is neither/) });
    expect(parseEventList('')).toEqual({ error: 'no events given' });
  });
});

describe('axes and scale bars under longitudinal compression', () => {
  it('ticks are at true metres of detector whatever the compression', () => {
    // a side view showing display z 0..13 500 at 1:20 is true z 0..270 m
    const { unit, ticks, step } = axisTicks(0, 13_500 * 20, 6);
    expect(unit).toBe('m');
    expect(step).toBe(50_000);
    expect(ticks.map((t) => t.label)).toEqual(['0', '50', '100', '150', '200', '250']);
    expect(axisTicks(-1250, 1250, 5).ticks.map((t) => t.label)).toEqual(['-1000', '-500', '0', '500', '1000']);
  });

  it('puts each z tick where that z is drawn', () => {
    const r = { x: 100, y: 0, w: 1000, h: 500 };
    const items = axisItems({ name: 'z', from: 0, to: 270_000 }, undefined, r, 1, PALETTES.dark);
    const t100 = items.find((i): i is Extract<OverlayItem, { kind: 'text' }> => i.kind === 'text' && i.text === '100')!;
    expect(t100.x).toBeCloseTo(100 + (100_000 / 270_000) * 1000, 6);
    expect(items.some((i) => i.kind === 'text' && i.text === 'z [m]')).toBe(true);
  });

  it('draws the scale bar at its true length times the picture scale', () => {
    const bar = scaleBar(0.05, 20)!; // 0.05 px per display unit at 1:20
    const items = scaleBarItems({ horizontal: { ...bar, axis: 'z' } }, 'z compressed 1:20', { x: 0, y: 0, w: 800, h: 600 }, 3, PALETTES.paper, 0);
    const line = items.find((i): i is Extract<OverlayItem, { kind: 'line' }> => i.kind === 'line' && i.points[0]![1] === i.points[1]![1])!;
    expect(line.points[1]![0] - line.points[0]![0]).toBeCloseTo(bar.px * 3, 6);
    expect(bar.mm / bar.px).toBeCloseTo(20 / 0.05, 6); // true mm per screen px
  });

  it('caption and SVG text are escaped and carry their style', () => {
    const svg = itemsToSvg(captionItems([{ text: 'NA62', style: 'title', suffix: 'Simulation' }, { text: 'm_μμ < 5 & "x"' }, { text: 'BLIND', style: 'badge-blind' }], 10, 10, 2, PALETTES.dark));
    expect(svg).toContain('font-weight="bold"');
    expect(svg).toContain('font-style="italic"');
    expect(svg).toContain('m_μμ &lt; 5 &amp; &quot;x&quot;');
    expect(svg).toContain('fill="#2e7d32"');
  });
});

describe('SVG projection of a 2D view', () => {
  function scene() {
    const s = new THREE.Scene();
    const g = new LineSegmentsGeometry();
    // a two-segment red track and a blue one, in mm; z compressed by the group's scale as in the app
    g.setPositions([0, 0, 0, 0, 100, 10_000, 0, 100, 10_000, 0, 300, 20_000, 0, 0, 0, 0, -200, 20_000]);
    g.setColors([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1]);
    const tracks = new LineSegments2(g, new LineMaterial({ vertexColors: true, linewidth: 6 }));
    tracks.name = 'tracks';
    const event = new THREE.Group();
    event.scale.set(1, 1, 1 / 20);
    event.add(tracks);
    s.add(event);
    // a box seen edge-on from the side has two faces facing the camera, the rest edge-on
    const box = new THREE.Mesh(new THREE.BoxGeometry(100, 100, 100), new THREE.MeshLambertMaterial({ color: '#336699' }));
    box.position.set(0, 0, 500);
    s.add(box);
    const hidden = new THREE.Mesh(new THREE.BoxGeometry(10, 10, 10), new THREE.MeshBasicMaterial({ color: '#ff00ff' }));
    hidden.visible = false;
    s.add(hidden);
    return s;
  }
  const side = () => {
    const cam = new THREE.OrthographicCamera(-500, 500, 250, -250, 1, 1e6);
    cam.position.set(-10_000, 0, 500);
    cam.up.set(0, 1, 0);
    cam.lookAt(0, 0, 500);
    cam.zoom = 0.5;
    cam.updateProjectionMatrix();
    return cam;
  };

  it('draws the tracks as paths, one per colour run, with their width and colour', () => {
    const svg = sceneToSvg(scene(), side(), { x: 0, y: 0, w: 1000, h: 500 }, { thinLine: 1 });
    const tracks = [...svg.matchAll(/<path class="tracks" data-kind="track"[^>]*stroke="(#[0-9a-f]{6})" stroke-width="([\d.]+)"[^>]*d="([^"]+)"/g)];
    expect(tracks.map((m) => m[1])).toEqual(['#ff0000', '#0000ff']);
    expect(tracks.every((m) => m[2] === '6')).toBe(true);
    // the red track is one polyline through its kink: M + two L
    expect(tracks[0]![3]!.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    // z = 10 m at 1:20 is display z 500 = the centre of the view; y = 100 mm at zoom 0.5 is 50 px above the centre
    expect(tracks[0]![3]).toMatch(/^M\d+(\.\d)? 250L500 200L/);
    expect(svg).not.toContain('#ff00ff');
    expect(svg).toContain('fill="#336699"');
  });

  it('leaves out faces seen edge-on and whatever lies outside the panel', () => {
    const svg = sceneToSvg(scene(), side(), { x: 0, y: 0, w: 1000, h: 500 }, { thinLine: 1 });
    const box = /<path fill="#336699" d="([^"]+)"/.exec(svg)![1]!;
    expect(box.match(/M/g)!.length).toBe(4); // the two triangles of the face towards the camera and of the one away from it
    const far = new THREE.Scene();
    const m = new THREE.Mesh(new THREE.BoxGeometry(10, 10, 10), new THREE.MeshBasicMaterial({ color: '#00ff00' }));
    m.position.set(0, 50_000, 500);
    far.add(m);
    expect(sceneToSvg(far, side(), { x: 0, y: 0, w: 1000, h: 500 }, { thinLine: 1 })).toBe('');
  });

  it('keeps only what lies between the near and far planes (the beam\'s-eye slab)', () => {
    expect(clipDepth([0, 0, -3], [40, 0, 1])).toEqual([[20, 0, -1], [40, 0, 1]]);
    expect(clipDepth([0, 0, -3], [0, 10, -2])).toBeUndefined();
    expect(clipDepth([0, 0, -0.5], [10, 0, 0.5])).toEqual([[0, 0, -0.5], [10, 0, 0.5]]);
    // a track seen along the beam through a 100 mm slab at z = 10 m: a dot where it crosses, not the whole line
    const s = new THREE.Scene();
    const g = new LineSegmentsGeometry();
    g.setPositions([0, 0, 0, 1000, 0, 20_000]);
    const t = new LineSegments2(g, new LineMaterial({ linewidth: 4 }));
    t.name = 'tracks';
    s.add(t);
    const cam = new THREE.OrthographicCamera(-500, 500, 250, -250, 1000, 1100);
    cam.position.set(0, 0, 10_000 - 1050);
    cam.lookAt(0, 0, 20_000);
    cam.updateProjectionMatrix();
    const d = /data-kind="track"[^>]*d="M([\d.-]+) ([\d.-]+)L([\d.-]+) ([\d.-]+)"/.exec(sceneToSvg(s, cam, { x: 0, y: 0, w: 1000, h: 500 }, { thinLine: 1 }))!;
    const [x0, , x1] = [Number(d[1]), Number(d[2]), Number(d[3])];
    expect(Math.abs(x1 - x0)).toBeLessThan(6); // 100 mm of z at 1 mm/20 mm slope = 5 mm of x, at zoom 1
    expect((x0 + x1) / 2).toBeCloseTo(500 - 500, -1); // x = 500 mm seen from upstream lies left of the centre (x to the left)
  });
});
