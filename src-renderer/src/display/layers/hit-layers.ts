/** Layers of detector hits: LKr clusters, MUV3 tiles, NewCHOD and CHOD hits, LAV and ANTI0 hits, fired straws, and the MC truth. */
import * as THREE from 'three';
import { STRAW_CHAMBER_Z, STRAW_LAYERS, STRAW_LENGTH, STRAW_VIEWS, STRAW_VIEW_AXES, STRAW_VIEW_LOCAL_Z } from '../../../../src-shared/geometry/straw';
import { LAV_FRONT, LAV_R_IN, LAV_R_OUT } from '../../../../src-shared/geometry/planes';
import { chodSlab } from '../../../../src-shared/geometry/chod';
import { styleColour, type ColourKey, type LegendEntry } from '../colours';
import type { EventStyle } from '../types';
import type { EventLayer, LayerDrawing, PickShape } from './types';
import { disposeObject, lineDrawing, rectMesh, SegmentBuffer, thinLineDrawing } from './draw-kit';
import { Z } from './track-line';

const LAV_R_MID = LAV_R_IN.map((r, k) => (r + LAV_R_OUT[k]!) / 2);
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
/** hit markers: thin wide lines, px */
const HIT_WIDTH = 1.6;
const legendIf = (n: number, k: ColourKey, label: string, style: EventStyle): LegendEntry[] => (n > 0 ? [[styleColour(k, style), label]] : []);

export const lkrLayer: EventLayer = {
  id: 'lkr', label: 'LKr clusters', colourKey: 'lkr', timeField: 'time', inPanel: true, pickAs: 'marker',
  objects: { label: 'LKr clusters' },
  count: (ev) => ev.lkrClusters.length,
  legend: (ev, _a, s) => legendIf(ev.lkrClusters.length, 'lkr', 'LKr cluster', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('lkr');
    const picks = event.lkrClusters.map((cl): PickShape => {
      if (!inTime(cl.time)) return undefined;
      const h = 25 + 40 * Math.log10(1 + cl.energy / 1000); // size grows with energy [display choice]
      buf.square(cl.x, cl.y, Z.lkr, h, c);
      buf.cross(cl.x, cl.y, Z.lkr, h * 0.5, c);
      return [new THREE.Vector3(cl.x, cl.y, Z.lkr)];
    });
    return lineDrawing(buf, { width: HIT_WIDTH * px.lines, opacity: 0.95, renderOrder: 10, name: 'hits' }, picks);
  },
  describe(ev, _a, i) {
    const c = ev.lkrClusters[i];
    return c && { title: `LKr cluster ${i + 1}`, rows: [['energy', `${f(c.energy / 1000)} GeV`], ['x, y', `${f(c.x, 0)}, ${f(c.y, 0)} mm`], ['time', `${f(c.time)} ns`]] };
  },
};

export const muv3Layer: EventLayer = {
  id: 'muv3', label: 'MUV3 tiles', colourKey: 'muv3', timeField: 'time', inPanel: true, pickAs: 'marker',
  objects: { label: 'MUV3 hits' },
  count: (ev) => ev.muv3Hits.length,
  legend: (ev, _a, s) => legendIf(ev.muv3Hits.length, 'muv3', 'MUV3 tile', s),
  draw({ prepared, colour }): LayerDrawing | undefined {
    const rects: { x0: number; y0: number; x1: number; y1: number; z: number }[] = [];
    const picks = prepared.firedTiles.map((tile): PickShape => {
      if (!tile) return undefined;
      for (const r of tile.rects) rects.push({ ...r, z: Z.muv3 });
      const r0 = tile.rects[0]!;
      return [new THREE.Vector3((r0.x0 + r0.x1) / 2, (r0.y0 + r0.y1) / 2, Z.muv3)];
    });
    if (!rects.length) return undefined;
    const mesh = rectMesh(rects, colour('muv3'), 'muv3', 11);
    return { objects: [mesh], picks, count: rects.length, lineMaterials: [], dispose: () => disposeObject(mesh) };
  },
  describe(ev, _a, i) {
    const h = ev.muv3Hits[i];
    return h && { title: `MUV3 tile ${h.tile}`, rows: [['time', `${f(h.time)} ns`]] };
  },
};

