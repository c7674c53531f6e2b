/** Node implementations of the engine's byte source and sink (main process and CLI). */
import { promises as fs, readSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ByteSink, RandomAccessSource } from '../../src-engine/io/source';
import { EventFileError } from '../../src-engine/io/event-file';
import { fsCause } from './fs-errors';
import { trackTemp, untrackTemp } from './temp-files';

/**
 * `sync`: reads block the calling thread (selection worker threads): a page-cache read is a copy
 * that costs less than its round trip through libuv's thread pool, which every worker thread of the
 * process shares (four threads), so blocking reads keep each worker's reading on its own core.
 */
export async function nodeFileSource(file: string, opts: { sync?: boolean } = {}): Promise<RandomAccessSource> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EventFileError(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot open (${code ?? String(err)})`);
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new EventFileError(file, 'is not a regular file');
  }
  return {
    name: file,
    size: st.size,
    async read(position, length) {
      const n = Math.max(0, Math.min(length, st.size - position));
      const buf = Buffer.allocUnsafe(n);
      let off = 0;
      // (the batch headers a selection reads before each batch's columns: blocking too)
      if (opts.sync) {
        while (off < n) {
          const got = readSync(fh.fd, buf, off, n - off, position + off);
          if (got === 0) break;
          off += got;
        }
        return new Uint8Array(buf.buffer, buf.byteOffset, off);
      }
      while (off < n) {
        const { bytesRead } = await fh.read(buf, off, n - off, position + off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return new Uint8Array(buf.buffer, buf.byteOffset, off);
    },
    async readInto(buffer, offset, length, position) {
      let done = 0;
      if (opts.sync) {
        while (done < length) {
          const got = readSync(fh.fd, buffer, offset + done, length - done, position + done);
          if (got === 0) break;
          done += got;
        }
        return done;
      }
      while (done < length) {
        const { bytesRead } = await fh.read(buffer, offset + done, length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done;
    },
    close: () => fh.close(),
  };
}

/** A write that failed, naming the file the user asked for and the cause. */
export class WriteError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`cannot write ${file}: ${fsCause(cause)}`);
    this.name = 'WriteError';
  }
}

/**
 * Writes to a hidden temporary file beside the target; commit renames it into place, so the final
 * name appears only when the file is complete. Every failure aborts the temporary and is a
 * WriteError naming the target; the temporary is registered, so an interrupt removes it too.
 */
export async function nodeFileSink(target: string): Promise<ByteSink> {
  const st = await fs.stat(target).catch(() => undefined);
  if (st?.isDirectory()) throw new WriteError(target, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fh: fs.FileHandle;
  try { fh = await fs.open(tmp, 'wx'); } catch (err) { throw new WriteError(target, err); }
  trackTemp(tmp);
  let open = true;
  const close = async () => { if (open) { open = false; await fh.close(); } };
  const abort = async () => {
    await close().catch(() => {});
    await fs.rm(tmp, { force: true }).catch(() => {});
    untrackTemp(tmp);
  };
  const guarded = async (work: () => Promise<void>) => {
    try { await work(); } catch (err) { await abort(); throw err instanceof WriteError ? err : new WriteError(target, err); }
  };
  return {
    write: (chunk) => guarded(async () => {
      let off = 0;
      while (off < chunk.byteLength) off += (await fh.write(chunk, off, chunk.byteLength - off)).bytesWritten;
    }),
    commit: () => guarded(async () => {
      await fh.sync();
      await close();
      await fs.rename(tmp, target);
      untrackTemp(tmp);
    }),
    abort,
  };
}
