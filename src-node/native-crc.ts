/**
 * Node hosts verify format 3 checksums with zlib's CRC-32 (native, about twice the engine's
 * WebAssembly kernel): imported for its effect by every Node entry that reads event files
 * (the selection worker, the CLI, the Electron main process). Same values: it is the same CRC.
 */
import * as zlib from 'node:zlib';
import { useNativeCrc32 } from '../src-engine/io/column-read';

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
// zlib.crc32 came with Node 20.15 / 22.2: older Nodes keep the WebAssembly kernel
if (typeof native === 'function') useNativeCrc32((bytes) => native(bytes));
