/** Layers of reconstructed lines: STRAW tracks, the beam kaon, the vertex with its ±σ bars, the CDA_TAX construction. */
import * as THREE from 'three';
import { styleColour, HYPOTHESIS_LABELS, scaleTopFor, trackColour, trackLegend } from '../colours';
import type { EventLayer } from './types';
import { lineDrawing, SegmentBuffer } from './draw-kit';
import { Z } from './track-line';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

export const tracksLayer: EventLayer = {
  id: 'tracks', label: 'STRAW tracks', colourKey: 'positive', timeField: undefined, inPanel: true, pickAs: 'line',
  objects: { label: 'STRAW tracks' },
  count: (ev) => ev.tracks.length,
  legend: (ev, _a, style) => (ev.tracks.length ? trackLegend(style.colourBy, style.light, scaleTopFor(ev.tracks, style), style.palette) : []),
  draw({ event, analysis, style, prepared }, px) {
    const buf = new SegmentBuffer();
    const pMax = scaleTopFor(event.tracks, style);
    prepared.trackLines.forEach((line, k) => { if (line.length) buf.polyline(line, trackColour(event.tracks[k]!, analysis.tracks[k], style.colourBy, style.light, pMax, style.palette)); });
    return lineDrawing(buf, { width: px.trackWidth * px.lines, renderOrder: 12, name: 'tracks' }, prepared.trackLines.map((l) => (l.length ? l : undefined)));
  },
  describe(ev, analysis, index) {
    const t = ev.tracks[index], a = analysis?.tracks[index];
    if (!t) return undefined;
    return {
      title: `STRAW track ${index + 1}`,
      rows: [
        ['momentum', `${f(Math.hypot(t.px, t.py, t.pz) / 1000)} GeV/c`], ['charge', t.charge > 0 ? '+1' : '−1'], ['time', `${f(t.time)} ns`],
        ['χ²', f(t.chi2, 1)], ['chambers', String(t.nChambers)], ['dx/dz, dy/dz', `${f((t.px / t.pz) * 1000)}, ${f((t.py / t.pz) * 1000)} mrad`],
        ['E/p (LKr)', a ? f(a.eop) : '—'], ['MUV3 hits in time', a ? String(a.nmuv3) : '—'], ['in acceptance', a ? (a.inAcceptance ? 'NewCHOD, LKr, MUV3' : 'no') : '—'],
        ['hypothesis', a ? HYPOTHESIS_LABELS[a.hypothesis] : '—'], ['in vertex', a?.inVertex ? 'yes' : 'no'],
      ],
    };
  },
};

export const kaonLayer: EventLayer = {
  id: 'kaon', label: 'beam K+ (GTK)', colourKey: 'kaon', inPanel: true,
  count: () => 0, // a fixed few segments
  legend: (ev, _a, style) => (ev.beamKaon ? [[styleColour('kaon', style), 'beam K+ (GTK)']] : []),
  draw({ event, prepared, colour }, px) {
    const k = event.beamKaon;
    if (!k) return undefined;
    const buf = new SegmentBuffer();
    const kz = prepared.vertex ? prepared.vertex.z : Z.gtk3 + 30_000;
    const a = new THREE.Vector3(k.x, k.y, Z.gtk3);
    const b = new THREE.Vector3(k.x + (k.px / k.pz) * (kz - Z.gtk3), k.y + (k.py / k.pz) * (kz - Z.gtk3), kz);
    buf.seg(new THREE.Vector3(k.x - (k.px / k.pz) * 22_800, k.y - (k.py / k.pz) * 22_800, 79_600), a, colour('kaon'));
    buf.seg(a, b, colour('kaon'));
    return lineDrawing(buf, { width: px.trackWidth * px.lines, renderOrder: 12.1, name: 'kaon' });
  },
};

export const vertexLayer: EventLayer = {
  id: 'vertex', label: 'vertex', colourKey: 'vertex', inPanel: true,
  count: () => 0, // a fixed few segments
  legend: (_ev, a, style) => (a?.vertex ? [[styleColour('vertex', style), 'vertex ±σ']] : []),
  draw({ analysis, prepared, colour }, px) {
    const o = prepared.vertex;
    if (!analysis.vertex || !o) return undefined;
    // the vertex with its estimated resolution: ±σ bars along x, y and z
    const { sigmaXY: sxy, sigmaZ } = analysis.vertex;
    const sz = Number.isFinite(sigmaZ) ? Math.min(sigmaZ, 50_000) : 0;
    const c = colour('vertex');
    const buf = new SegmentBuffer();
    buf.seg(new THREE.Vector3(o.x - sxy, o.y, o.z), new THREE.Vector3(o.x + sxy, o.y, o.z), c);
    buf.seg(new THREE.Vector3(o.x, o.y - sxy, o.z), new THREE.Vector3(o.x, o.y + sxy, o.z), c);
    if (sz > 0) buf.seg(new THREE.Vector3(o.x, o.y, o.z - sz), new THREE.Vector3(o.x, o.y, o.z + sz), c);
    const bars = lineDrawing(buf, { width: px.trackWidth * px.lines, renderOrder: 12.2, name: 'vertex' })!;
    const point = new THREE.Points(
      new THREE.BufferGeometry().setFromPoints([o]),
      new THREE.PointsMaterial({ color: c, size: 9 * px.points, sizeAttenuation: false, depthTest: false, transparent: true }),
    );
    point.renderOrder = 14;
    point.frustumCulled = false;
    return {
      ...bars, objects: [...bars.objects, point], count: bars.count,
      dispose: () => { bars.dispose(); point.geometry.dispose(); point.material.dispose(); },
    };
  },
};

export const taxLayer: EventLayer = {
  id: 'tax', label: 'CDA_TAX construction', colourKey: 'tax', inPanel: true,
  count: () => 0, // a fixed few segments
  legend: (_ev, a, style) => (a?.tax ? [[styleColour('tax', style), 'P line to the TAX'], [styleColour('beam', style), 'proton beam']] : []),
  draw({ analysis, prepared, colour }, px) {
    const x = analysis.tax;
    if (!x || !prepared.cdaSegment) return undefined;
    const v = (p: { x: number; y: number; z: number }) => new THREE.Vector3(p.x, p.y, p.z);
    const buf = new SegmentBuffer();
    buf.seg(v(x.lineFrom), v(x.lineTo), colour('tax'));
    buf.seg(v(x.beamFrom), v(x.beamTo), colour('beam'));
    buf.seg(prepared.cdaSegment[0], prepared.cdaSegment[1], colour('cda'));
    return lineDrawing(buf, { width: px.trackWidth * px.lines, renderOrder: 12.3, name: 'tax' });
  },
};
