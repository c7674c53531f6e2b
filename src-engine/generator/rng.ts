/**
 * Deterministic random numbers. Each event gets its own stream seeded from (run seed, event index),
 * so a file is the same whatever the batch size, the order or the number of workers.
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, PractRand-clean), seeded by splitmix32.
 */
function splitmix32(x: number): () => number {
  let s = x >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number; private b: number; private c: number; private d: number;
  private spare: number | undefined;

  /** @param seed run seed; @param stream e.g. the event index */
  constructor(seed: number, stream = 0) {
    const sm = splitmix32((Math.imul(seed >>> 0, 0x27d4eb2d) ^ Math.imul(stream >>> 0, 0x165667b1) ^ Math.floor(stream / 2 ** 32)) >>> 0);
    this.a = sm(); this.b = sm(); this.c = sm(); this.d = sm() | 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** uniform in [0, 1), 53 bits */
  uniform(): number {
    return (this.next32() * 2 ** 21 + (this.next32() >>> 11)) / 2 ** 53;
  }
  /** uniform in (0, 1] (safe for logarithms) */
  open(): number { return 1 - this.uniform(); }
  range(lo: number, hi: number): number { return lo + (hi - lo) * this.uniform(); }
  int(n: number): number { return Math.floor(this.uniform() * n); }

  /** standard normal (Marsaglia polar) */
  normal(mean = 0, sigma = 1): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return mean + sigma * s;
    }
    let u: number, v: number, q: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spare = v * f;
    return mean + sigma * u * f;
  }

  exponential(mean: number): number { return -mean * Math.log(this.open()); }

  /** chi-square with k degrees of freedom (sum of squares) */
  chi2(k: number): number {
    let s = 0;
    for (let i = 0; i < k; i++) { const g = this.normal(); s += g * g; }
    return s;
  }

  /** a unit vector uniform on the sphere */
  isotropic(): [number, number, number] {
    const c = 2 * this.uniform() - 1, s = Math.sqrt(1 - c * c), ph = 2 * Math.PI * this.uniform();
    return [s * Math.cos(ph), s * Math.sin(ph), c];
  }
}
