/**
 * `na62 check`: a file against the event-format spec (docs/event-format.md), every difference
 * said exactly — metadata fields, each column with its type, batching, every event's checksum.
 */
import { z } from 'zod';
import { FileMetaSchema } from '../../src-shared/event/file-meta';
import { corruptRows } from './codec';
import { EventFileError, eventId, openEventFile } from './event-file';
import type { RandomAccessSource } from './source';

export interface CheckReport {
  readonly file: string;
  /** what does not follow the spec (empty: the file is valid) */
  readonly problems: string[];
  /** what the reader accepts but notes (no checksums), and a summary */
  readonly notes: string[];
}

/** How many corrupt events a report names one by one. */
const LISTED = 20;

export async function checkEventFile(source: RandomAccessSource): Promise<CheckReport> {
  const problems: string[] = [], notes: string[] = [];
  let f;
  try {
    f = await openEventFile(source);
  } catch (err) {
    if (err instanceof EventFileError) problems.push(...(err.details.length ? err.details : [err.problem]));
    else problems.push(err instanceof Error ? err.message : String(err));
    await source.close().catch(() => {});
    return { file: source.name, problems, notes };
  }
  try {
    notes.push(...f.warnings.map((w) => w.replace(`${source.name}: `, '')));
    let corrupt = 0;
    // format 3: every buffer of every batch is read and verified; a damaged batch is named and the check goes on
    let listed = 0;
    await f.scan(0, f.numBatches, (start, c) => {
      for (const i of corruptRows(c)) {
        if (listed++ < LISTED) problems.push(`event ${start + i} (run:burst:event ${eventId(c, i)}): checksum mismatch`);
        corrupt++;
      }
    }, {
      onCorruptBatch: (e) => {
        if (listed++ < LISTED) problems.push(e.problem);
        corrupt += e.count;
      },
    });
    if (listed > LISTED) problems.push(f.meta.formatVersion >= 3 ? `and ${listed - LISTED} more batches with a checksum mismatch (${corrupt} events in all)` : `and ${corrupt - LISTED} more events with a checksum mismatch (${corrupt} in all)`);
    notes.push(`format ${f.meta.formatVersion}, ${f.numEvents} events in ${f.numBatches} batches of ${f.meta.batchSize}${f.checksums ? `, ${corrupt ? 'checksums checked' : 'every checksum verified'}` : ''}`);
  } catch (err) {
    problems.push(err instanceof EventFileError ? err.problem : err instanceof Error ? err.message : String(err));
  } finally {
    await f.close().catch(() => {});
  }
  return { file: source.name, problems, notes };
}

/** The metadata (schema key "na62") as JSON Schema, for writers in other languages. */
export function metadataJsonSchema(): unknown {
  return z.toJSONSchema(FileMetaSchema);
}
