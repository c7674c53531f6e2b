/** An engine host whose files live in memory (tests that drive the whole engine through its API). */
import type { EngineHost } from '../src-engine';
import { memorySink, memorySource, type RandomAccessSource } from '../src-engine/io/source';

export function memoryHost(): EngineHost {
  const files = new Map<string, Uint8Array>();
  return {
    createFile: (name) => ({
      async sink() { const s = memorySink(); return { ...s, commit: async () => { await s.commit(); files.set(name, s.bytes()); } }; },
      async source(): Promise<RandomAccessSource | undefined> { const b = files.get(name); return b ? memorySource(name, b) : undefined; },
    }),
    cachedFile: () => { throw new Error('unused'); },
    progress: () => {},
    yieldToHost: async () => {},
  };
}
