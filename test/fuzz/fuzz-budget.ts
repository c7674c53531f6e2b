/**
 * Seed and size of every fuzz property. CI runs a fixed seed and a fixed number of cases, so a
 * failure reproduces; FUZZ_SEED and FUZZ_RUNS run other or more cases (README, "Hardening").
 */
import type fc from 'fast-check';

const envInt = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name}=${raw}: expected a non-negative integer`);
  return v;
};

/** the seed every property starts from (CI: this fixed value) */
export const FUZZ_SEED = envInt('FUZZ_SEED') ?? 20261201;
const RUNS = envInt('FUZZ_RUNS');

/**
 * fast-check parameters for a property whose CI budget is `ciRuns` cases (FUZZ_RUNS overrides it);
 * an async case that takes longer than `caseTimeoutMs` fails as a hang.
 */
export function budget(ciRuns: number, caseTimeoutMs = 5000): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: RUNS ?? ciRuns, endOnFailure: true, timeout: caseTimeoutMs };
}

/** how long one vitest test may take: generous in CI, unlimited for long runs */
export const TEST_TIMEOUT_MS = RUNS === undefined ? 120_000 : 0;
