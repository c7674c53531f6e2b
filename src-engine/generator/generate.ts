/**
 * The fast Monte Carlo: a mix of processes → complete events (header, detector signals, truth).
 * Deterministic: event i depends only on (seed, i), whatever the batch size or worker count.
 */
import type { BeamKaon, Na62Event, ProcessLabel, RunMode } from '../../src-shared/event/model';
import type { GeneratorInfo } from '../../src-shared/event/file-meta';
import { detectorResponse } from '../detector/response';
import { SPILL_NS } from './constants';
import { createProcessModel, resolveParams, type PhysicsParams, type ProcessModel } from './processes';
import { Rng } from './rng';
import type { BeamKaonTruth } from './kaon';

export const GENERATOR_NAME = 'na62-fastmc';
export const GENERATOR_VERSION = '1.6.0';

export { GeneratorConfigSchema, type GeneratorConfig, type GeneratorConfigInput } from '../../src-shared/event/generator-config';
import { GeneratorConfigSchema, type GeneratorConfig, type GeneratorConfigInput } from '../../src-shared/event/generator-config';

/** A cheap deterministic uniform per (seed, event) to pick the process before the event's own stream. */
function pickUniform(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(i | 0, 0x85ebca6b) ^ Math.floor(i / 2 ** 32);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

export interface Generator {
  readonly config: GeneratorConfig;
  readonly info: GeneratorInfo;
  /** events [start, start + count) */
  events(start: number, count: number): Na62Event[];
}

export function createGenerator(input: GeneratorConfigInput): Generator {
  const config = GeneratorConfigSchema.parse(input);
  const user: Partial<PhysicsParams> = {
    ...(config.massMeV !== undefined ? { massMeV: config.massMeV } : {}),
    ...(config.epsilon !== undefined ? { epsilon: config.epsilon } : {}),
    ...(config.ctauMm !== undefined ? { ctauMm: config.ctauMm } : {}),
    ...(config.brProduct !== undefined ? { brProduct: config.brProduct } : {}),
    ...(config.scalarMassMeV !== undefined ? { scalarMassMeV: config.scalarMassMeV } : {}),
    haloSampling: config.haloSampling,
  };
  const entries = (Object.entries(config.mix) as [ProcessLabel, number][]).filter(([, v]) => v > 0);
  const totalShare = entries.reduce((a, [, v]) => a + v, 0);
  const models = new Map<ProcessLabel, ProcessModel>(entries.map(([p]) => [p, createProcessModel(p, user, config.seed)]));
  const cumulative: [ProcessLabel, number][] = [];
  let acc = 0;
  for (const [p, v] of entries) cumulative.push([p, (acc += v / totalShare)]);
  const choose = (i: number): ProcessLabel => {
    const u = pickUniform(config.seed, i);
    return (cumulative.find(([, c]) => u < c) ?? cumulative[cumulative.length - 1]!)[0];
  };
  // exact counts per process, for the event weights and the file's record
  const counts = new Map<ProcessLabel, number>(entries.map(([p]) => [p, 0]));
  for (let i = 0; i < config.numEvents; i++) { const p = choose(i); counts.set(p, counts.get(p)! + 1); }

  const params: Record<string, number | string> = {};
  for (const [p] of entries) {
    const r = resolveParams(p, user);
    if (p.startsWith('aprime')) Object.assign(params, { massMeV: r.massMeV, epsilon: r.epsilon, ...(r.ctauMm !== undefined ? { aprimeCtauMm: r.ctauMm } : {}) });
    if (p.startsWith('alp')) Object.assign(params, { alpMassMeV: r.massMeV, alpCtauMm: r.ctauMm ?? 1000, alpBrProduct: r.brProduct });
    if (p === 'kpi-aa') Object.assign(params, { aMassMeV: r.massMeV, kpiaaBr: r.brProduct });
    if (p === 'combinatorial-mumu' || p.startsWith('prompt')) params['haloSampling'] = r.haloSampling ?? 'biased';
    if (p === 'kpi-s-aprime') Object.assign(params, { sMassMeV: r.scalarMassMeV, aprimeMassMeV: r.massMeV, kpisBr: r.brProduct });
  }
  const info: GeneratorInfo = {
    name: GENERATOR_NAME, version: GENERATOR_VERSION, seed: config.seed, mode: config.mode,
    processes: Object.fromEntries(counts), params,
  };

  function one(i: number): Na62Event {
    const label = choose(i);
    const rng = new Rng(config.seed, i);
    const phys = models.get(label)!.generate(rng);
    const signals = detectorResponse(phys.charged, rng, { strawHits: config.strawHits });
    if (phys.extraLav) signals.lavHits.push(...phys.extraLav);
    if (phys.extraAnti0) signals.anti0Hits.push(...phys.extraAnti0);
    const mode: RunMode = config.mode;
    return {
      header: {
        run: config.run, burst: Math.floor(i / config.eventsPerBurst), event: i % config.eventsPerBurst, mode,
        timeInSpill: rng.uniform() * SPILL_NS, weight: phys.yield / counts.get(label)!, process: label,
        ...(phys.decayProbability !== undefined ? { decayProbability: phys.decayProbability } : {}),
      },
      tracks: signals.tracks, lkrClusters: signals.lkrClusters, muv3Hits: signals.muv3Hits, newchodHits: signals.newchodHits,
      lavHits: signals.lavHits, anti0Hits: signals.anti0Hits,
      ...(phys.beamKaon ? { beamKaon: measureBeamKaon(phys.beamKaon, rng) } : {}),
      ...(config.strawHits ? { strawHits: signals.strawHits } : {}),
      chodHits: signals.chodHits,
      ...(config.truth ? { truth: phys.truth } : {}),
    };
  }

  return {
    config, info,
    events(start, count) {
      const out: Na62Event[] = new Array(count);
      for (let k = 0; k < count; k++) out[k] = one(start + k);
      return out;
    },
  };
}

/** GTK measurement of the beam kaon: σ_p = 150 MeV/c, σ_θ = 16 µrad, σ_t = 100 ps; KTAG σ_t = 70 ps (G§6, G§5). */
function measureBeamKaon(k: BeamKaonTruth, rng: Rng): BeamKaon {
  const p = Math.hypot(k.p.px, k.p.py, k.p.pz) + rng.normal(0, 150);
  const sx = k.p.px / k.p.pz + rng.normal(0, 16e-6), sy = k.p.py / k.p.pz + rng.normal(0, 16e-6);
  const pz = p / Math.sqrt(1 + sx * sx + sy * sy);
  return { px: sx * pz, py: sy * pz, pz, x: k.x + rng.normal(0, 0.1), y: k.y + rng.normal(0, 0.1), gtkTime: rng.normal(0, 0.1), ktagTime: rng.normal(0, 0.07) };
}
