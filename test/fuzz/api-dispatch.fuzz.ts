/**
 * Every API channel through the validating dispatcher (the same one the Electron main process and
 * the browser build's worker use): random and nearly-valid requests always come back as an Envelope
 * that survives structured cloning, and every failure is a typed error with a readable message —
 * never a thrown exception, never an 'internal' error, never a stack trace.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers, type Dispatcher, type EngineHost } from '../../src-engine';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { REQUEST_SCHEMAS } from '../../src-shared/api/schemas';
import type { Envelope } from '../../src-shared/api/contract';
import { budget, FUZZ_SEED, TEST_TIMEOUT_MS } from './fuzz-budget';

const CODES = ['bad-request', 'unknown-channel', 'version-mismatch', 'io', 'blinded'];
let dispatcher: Dispatcher;
let fileBytes: Uint8Array;
let engine: ReturnType<typeof createEngineHandlers>;

/** Files in memory; any task that gets past 1000 events is cancelled, so a valid request for 10^8 events stays cheap. */
function memoryHost(): EngineHost {
  const file = () => {
    let done: Uint8Array | undefined;
    return {
      async sink() { const s = memorySink(); return { write: s.write, abort: s.abort, async commit() { await s.commit(); done = s.bytes(); } }; },
      async source() { return done ? memorySource('generated.arrow', done) : undefined; },
    };
  };
  return {
    createFile: file, cachedFile: file,
    progress: (p) => { if (p.done > 1000) engine.cancel!({ taskId: p.taskId }); },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  };
}

beforeAll(async () => {
  const sink = memorySink();
  await generateToSink({ mode: 'dump', numEvents: 300, seed: FUZZ_SEED % 1000, strawHits: true, mix: { 'aprime-mumu': 2, 'combinatorial-mumu': 1 } }, sink, { batchSize: 64 });
  fileBytes = sink.bytes();
  engine = createEngineHandlers({ host: 'node', appVersion: 'fuzz', files: memoryHost() });
  dispatcher = createDispatcher(engine, (msg, err) => { throw new Error(`${msg}: ${String(err)}`); });
});

/** the open dataset's handle (reopened when a request closed it) */
async function dataset(): Promise<string> {
  const open = engine.store.list()[0];
  return open ? open.id : (await engine.store.add(memorySource('fuzz.arrow', fileBytes))).id;
}

const DS = '\u0000ds'; // replaced by the live dataset handle
const VALID: Record<string, unknown> = {
  info: undefined, detector: undefined, datasets: undefined, selectionCatalogue: undefined, openDemo: undefined,
  blinding: { dataset: DS, identify: true },
  event: { dataset: DS, index: 3 },
  findEvent: { dataset: DS, run: 1, burst: 0, event: 5 },
  generate: { taskId: 'gen-1', config: { mode: 'dump', numEvents: 40, seed: 3, mix: { 'aprime-mumu': 1 } }, name: 'fuzz.arrow' },
  cancel: { taskId: 'gen-1' },
  closeDataset: { dataset: 'ds999' },
  runSelection: { taskId: 'sel-1', dataset: DS, selection: { preset: 'dump-mumu', params: { cdaMax: 8 }, disabled: ['momentum'], expressions: ['p1 > 5000'] } },
  checkExpression: { text: 'cda_tax < 20 && p1 > 10000' },
  setBlinding: { dataset: DS, preset: 'dump-mumu', stage: 'blind' },
  exportSelection: { dataset: DS, format: 'csv' },
  savePng: { suggestedName: 'a.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) },
  openDropped: { path: '/tmp/x.arrow' },
};

const leaf = fc.oneof(
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom(NaN, Infinity, -1, 2 ** 53, -0, 1e308, '', 'ds1', '../../etc/passwd', '__proto__', 'constructor', 'x'.repeat(5000)),
  fc.constant(null).map(() => new Blob(['x'])),
);

/** a valid request with one field replaced, removed or added */
function nearlyValid(key: string): fc.Arbitrary<unknown> {
  const base = VALID[key];
  if (!base || typeof base !== 'object') return leaf;
  const fields = Object.keys(base);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...fields), leaf).map(([f, v]) => ({ ...base, [f]: v })),
    fc.constantFrom(...fields).map((f) => { const c: Record<string, unknown> = { ...base }; delete c[f]; return c; }),
    fc.tuple(fc.string({ maxLength: 12 }), leaf).map(([f, v]) => ({ ...base, [f]: v })),
    fc.constant(base),
    ...(key === 'runSelection' || key === 'generate'
      ? [fc.tuple(fc.constantFrom(...Object.keys((base as { selection?: object; config?: object }).selection ?? (base as { config: object }).config)), leaf)
        .map(([f, v]) => key === 'generate' ? { ...base, config: { ...(base as { config: object }).config, [f]: v } } : { ...base, selection: { ...(base as { selection: object }).selection, [f]: v } })]
      : []),
  );
}

const substitute = (v: unknown, ds: string): unknown =>
  v === DS ? ds : v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, ds)])) : v;

function expectEnvelope(env: Envelope<unknown>, what: string): void {
  expect(typeof env.ok, what).toBe('boolean');
  structuredClone(env); // it must cross IPC and postMessage as it is
  if (env.ok) return;
  expect(CODES, `${what}: ${env.error.code}: ${env.error.message}`).toContain(env.error.code);
  expect(typeof env.error.message).toBe('string');
  expect(env.error.message.length).toBeGreaterThan(5);
  expect(env.error.message).not.toMatch(/\n\s+at |\[object Object\]/);
}

const KEYS = Object.keys(REQUEST_SCHEMAS);

describe('API dispatch, fuzzed', () => {
  it('answers the valid requests (the properties below are not vacuous)', async () => {
    const ds = await dataset();
    // the file is pure simulation (not blind), so event 3 is never refused whatever the seed
    for (const key of ['blinding', 'setBlinding', 'info', 'event', 'findEvent', 'checkExpression', 'runSelection', 'exportSelection']) {
      const env = await dispatcher.handle(key, substitute(VALID[key], ds));
      expect(env.ok, `${key}: ${JSON.stringify(env).slice(0, 200)}`).toBe(true);
    }
  });

  it('random payloads on every channel, and unknown channels, give typed error envelopes', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 20 })), leaf, async (key, raw) => {
      expectEnvelope(await dispatcher.handle(key, raw), key);
    }), budget(3000));
  }, TEST_TIMEOUT_MS);

  it('nearly valid requests on every channel succeed or give typed error envelopes', async () => {
    let ok = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...KEYS).chain((k) => fc.tuple(fc.constant(k), nearlyValid(k))), async ([key, raw]) => {
      const env = await dispatcher.handle(key, substitute(raw, await dataset()));
      expectEnvelope(env, key);
      if (env.ok) ok++;
    }), budget(1500, 20_000));
    expect(ok).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);
});
