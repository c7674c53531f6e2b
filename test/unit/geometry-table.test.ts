import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NA62_DETECTOR, NA62_ELEMENTS, findElement } from '../../src-shared/geometry/na62-detector';
import type { DetectorElement, Hole } from '../../src-shared/geometry/types';

const el = (id: string): DetectorElement => {
  const e = findElement(id);
  if (!e) throw new Error(`no element ${id}`);
  return e;
};

/** The machine-readable summary at the end of the geometry fact sheet (../shared/reference, §26). */
function referenceSummary(): Record<string, any> {
  const text = readFileSync(new URL('../../../shared/reference/na62-geometry.md', import.meta.url), 'utf8');
  const m = /```json\n([\s\S]*?)```/.exec(text);
  if (!m) throw new Error('no JSON summary in na62-geometry.md');
  return JSON.parse(m[1]!);
}

function holeExtent(h: Hole): number {
  return h.kind === 'circle' ? h.r : Math.max(h.halfX, h.halfY);
}

describe('detector table', () => {
  it('has unique ids and a source for every element and for its position', () => {
    const ids = NA62_ELEMENTS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of NA62_ELEMENTS) {
      const keys = Object.keys(e.sources);
      expect(keys.length, e.id).toBeGreaterThan(0);
      expect(keys.some((k) => ['z', 'position', 'length'].includes(k)), `${e.id} names the source of its z`).toBe(true);
      for (const v of Object.values(e.sources)) expect(v, e.id).toMatch(/\[[A-Z][A-Za-z0-9:\-. ]*\]/); // a provenance tag
    }
  });

  it('has positive sizes and holes smaller than their element', () => {
    for (const e of NA62_ELEMENTS) {
      expect(Number.isFinite(e.z0) && Number.isFinite(e.z1), e.id).toBe(true);
      expect(e.z1, e.id).toBeGreaterThanOrEqual(e.z0);
      if (e.shape.kind !== 'marker') expect(e.z1 - e.z0, e.id).toBeGreaterThan(0);
      const s = e.shape;
      switch (s.kind) {
        case 'box': expect(s.halfX > 0 && s.halfY > 0, e.id).toBe(true); if (s.hole) expect(holeExtent(s.hole)).toBeLessThan(Math.min(s.halfX, s.halfY) * 2); break;
        case 'disc': expect(s.rOuter, e.id).toBeGreaterThan(0); if (s.hole) expect(holeExtent(s.hole), e.id).toBeLessThan(s.rOuter); break;
        case 'octagon': expect(s.apothem).toBeGreaterThan(0); if (s.hole) expect(holeExtent(s.hole)).toBeLessThan(s.apothem); break;
        case 'lav': expect(s.rOuter).toBeGreaterThan(s.rInner); expect(s.rInner).toBeGreaterThan(0); break;
        case 'magnet': expect(s.halfX).toBeGreaterThan(s.apertureHalfX); break;
        case 'tube': for (const t of s.sections) { expect(t.rOuter, e.id).toBeGreaterThan(t.rInner); expect(t.z1).toBeGreaterThan(t.z0); } break;
        default: break;
      }
    }
  });

  it('puts the elements in the real order along the beam', () => {
    const order = ['tax1-cu', 'tax1-fe', 'tax2-fe', 'ktag', 'gtk1', 'gtk2', 'gtk3', 'chanti', 'anti0',
      'lav1', 'lav2', 'lav3', 'lav4', 'lav5', 'lav6', 'lav7', 'lav8', 'straw1', 'lav9', 'straw2', 'mnp33', 'lav10', 'straw3', 'lav11', 'straw4',
      'rich', 'newchod', 'lav12', 'chod', 'irc', 'lkr', 'muv1', 'muv2', 'iron-wall', 'muv3', 'sac', 'beam-dump'];
    const z = order.map((id) => el(id).z0);
    for (let i = 1; i < z.length; i++) expect(z[i], `${order[i - 1]} < ${order[i]}`).toBeGreaterThan(z[i - 1]!);
    // STRAW1 < MNP33 < STRAW2 is false in reality: MNP33 sits between STRAW2 and STRAW3.
    expect(el('straw2').z1).toBeLessThan(el('mnp33').z0);
    expect(el('mnp33').z1).toBeLessThan(el('straw3').z0);
  });

  it('matches the numbers of the geometry fact sheet', () => {
    const ref = referenceSummary();
    ref['straw'].zChamber.forEach((z: number, i: number) => expect((el(`straw${i + 1}`).z0 + el(`straw${i + 1}`).z1) / 2).toBeCloseTo(z, 6));
    ref['lav'].ringFront.forEach((z: number, i: number) => expect(el(`lav${i + 1}`).z0).toBe(z));
    ref['lav'].ringBack.forEach((z: number, i: number) => expect(el(`lav${i + 1}`).z1).toBe(z));
    ref['lav'].rInner.forEach((r: number, i: number) => expect((el(`lav${i + 1}`).shape as { rInner: number }).rInner).toBe(r));
    ref['gtk'].z.forEach((z: number, i: number) => expect(el(`gtk${i + 1}`).z0).toBe(z));
    expect(el('lkr').z0).toBe(ref['lkr'].zFront);
    expect(el('lkr').z1).toBe(ref['lkr'].zBack);
    expect(el('muv1').z0).toBe(ref['muv1'].zFront);
    expect(el('muv2').z0).toBe(ref['muv2'].zFront);
    expect([el('iron-wall').z0, el('iron-wall').z1]).toEqual(ref['ironWall'].z);
    expect([el('muv3').z0, el('muv3').z1]).toEqual(ref['muv3'].z);
    expect([el('mnp33').z0, el('mnp33').z1]).toEqual(ref['beam'].mnp33.z);
    expect([el('tax1-cu').z0, el('tax1-fe').z1]).toEqual(ref['tax'].tax1);
    expect([el('tax2-fe').z0, el('tax2-fe').z1]).toEqual(ref['tax'].tax2);
    expect(el('newchod').z0).toBe(238100);
    expect(el('rich').z0).toBeLessThanOrEqual(ref['rich'].front + 200);
    expect(el('sac').z0).toBe(ref['sac'].zFront);
  });

  it('has the TAX of 800 mm Cu + 2400 mm Fe and the proton impact point of A§1.2', () => {
    const cu = el('tax1-cu').z1 - el('tax1-cu').z0;
    const fe = el('tax1-fe').z1 - el('tax1-fe').z0 + el('tax2-fe').z1 - el('tax2-fe').z0;
    expect(cu).toBeGreaterThanOrEqual(800); expect(cu).toBeLessThanOrEqual(810);
    expect(fe).toBeGreaterThanOrEqual(2400); expect(fe).toBeLessThanOrEqual(2430);
    const p = el('proton-impact');
    expect(p.shape).toEqual({ kind: 'marker', x: 0, y: -22 });
    expect(p.z0).toBe(23070);
  });

  it('has a vacuum vessel of about 117 m from GTK3 with a radius that grows downstream', () => {
    const v = el('vessel');
    expect((v.z1 - v.z0) / 1000).toBeGreaterThan(116);
    expect((v.z1 - v.z0) / 1000).toBeLessThan(118);
    if (v.shape.kind !== 'tube') throw new Error('vessel is a tube');
    const radii = v.shape.sections.filter((s) => s.z1 - s.z0 > 10000).map((s) => s.rInner);
    expect(radii).toEqual([960, 1200, 1400]);
  });

  it('says where a number is an estimate', () => {
    expect(Object.values(el('anti0').sources).join(' ')).toContain('[E]');
    expect(Object.values(el('mnp33').sources).join(' ')).toContain('[E]');
    expect(NA62_DETECTOR.version).toMatch(/\S/);
  });
});
