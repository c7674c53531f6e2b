/**
 * The batch checksum kernel in WebAssembly (src-engine/io/wasm/crc32.wat): the same CRC-32 of
 * every row of a batch as batchChecksums in JavaScript, several times faster (no bounds checks,
 * slicing-by-8). Each column is copied into the module's memory (a memcpy, ~1/20 of the CRC's
 * cost) and folded there. Where WebAssembly cannot be compiled (a page whose CSP forbids it),
 * `wasmCrcKernel()` is undefined and the JavaScript kernel runs.
 */
import { WASM_BASE64 } from './wasm/crc32-wasm-bytes';

interface Exports {
  readonly memory: WebAssembly.Memory;
  foldFixed(st: number, data: number, size: number, n: number): void;
  foldRanges(st: number, data: number, off: number, size: number, n: number): void;
  foldCounts(st: number, off: number, n: number): void;
  foldRanges4(st: number, data: number, off: number, n: number): void;
  foldFixed4(st: number, data: number, n: number): void;
}

/** The kernel with its memory: tables, then the states of a batch's rows, then one column at a time. */
export class WasmCrcKernel {
  private readonly x: Exports;
  private u8!: Uint8Array;
  private i32!: Int32Array;
  constructor(x: Exports) {
    this.x = x;
    this.views();
    // 8 tables of 256 entries at 1024·k: table k advances a byte k positions further
    const t = this.i32;
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    for (let n = 0; n < 256; n++) {
      let c = t[n]!;
      for (let k = 1; k < 8; k++) { c = t[c & 0xff]! ^ (c >>> 8); t[k * 256 + n] = c; }
    }
  }
  private views(): void {
    this.u8 = new Uint8Array(this.x.memory.buffer);
    this.i32 = new Int32Array(this.x.memory.buffer);
  }
  /** Make the memory hold at least `bytes` (growing detaches the old views: remake them). */
  reserve(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes <= have) return;
    this.x.memory.grow(Math.ceil((bytes - have) / 65536));
    this.views();
  }
  /** Where the states of the rows start (after the tables); start every state at ~0. */
  startStates(n: number): void { this.i32.fill(-1, STATES >> 2, (STATES >> 2) + n); }
  /** Copy bytes to `at` (a multiple of 8). */
  put(at: number, bytes: Uint8Array): void { this.u8.set(bytes, at); }
  putOffsets(at: number, offsets: Int32Array, n: number): void { this.i32.set(offsets.subarray(0, n + 1), at >> 2); }
  foldFixed(data: number, size: number, n: number): void { if (size === 4) this.x.foldFixed4(STATES, data, n); else this.x.foldFixed(STATES, data, size, n); }
  foldRanges(data: number, off: number, size: number, n: number): void { if (size === 4) this.x.foldRanges4(STATES, data, off, n); else this.x.foldRanges(STATES, data, off, size, n); }
  foldCounts(off: number, n: number): void { this.x.foldCounts(STATES, off, n); }
  /** CRC-32 of one whole buffer (a column buffer of a format 3 batch): one state, slicing-by-8 over its bytes. */
  crcOf(bytes: Uint8Array): number {
    const data = STATES + 8;
    this.reserve(data + bytes.byteLength);
    this.i32[STATES >> 2] = -1;
    this.u8.set(bytes, data);
    this.x.foldFixed(STATES, data, bytes.byteLength, 1);
    return ~this.i32[STATES >> 2]! >>> 0;
  }
  finish(n: number): Uint32Array {
    const out = new Uint32Array(n), st = this.i32, s0 = STATES >> 2;
    for (let i = 0; i < n; i++) out[i] = ~st[s0 + i]! >>> 0;
    return out;
  }
}

/** Byte address of the row states in the kernel's memory (after the 8 KiB of tables). */
export const STATES = 8192;

let kernel: WasmCrcKernel | undefined | null;
/** The kernel of this thread (compiled once), or undefined where WebAssembly is unavailable. */
export function wasmCrcKernel(): WasmCrcKernel | undefined {
  if (kernel === undefined) {
    try {
      const bytes = Uint8Array.from(atob(WASM_BASE64), (ch) => ch.charCodeAt(0));
      kernel = new WasmCrcKernel(new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports);
    } catch {
      kernel = null; // WebAssembly forbidden here (CSP) or absent: the JavaScript kernel runs
    }
  }
  return kernel ?? undefined;
}
