/**
 * Byte sources and sinks the engine reads and writes through. The hosts supply them (a Node file,
 * a browser File/Blob, memory), so the engine itself never touches fs or the DOM.
 */

/** Random access to the bytes of one file. */
export interface RandomAccessSource {
  /** shown in every message about this file */
  readonly name: string;
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
  /** optional: read straight into a caller's buffer (saves a copy on large files); resolves to the bytes read */
  readInto?(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/** Where a file being written goes; `commit` makes it visible under its final name, `abort` removes it. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function memorySource(name: string, bytes: Uint8Array): RandomAccessSource {
  return {
    name,
    size: bytes.byteLength,
    async read(position, length) {
      return bytes.subarray(position, Math.min(bytes.byteLength, position + length));
    },
    async close() {},
  };
}

/** A sink that keeps the file in memory (browser build, tests). */
export function memorySink(): ByteSink & { bytes(): Uint8Array } {
  let parts: Uint8Array[] = [];
  let done: Uint8Array | undefined;
  return {
    async write(chunk) { parts.push(chunk.slice()); },
    async commit() {
      const n = parts.reduce((a, p) => a + p.byteLength, 0);
      done = new Uint8Array(n);
      let o = 0;
      for (const p of parts) { done.set(p, o); o += p.byteLength; }
      parts = [];
    },
    async abort() { parts = []; done = undefined; },
    bytes() {
      if (!done) throw new Error('the file was not committed');
      return done;
    },
  };
}

/** A browser Blob (File) as a random-access source: only the requested slices are read. */
export function blobSource(blob: Blob, name: string): RandomAccessSource {
  return {
    name,
    size: blob.size,
    async read(position, length) {
      return new Uint8Array(await blob.slice(position, position + length).arrayBuffer());
    },
    async close() {},
  };
}
