/**
 * The pure parts of event movies: the spec's checks, frame timing, codec levels and file names;
 * the build-up's schedule (a front at the speed of light from the event's first to its last z);
 * the turntable's orbit (the event stays in frame at every angle); the CLI's options; the save
 * contract's movie files.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { ALL_CAPTION } from '../../src-shared/picture/picture-spec';
import { bitrateFor, checkMovieSpec, codecFor, defaultMovieSpec, frameCount, frameTime, isKeyFrame, movieFileName, type MovieSpec } from '../../src-shared/picture/movie-spec';
import { BUILDUP_PHASES, buildUpSchedule, C_MM_PER_NS, orbitDistance, orbitPosition, orbitStart, zExtent } from '../../src-renderer/src/export/movie/timeline';
import { movieSpecOf } from '../../cli/render-movie';
import { EXPORT_SCHEMAS } from '../../src-shared/api/export-contract';

const base: MovieSpec = { ...defaultMovieSpec('buildup', ALL_CAPTION) };

describe('movie spec', () => {
  it('accepts the sizes, rates and lengths of talks and names what is wrong otherwise', () => {
    for (const [w, h] of [[1920, 1080], [3840, 2160], [640, 360], [320, 180]] as const) for (const fps of [25, 30, 50, 60]) {
      expect(checkMovieSpec({ ...base, width: w, height: h, fps })).toBeUndefined();
    }
    expect(checkMovieSpec({ ...base, kind: 'turntable', view: 'side' })).toMatch(/turntable is of the 3D view/);
    expect(checkMovieSpec({ ...base, width: 7680, height: 4320 })).toMatch(/at most 3840 × 2160/);
    expect(checkMovieSpec({ ...base, width: 1919 })).toMatch(/even/);
    expect(checkMovieSpec({ ...base, width: 32, height: 32 })).toMatch(/at least 64/);
    expect(checkMovieSpec({ ...base, fps: 24 })).toMatch(/25 to 60 fps/);
    expect(checkMovieSpec({ ...base, fps: 29.97 })).toMatch(/whole number/);
    expect(checkMovieSpec({ ...base, duration: 0 })).toMatch(/duration/);
    expect(checkMovieSpec({ ...base, duration: Number.NaN })).toMatch(/duration/);
    expect(checkMovieSpec({ ...base, format: 'avi' as never })).toMatch(/webm or mp4/);
    expect(checkMovieSpec({ ...base, kind: 'spin' as never })).toMatch(/turntable or buildup/);
  });

  it('times frames in µs without drift and puts a key frame every 2 s', () => {
    for (const fps of [25, 30, 60]) for (const duration of [0.2, 1, 7.3]) {
      const n = frameCount(fps, duration);
      expect(n).toBe(Math.max(2, Math.round(fps * duration)));
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const f = frameTime(i, fps);
        expect(f.timestamp).toBe(sum); // back to back
        sum += f.duration;
      }
      expect(Math.abs(sum - (n * 1e6) / fps)).toBeLessThanOrEqual(1);
    }
    expect([0, 1, 59, 60, 120].map((i) => isKeyFrame(i, 30))).toEqual([true, false, false, true, true]);
  });

  it('picks the lowest codec level that holds the size and rate', () => {
    expect(codecFor('mp4', 1920, 1080, 30)).toBe('avc1.640028'); // 4.0
    expect(codecFor('mp4', 1920, 1080, 60)).toBe('avc1.64002a'); // 4.2
    expect(codecFor('mp4', 3840, 2160, 30)).toBe('avc1.640033'); // 5.1
    expect(codecFor('mp4', 3840, 2160, 60)).toBe('avc1.640034'); // 5.2
    expect(codecFor('mp4', 320, 180, 25)).toBe('avc1.64001f'); // 3.1
    expect(codecFor('webm', 1920, 1080, 30)).toBe('vp09.00.40.08');
    expect(codecFor('webm', 1920, 1080, 60)).toBe('vp09.00.41.08');
    expect(codecFor('webm', 3840, 2160, 30)).toBe('vp09.00.50.08');
    expect(codecFor('webm', 3840, 2160, 60)).toBe('vp09.00.51.08');
    expect(codecFor('webm', 640, 360, 25)).toBe('vp09.00.31.08');
    expect(bitrateFor(1920, 1080, 30)).toBeGreaterThan(5e6);
    expect(bitrateFor(3840, 2160, 60)).toBe(50e6);
    expect(bitrateFor(64, 64, 25)).toBe(1e6);
  });

  it('names movies after the event and the kind', () => {
    const h = { run: 11001, burst: 0, event: 12 };
    expect(movieFileName(h, { kind: 'turntable', view: '3d', format: 'webm' })).toBe('11001_0_12_turntable.webm');
    expect(movieFileName(h, { kind: 'buildup', view: 'side', format: 'mp4' })).toBe('11001_0_12_buildup-side.mp4');
    expect(movieFileName(undefined, { kind: 'turntable', view: '3d', format: 'mp4' })).toBe('detector_turntable.mp4');
  });
});

describe('build-up schedule', () => {
  // a kaon-mode event: the beam kaon from 79.6 m, the last hit in MUV3 at 246.8 m (G§1)
  const s = buildUpSchedule(79_600, 246_800, 6);

  it('shows nothing during the lead, sweeps the event at constant speed, then holds it whole', () => {
    expect(s.front(0)).toBeLessThan(79_600);
    expect(s.reached(79_600, 0)).toBe(false);
    expect(s.front(BUILDUP_PHASES.lead * 6 - 1e-3)).toBeLessThan(79_600);
    const t1 = BUILDUP_PHASES.lead * 6, t2 = (BUILDUP_PHASES.lead + BUILDUP_PHASES.grow) * 6;
    expect(s.front(t1)).toBe(79_600);
    expect(s.front((t1 + t2) / 2)).toBeCloseTo((79_600 + 246_800) / 2, 6);
    expect(s.front(t2)).toBe(246_800);
    expect(s.front(6)).toBe(246_800);
    expect(s.complete(t2 - 1e-3)).toBe(false);
    expect(s.complete(t2)).toBe(true);
    // equal movie time, equal distance: the front moves at one speed
    const steps = [0.1, 0.2, 0.3, 0.4].map((f) => s.front(t1 + f * (t2 - t1)));
    expect(steps[1]! - steps[0]!).toBeCloseTo(steps[3]! - steps[2]!, 6);
    for (let t = 0, prev = -Infinity; t <= 6; t += 1 / 30) { expect(s.front(t)).toBeGreaterThanOrEqual(prev); prev = s.front(t); }
  });

  it('lights hits in the order the particles reach them, and keeps flight time', () => {
    const hits = [{ id: 'lkr', z: 241_093 }, { id: 'straw1', z: 183_508 }, { id: 'muv3', z: 246_800 }, { id: 'chod', z: 239_009 }];
    const litAt = (z: number) => { for (let i = 0; i <= 300; i++) if (s.reached(z, (i / 300) * 6)) return i; return Infinity; };
    const order = [...hits].sort((a, b) => litAt(a.z) - litAt(b.z)).map((h) => h.id);
    expect(order).toEqual(['straw1', 'chod', 'lkr', 'muv3']);
    expect(s.elapsedNs(6)).toBeCloseTo((246_800 - 79_600) / C_MM_PER_NS, 6); // ≈ 558 ns from GTK to MUV3
    expect(s.elapsedNs(0)).toBeLessThan(0);
  });

  it('refuses an event without extent', () => {
    expect(() => buildUpSchedule(100, 100, 6)).toThrow(/no extent/);
    expect(() => buildUpSchedule(Infinity, -Infinity, 6)).toThrow(/no extent/);
    expect(zExtent([{ z: 5 }, { z: -2 }, { z: Number.NaN }, { z: 9 }])).toEqual({ zStart: -2, zEnd: 9 });
  });
});

describe('turntable orbit', () => {
  const centre = new THREE.Vector3(0.3, -0.2, 9000);

  it('keeps a sphere around the event inside the frame at every angle, for wide and tall frames', () => {
    for (const aspect of [16 / 9, 4 / 3, 1, 9 / 16]) {
      const radius = 4000;
      const d = orbitDistance(radius, 40, aspect);
      const start = orbitStart(centre, new THREE.Vector3(-20_000, 8000, 0), d);
      expect(start.distanceTo(centre)).toBeCloseTo(d, 3);
      const cam = new THREE.PerspectiveCamera(40, aspect, 1, 1e7);
      for (let i = 0; i < 24; i++) {
        cam.position.copy(orbitPosition(centre, start, i, 24));
        cam.lookAt(centre);
        cam.updateMatrixWorld();
        // points on the sphere project inside the frame
        for (const dir of [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1], [0.577, 0.577, 0.577]] as const) {
          const p = centre.clone().add(new THREE.Vector3(...dir).multiplyScalar(radius)).project(cam);
          expect(Math.abs(p.x)).toBeLessThan(1);
          expect(Math.abs(p.y)).toBeLessThan(1);
        }
      }
    }
  });

  it('turns about the vertical at constant speed and height, and loops', () => {
    const start = new THREE.Vector3(-10, 5, 9000 - 20);
    const n = 40;
    const ps = Array.from({ length: n + 1 }, (_, i) => orbitPosition(centre, start, i, n));
    for (const p of ps) {
      expect(p.y).toBeCloseTo(start.y, 9);
      expect(p.distanceTo(centre)).toBeCloseTo(start.distanceTo(centre), 9);
    }
    const step = ps[0]!.distanceTo(ps[1]!);
    for (let i = 1; i < n; i++) expect(ps[i]!.distanceTo(ps[i + 1]!)).toBeCloseTo(step, 9);
    expect(ps[n]!.distanceTo(ps[0]!)).toBeLessThan(1e-9); // frame n is frame 0: the movie loops
    expect(ps[n / 2]!.x - centre.x).toBeCloseTo(-(start.x - centre.x), 9); // half a turn: the other side
  });

  it('holds the elevation between 12° and 35°', () => {
    const elev = (p: THREE.Vector3) => THREE.MathUtils.radToDeg(Math.atan2(p.y - centre.y, Math.hypot(p.x - centre.x, p.z - centre.z)));
    expect(elev(orbitStart(centre, new THREE.Vector3(0, 1e6, 9001), 100))).toBeCloseTo(35, 6);
    expect(elev(orbitStart(centre, new THREE.Vector3(-100, -50, 9000), 100))).toBeCloseTo(12, 6);
    expect(elev(orbitStart(centre, new THREE.Vector3(-100, 36.4, 9000), 100))).toBeCloseTo(20, 0);
  });
});

describe('na62 render --movie options', () => {
  const fail = (m: string): never => { throw new Error(m); };
  it('takes WebM by default, and the size, rate, length and view given', () => {
    expect(movieSpecOf({ movie: 'turntable', format: 'png' }, fail)).toMatchObject({ kind: 'turntable', view: '3d', format: 'webm', width: 1920, height: 1080, fps: 30, duration: 6 });
    expect(movieSpecOf({ movie: 'buildup', format: 'mp4', size: '3840x2160', fps: '60', duration: '2.5', views: 'side', theme: 'paper' }, fail))
      .toMatchObject({ kind: 'buildup', view: 'side', format: 'mp4', width: 3840, height: 2160, fps: 60, duration: 2.5, theme: 'paper' });
  });
  it('says what is wrong', () => {
    expect(() => movieSpecOf({ movie: 'spin' }, fail)).toThrow(/--movie wants turntable or buildup/);
    expect(() => movieSpecOf({ movie: 'buildup', format: 'gif' }, fail)).toThrow(/--format wants webm or mp4/);
    expect(() => movieSpecOf({ movie: 'buildup', views: 'top' }, fail)).toThrow(/--views wants 3d or side/);
    expect(() => movieSpecOf({ movie: 'turntable', views: 'side' }, fail)).toThrow(/turntable is of the 3D view/);
    expect(() => movieSpecOf({ movie: 'buildup', size: 'big' }, fail)).toThrow(/--size wants WxH/);
    expect(() => movieSpecOf({ movie: 'buildup', fps: '120' }, fail)).toThrow(/25 to 60 fps/);
  });
});

describe('saving a movie', () => {
  const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]);
  const mp4 = new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  it('accepts .webm and .mp4 with their signatures, and refuses bytes that are not', () => {
    expect(EXPORT_SCHEMAS.saveFile.safeParse({ suggestedName: '11001_0_12_turntable.webm', data: webm }).success).toBe(true);
    expect(EXPORT_SCHEMAS.saveFile.safeParse({ suggestedName: '11001_0_12_buildup.mp4', data: mp4 }).success).toBe(true);
    expect(EXPORT_SCHEMAS.saveFile.safeParse({ suggestedName: 'a_turntable.mp4', data: webm }).success).toBe(false);
    expect(EXPORT_SCHEMAS.saveFile.safeParse({ suggestedName: 'a_turntable.webm', data: mp4 }).success).toBe(false);
    expect(EXPORT_SCHEMAS.saveFile.safeParse({ suggestedName: 'a.avi', data: mp4 }).success).toBe(false);
  });
});
