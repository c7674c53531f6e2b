/**
 * Fast detector response (na62-analyses.md §6.5, na62-geometry.md §12–§22): straight lines with
 * the MNP33 kick, chamber acceptances with the offset beam holes, vessel walls, resolutions per
 * detector, STRAW hits per view and layer, LKr/MUV3/NewCHOD/LAV/ANTI0 signals. Numbers are the
 * fact sheets'; [E] marks the estimates the sheets leave open.
 */
import type { Anti0Hit, LavHit, LkrCluster, Muv3Hit, NewChodHit, StrawHit, StrawTrack } from '../../src-shared/event/model';
import {
  STRAW_CHAMBER_Z, STRAW_DIAMETER, STRAW_HOLE_CENTRE_X, STRAW_HOLE_HALF_WIDTH, STRAW_LAYERS, STRAW_VIEWS, STRAW_VIEW_AXES, STRAW_VIEW_LOCAL_Z, nearestStraw,
} from '../../src-shared/geometry/straw';
import { muv3TileAt, muv3Tiles } from '../../src-shared/geometry/muv3';
import { inLkrAcceptance, inNewChodAcceptance } from '../../src-shared/geometry/acceptance';
import { LAV_FRONT, LAV_R_IN, LAV_R_OUT, Z_PLANE } from '../../src-shared/geometry/planes';
import type { P4 } from '../generator/lorentz';
import { angleSigma, momentumSigmaRel } from './resolution';
import type { Rng } from '../generator/rng';
import { kickedSlope, kinkedCoordinate } from '../../src-shared/physics/track-line';
import { MUV3_EFFICIENCY, muv3ScatterSigma, reachesMuv3 } from '../../src-shared/physics/muv3-reach';

export const Z_STRAW1 = STRAW_CHAMBER_Z[0]!;
const Z_NEWCHOD = Z_PLANE.newchod, Z_LKR = Z_PLANE.lkr, Z_MUV3 = Z_PLANE.muv3, Z_ANTI0 = Z_PLANE.anti0;
/** vessel inner radius at the end of each section (G§9 [MC-LAV]) */
export const VESSEL_CHECKS: readonly [number, number][] = [[158_560, 960], [182_175, 1200], [219_385, 1400]];
const MUV3_TILES = muv3Tiles();

export interface ChargedParticle {
  readonly pdg: number;
  readonly charge: number;
  readonly p: P4;
  /** start of its straight line (production or decay vertex), mm and ns */
  readonly vx: number; readonly vy: number; readonly vz: number; readonly vt: number;
}

export interface DetectorSignals {
  tracks: StrawTrack[];
  lkrClusters: LkrCluster[];
  muv3Hits: Muv3Hit[];
  newchodHits: NewChodHit[];
  lavHits: LavHit[];
  anti0Hits: Anti0Hit[];
  strawHits: StrawHit[];
}

/** Position of a particle's trajectory at z: the shared kinked line of src-shared/physics/track-line.ts. */
export function positionAt(p: ChargedParticle, z: number): { x: number; y: number } {
  const sx = p.p.px / p.p.pz, sy = p.p.py / p.p.pz;
  return { x: kinkedCoordinate(p.vx, p.vz, sx, kickedSlope(p.p.px, p.p.pz, p.charge), z), y: kinkedCoordinate(p.vy, p.vz, sy, sy, z) };
}

/** STRAW chamber acceptance: R < 1000 mm about the axis and outside the beam hole (G§12 [GA]). */
export function inChamber(chamber: number, x: number, y: number): boolean {
  return Math.hypot(x, y) < 1000 && Math.hypot(x - STRAW_HOLE_CENTRE_X[chamber]!, y) > STRAW_HOLE_HALF_WIDTH;
}


/** σ(E)/E of the LKr, E in GeV: 4.8 %/√E ⊕ 11 %/E ⊕ 0.9 % (G§18 [NL]) */
const lkrSigmaE = (eGeV: number) => Math.hypot(0.048 / Math.sqrt(eGeV), 0.11 / eGeV, 0.009);
/** LKr cluster time resolution, ns, E in GeV (G§18 [ANA:PhotonRejectionLKr.cc]) */
const lkrSigmaT = (eGeV: number) => Math.max(0.3, 0.56 + 1.53 / eGeV - 0.233 / Math.sqrt(eGeV));

const isMuon = (pdg: number) => Math.abs(pdg) === 13;
const isElectron = (pdg: number) => Math.abs(pdg) === 11;

