/** The key variables of an event as the selections compute them, formatted once for the HUD and the picture captions. */
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';

const num = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

/** `absent`: what an imported file's tree did not have (FileMeta.source): no LKr clusters, no E/p to show */
export function keyVariableRows(ev: Na62Event, a: EventAnalysis, absent: readonly string[] = []): [string, string][] {
  const v = a.vars;
  const eop = absent.includes('lkrClusters') ? '—' : `${num(v.eop1, 2)} / ${num(v.eop2, 2)}`;
  return ev.header.mode === 'kaon'
    ? [['m_π4e', `${num(v.m_pi4e)} MeV/c²`], ['m_4e', `${num(v.m_4e)} MeV/c²`], ['m_ee pairs', `${num(v.m_ee_lo)} / ${num(v.m_ee_hi)} MeV/c²`], ['vertex z', `${num((v.kvz ?? NaN) / 1000, 2)} m`], ['vertex χ²', num(v.kchi2)], ['|Σp|', `${num((v.ptot ?? NaN) / 1000, 2)} GeV/c`]]
    : [['m_μμ', `${num(v.m_mumu)} MeV/c²`], ['m_ee', `${num(v.m_ee)} MeV/c²`], ['CDA_TAX', `${num(v.cda_tax)} mm`], ['Z_TAX', `${num((v.z_tax ?? NaN) / 1000, 2)} m`],
      ['vertex z', `${num((v.vz ?? NaN) / 1000, 2)} m`], ['CDA', `${num(v.cda)} mm`], ['Δt', `${num(v.dt, 2)} ns`], ['E/p', eop]];
}