export const newchodLayer: EventLayer = {
  id: 'newchod', label: 'NewCHOD hits', colourKey: 'newchod', timeField: 'time', inPanel: true, pickAs: 'marker',
  objects: { label: 'NewCHOD hits' },
  count: (ev) => ev.newchodHits.length,
  legend: (ev, _a, s) => legendIf(ev.newchodHits.length, 'newchod', 'NewCHOD hit', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('newchod');
    const picks = event.newchodHits.map((n): PickShape => {
      if (!inTime(n.time)) return undefined;
      buf.cross(n.x, n.y, Z.newchod, 40, c);
      return [new THREE.Vector3(n.x, n.y, Z.newchod)];
    });
    return lineDrawing(buf, { width: HIT_WIDTH * px.lines, opacity: 0.95, renderOrder: 10, name: 'hits' }, picks);
  },
  describe(ev, _a, i) {
    const h = ev.newchodHits[i];
    return h && { title: `NewCHOD hit ${i + 1}`, rows: [['x, y', `${f(h.x, 0)}, ${f(h.y, 0)} mm`], ['time', `${f(h.time)} ns`]] };
  },
};

/** NA48-CHOD: each fired slab outlined in its plane (V slabs run along y, H slabs along x). */
export const chodLayer: EventLayer = {
  id: 'chod', label: 'CHOD slabs', colourKey: 'chod', timeField: 'time', inPanel: true, pickAs: 'marker',
  objects: { label: 'CHOD hits', inFile: (ev) => ev.chodHits !== undefined },
  count: (ev) => ev.chodHits?.length ?? 0,
  legend: (ev, _a, s) => legendIf(ev.chodHits?.length ?? 0, 'chod', 'CHOD slab', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('chod');
    const picks = (event.chodHits ?? []).map((h): PickShape => {
      const s = chodSlab(h.plane, h.slab);
      if (!s || !inTime(h.time)) return undefined;
      buf.rect(s.x0, s.y0, s.x1, s.y1, s.z, c);
      return [new THREE.Vector3((s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2, s.z)];
    });
    return lineDrawing(buf, { width: HIT_WIDTH * px.lines, opacity: 0.9, renderOrder: 10, name: 'hits' }, picks);
  },
  describe(ev, _a, i) {
    const h = ev.chodHits?.[i], s = h && chodSlab(h.plane, h.slab);
    if (!h || !s) return undefined;
    const along = h.plane === 0 ? `x ${f(s.x0, 0)} … ${f(s.x1, 0)} mm` : `y ${f(s.y0, 0)} … ${f(s.y1, 0)} mm`;
    return { title: `CHOD ${h.plane === 0 ? 'V' : 'H'} slab ${h.slab}`, rows: [['slab', along], ['z', `${f(s.z / 1000, 3)} m`], ['time', `${f(h.time)} ns`]] };
  },
};

export const lavLayer: EventLayer = {
  id: 'lav', label: 'LAV hits', colourKey: 'lav', timeField: 'time', inPanel: true,
  objects: { label: 'LAV hits' },
  count: (ev) => ev.lavHits.length,
  legend: (ev, _a, s) => legendIf(ev.lavHits.length, 'lav', 'LAV hit', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('lav');
    for (const l of event.lavHits) {
      if (!inTime(l.time)) continue;
      const r = LAV_R_MID[l.station - 1] ?? 1000, z = LAV_FRONT[l.station - 1] ?? 0;
      buf.cross(r * Math.cos(l.phi), r * Math.sin(l.phi), z, 90, c);
    }
    return lineDrawing(buf, { width: HIT_WIDTH * px.lines, opacity: 0.95, renderOrder: 10, name: 'hits' });
  },
};

export const anti0Layer: EventLayer = {
  id: 'anti0', label: 'ANTI0 hits', colourKey: 'anti0', timeField: 'time', inPanel: true,
  objects: { label: 'ANTI0 hits' },
  count: (ev) => ev.anti0Hits.length,
  legend: (ev, _a, s) => legendIf(ev.anti0Hits.length, 'anti0', 'ANTI0 hit', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('anti0');
    for (const a of event.anti0Hits) if (inTime(a.time)) buf.cross(a.x, a.y, Z.anti0, 60, c);
    return lineDrawing(buf, { width: HIT_WIDTH * px.lines, opacity: 0.95, renderOrder: 10, name: 'hits' });
  },
};

/** The fired straws, faint: each is 2.1 m long. */
export const strawsLayer: EventLayer = {
  id: 'straws', label: 'fired straws', colourKey: 'straw', timeField: 'time', inPanel: true,
  objects: { label: 'STRAW hits', inFile: (ev) => ev.strawHits !== undefined },
  count: (ev) => ev.strawHits?.length ?? 0,
  legend: (ev, _a, s) => legendIf(ev.strawHits?.length ?? 0, 'straw', 'fired straw', s),
  draw({ event, colour, inTime }, px) {
    const buf = new SegmentBuffer(), c = colour('straw');
    const half = STRAW_LENGTH / 2;
    for (const s of event.strawHits ?? []) {
      const view = STRAW_VIEWS[s.view], chamberZ = STRAW_CHAMBER_Z[s.chamber];
      if (!view || chamberZ === undefined || !inTime(s.time)) continue;
      const { m, d } = STRAW_VIEW_AXES[view];
      const z = chamberZ + STRAW_VIEW_LOCAL_Z[view] + (STRAW_LAYERS[0]?.dz ?? 0);
      buf.seg(new THREE.Vector3(s.coord * m[0] - half * d[0], s.coord * m[1] - half * d[1], z), new THREE.Vector3(s.coord * m[0] + half * d[0], s.coord * m[1] + half * d[1], z), c);
    }
    return thinLineDrawing(buf, px, c, { opacity: 0.3, renderOrder: 10, name: 'straws' });
  },
};

/** The MC truth, dashed: decaying particles to their decay, stable ones to the first chamber. */
export const truthLayer: EventLayer = {
  id: 'truth', label: 'MC truth', colourKey: 'truth', inPanel: false,
  objects: { label: 'truth', inFile: (ev) => ev.truth !== undefined },
  count: (ev) => ev.truth?.length ?? 0,
  legend: (ev, _a, s) => (s.showTruth ? legendIf(ev.truth?.length ?? 0, 'truth', 'MC truth (dashed)', s) : []),
  draw({ event, style, colour }, px) {
    if (!style.showTruth) return undefined;
    const buf = new SegmentBuffer(), c = colour('truth');
    for (const p of event.truth ?? []) {
      const a = new THREE.Vector3(p.vx, p.vy, p.vz);
      let b: THREE.Vector3;
      if (Number.isFinite(p.dz)) b = new THREE.Vector3(p.dx, p.dy, p.dz);
      else {
        if (p.pz <= 0) continue;
        const zEnd = Math.max(p.vz, Z.straw1); // stable particles: drawn to the first chamber, before the magnet bends them
        b = new THREE.Vector3(p.vx + (p.px / p.pz) * (zEnd - p.vz), p.vy + (p.py / p.pz) * (zEnd - p.vz), zEnd);
      }
      if (a.distanceTo(b) > 1) buf.seg(a, b, c);
    }
    return thinLineDrawing(buf, px, c, { renderOrder: 13, name: 'truth', dashed: { dash: 400, gap: 250 } });
  },
};