/**
 * STRAW two-track separation [E]: two tracks closer than one straw diameter (9.82 mm, G§12) in a chamber
 * fire the same straws in every view and layer, and the pattern recognition sees one track there: the
 * lower-momentum one loses that chamber. Nearly collinear e⁺e⁻ pairs (light γ* or a) share chambers 1
 * and 2, upstream of MNP33, and the weaker track, left with two chambers, is not reconstructed.
 */
export const STRAW_MERGE_DISTANCE = STRAW_DIAMETER;

/** For each particle, the chambers in which a closer, higher-momentum charged particle hides it. */
export function strawShadowing(particles: readonly ChargedParticle[]): boolean[][] | undefined {
  let hidden: boolean[][] | undefined;
  const n = particles.length;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const a = particles[i]!, b = particles[j]!;
    if (a.charge === 0 || b.charge === 0 || a.p.pz <= 0 || b.p.pz <= 0) continue;
    for (let c = 0; c < 2; c++) {
      // chambers 1–2 only: downstream of MNP33 opposite charges are bent apart and same-sign
      // tracks that close in 1–2 stay close, so chambers 3–4 follow the same decision below
      const z = STRAW_CHAMBER_Z[c]!;
      if (a.vz >= z || b.vz >= z) continue;
      const pa = positionAt(a, z), pb = positionAt(b, z);
      const dx = pa.x - pb.x, dy = pa.y - pb.y;
      if (dx * dx + dy * dy >= STRAW_MERGE_DISTANCE * STRAW_MERGE_DISTANCE) continue;
      hidden ??= particles.map(() => [false, false, false, false]);
      const weaker = a.p.e < b.p.e ? i : j;
      hidden[weaker]![c] = true;
    }
  }
  if (hidden) {
    // chambers 3–4, after the magnet: the same test with the kinked trajectories
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = particles[i]!, b = particles[j]!;
      if (a.charge === 0 || b.charge === 0 || a.p.pz <= 0 || b.p.pz <= 0) continue;
      for (let c = 2; c < STRAW_CHAMBER_Z.length; c++) {
        const z = STRAW_CHAMBER_Z[c]!;
        const pa = positionAt(a, z), pb = positionAt(b, z);
        if (Math.hypot(pa.x - pb.x, pa.y - pb.y) < STRAW_MERGE_DISTANCE) hidden[a.p.e < b.p.e ? i : j]![c] = true;
      }
    }
  }
  return hidden;
}

