/** The bytes an event's checksum covers, as docs/event-format.md ("Checksum") lays them out, made from the event object (not from the codec). */
import type { Na62Event } from '../src-shared/event/model';
import { COLLECTIONS } from '../src-engine/io/layout';

export function specBytes(e: Na62Event, layout: { strawHits: boolean; truth: boolean; chodHits?: boolean }): Uint8Array {
  const parts: number[] = [];
  const push = (a: ArrayBufferView) => parts.push(...new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const h = e.header, k = e.beamKaon;
  push(new Int32Array([h.run, h.burst, h.event]));
  push(new Uint8Array([h.mode === 'dump' ? 0 : 1]));
  push(new Float64Array([h.timeInSpill, h.weight, h.decayProbability ?? NaN]));
  push(new TextEncoder().encode(h.process));
  push(new Float32Array(k ? [k.px, k.py, k.pz, k.x, k.y, k.gtkTime, k.ktagTime] : [NaN, NaN, NaN, NaN, NaN, NaN, NaN]));
  const ctor = { f32: Float32Array, f64: Float64Array, i32: Int32Array, i16: Int16Array, i8: Int8Array, u8: Uint8Array } as const;
  for (const c of COLLECTIONS) {
    if (c.optional && !layout[c.optional]) continue;
    const rows = ((e as unknown as Record<string, Record<string, number>[] | undefined>)[c.key] ?? []);
    push(new Int32Array([rows.length]));
    for (const f of c.fields) push(new ctor[f.type](rows.map((r) => r[f.name]!)));
  }
  return new Uint8Array(parts);
}