export function detectorResponse(particles: readonly ChargedParticle[], rng: Rng, opts: { strawHits: boolean }): DetectorSignals {
  const out: DetectorSignals = { tracks: [], lkrClusters: [], muv3Hits: [], newchodHits: [], lavHits: [], anti0Hits: [], strawHits: [] };
  const hidden = particles.length > 1 ? strawShadowing(particles) : undefined;
  for (let ip = 0; ip < particles.length; ip++) {
    const part = particles[ip]!;
    if (part.charge === 0 || part.p.pz <= 0) continue;
    const pmag = Math.hypot(part.p.px, part.p.py, part.p.pz);
    // ANTI0: crossed by whatever starts upstream of it, inside the tube aperture (G§8 [E])
    if (part.vz < Z_ANTI0) {
      const a = positionAt(part, Z_ANTI0), r = Math.hypot(a.x, a.y);
      if (r > 165 && r < 960) out.anti0Hits.push({ x: a.x, y: a.y, time: part.vt + rng.normal(0, 1) });
    }
    // vessel walls: a particle that leaves the aperture upstream of the spectrometer is lost (but may fire a LAV)
    let lostAt = Infinity;
    for (const [z, r] of VESSEL_CHECKS) {
      if (z <= part.vz) continue;
      const q = positionAt(part, z);
      if (Math.hypot(q.x, q.y) > r) { lostAt = z; break; }
    }
    // LAV: the ring of lead-glass blocks it crosses (G§11; σ_t ≈ 1 ns [R])
    for (let s = 0; s < LAV_FRONT.length; s++) {
      const z = LAV_FRONT[s]!;
      if (z <= part.vz || z > lostAt + 8000) continue;
      const q = positionAt(part, z), r = Math.hypot(q.x, q.y);
      if (r > LAV_R_IN[s]! && r < LAV_R_OUT[s]!) {
        out.lavHits.push({ station: s + 1, phi: Math.atan2(q.y, q.x), time: part.vt + rng.normal(0, 1) });
        if (lostAt === Infinity) lostAt = z;
        break;
      }
    }
    if (lostAt !== Infinity || part.vz > Z_STRAW1 - 500) continue;

    // spectrometer
    const inCh = STRAW_CHAMBER_Z.map((z, c) => { const q = positionAt(part, z); return inChamber(c, q.x, q.y) && !hidden?.[ip]![c]; });
    const nChambers = inCh.filter(Boolean).length;
    if (nChambers < 3) continue;
    const pGeV = pmag / 1000;
    const sigP = momentumSigmaRel(pmag);
    const sigTheta = angleSigma(pmag);
    void pGeV;
    const pReco = pmag * (1 + rng.normal(0, sigP));
    const sx = part.p.px / part.p.pz + rng.normal(0, sigTheta), sy = part.p.py / part.p.pz + rng.normal(0, sigTheta);
    const pz = pReco / Math.sqrt(1 + sx * sx + sy * sy);
    const at1 = positionAt(part, Z_STRAW1);
    const tTrack = part.vt + rng.normal(0, 0.2); // CHOD-like track time (A§6.5 [E])
    out.tracks.push({
      charge: part.charge, px: sx * pz, py: sy * pz, pz,
      x: at1.x + rng.normal(0, 0.1), y: at1.y + rng.normal(0, 0.1), // [E]
      time: tTrack, chi2: rng.chi2(8), nChambers,
      dxdzAfter: kickedSlope(sx * pz, pz, part.charge) + rng.normal(0, sigTheta), dydzAfter: sy + rng.normal(0, sigTheta),
    });
    if (opts.strawHits) strawHitsOf(part, inCh, tTrack, rng, out.strawHits);

    // NewCHOD (140 < R < 1070, σ_t ≈ 1 ns; position to a tile, σ ≈ 30 mm [E])
    const nc = positionAt(part, Z_NEWCHOD);
    if (inNewChodAcceptance(nc.x, nc.y)) out.newchodHits.push({ x: nc.x + rng.normal(0, 30), y: nc.y + rng.normal(0, 30), time: part.vt + rng.normal(0, 1) });

    // LKr: electrons shower (E/p ≈ 1), muons leave a MIP (0.4–1 GeV), hadrons a part of their energy [E]
    const lk = positionAt(part, Z_LKR);
    if (inLkrAcceptance(lk.x, lk.y)) {
      let e: number;
      if (isElectron(part.pdg)) e = part.p.e * (1 + rng.normal(0, lkrSigmaE(part.p.e / 1000)));
      else if (isMuon(part.pdg)) e = rng.range(400, 1000);
      else e = part.p.e * rng.range(0.05, 0.8);
      const eGeV = Math.max(e, 1) / 1000;
      const sPos = Math.hypot(4.2 / Math.sqrt(eGeV), 0.6); // G§18 [R]
      out.lkrClusters.push({ x: lk.x + rng.normal(0, sPos), y: lk.y + rng.normal(0, sPos), energy: e, time: part.vt + rng.normal(0, lkrSigmaT(eGeV)) });
    }

    // MUV3 behind the iron: the shared reach, scattering and efficiency of src-shared/physics/muv3-reach.ts
    if (isMuon(part.pdg) && reachesMuv3(pmag) && rng.uniform() < MUV3_EFFICIENCY) {
      const m3 = positionAt(part, Z_MUV3);
      const sMs = muv3ScatterSigma(pmag);
      const tile = muv3TileAt(m3.x + rng.normal(0, sMs), m3.y + rng.normal(0, sMs), MUV3_TILES);
      if (tile !== undefined) out.muv3Hits.push({ tile, time: part.vt + rng.normal(0, 0.45) }); // G§20 [RECO MUV3.conf]
    }
  }
  return out;
}

/** The straws a track crosses: per chamber in acceptance, per view and layer, the nearest straw if the track passes through its tube. */
function strawHitsOf(part: ChargedParticle, inCh: readonly boolean[], t0: number, rng: Rng, out: StrawHit[]): void {
  STRAW_CHAMBER_Z.forEach((zc, chamber) => {
    if (!inCh[chamber]) return;
    STRAW_VIEWS.forEach((view, vi) => {
      const { m } = STRAW_VIEW_AXES[view];
      STRAW_LAYERS.forEach((layer, li) => {
        const q = positionAt(part, zc + STRAW_VIEW_LOCAL_Z[view] + layer.dz);
        const c = m[0] * q.x + m[1] * q.y;
        const s = nearestStraw(chamber, view, li, c);
        if (s === undefined) return;
        const d = Math.abs(c - s);
        if (d > STRAW_DIAMETER / 2) return;
        // drift time up to ~150 ns across the 4.9 mm radius in Ar:CO2 70:30 [E]
        out.push({ chamber, view: vi, coord: s, time: t0 + (d / (STRAW_DIAMETER / 2)) * 150 + rng.normal(0, 3) });
      });
    });
  });
}
