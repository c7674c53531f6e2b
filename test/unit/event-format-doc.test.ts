/** docs/event-format.md against the code: a writer following the page must produce what the reader accepts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { List, Struct } from 'apache-arrow';
import { encodeColumns, eventSchema, rowChecksum } from '../../src-engine/io/codec';
import { metadataJsonSchema } from '../../src-engine/io/check';
import { FORMAT_VERSION } from '../../src-shared/event/file-meta';
import type { Na62Event } from '../../src-shared/event/model';

const doc = readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../docs/event-format.md'), 'utf8');

describe('docs/event-format.md', () => {
  it('is the spec of the version the app writes', () => {
    expect(doc).toMatch(new RegExp(`^# The NA62 event file format, version ${FORMAT_VERSION}\\n`));
  });

  it('lists every column with its type, nullability, unit and description, as the writer makes them', () => {
    const rows: string[] = [];
    for (const f of eventSchema({ strawHits: true, truth: true, chodHits: true }).fields) {
      const list = String(f.type).startsWith('List<');
      rows.push(`| \`${f.name}\` | ${list ? 'List<Struct>' : String(f.type)} | ${f.nullable ? 'yes' : 'no'} | ${f.metadata.get('unit') || '—'} | ${f.metadata.get('description')} |`);
      if (list) {
        for (const c of ((f.type as List).children[0]!.type as Struct).children) {
          rows.push(`| \`${f.name}.${c.name}\` | ${String(c.type)} | no | ${c.metadata.get('unit') || '—'} | ${c.metadata.get('description')} |`);
        }
      }
    }
    for (const r of rows) expect(doc).toContain(`${r}\n`);
    expect(doc.split('\n').filter((l) => /^\| `[a-z0-9_.]+` \|/.test(l))).toHaveLength(rows.length);
  });

  it('embeds the metadata JSON Schema that na62 check --metadata-schema prints', () => {
    const block = /## Metadata[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(JSON.parse(block!)).toEqual(metadataJsonSchema());
  });

  it('has a worked checksum example that the codec and zlib both reproduce', () => {
    const ev = {
      header: { run: 1, burst: 2, event: 3, mode: 'dump', timeInSpill: 1000.5, weight: 1, process: 'x' },
      tracks: [{ charge: 1, px: 1, py: 2, pz: 30000, x: 10, y: -5, time: 0.5, chi2: 3, nChambers: 4, dxdzAfter: 0.25, dydzAfter: 0 }],
      lkrClusters: [], muv3Hits: [], newchodHits: [], lavHits: [], anti0Hits: [],
    } as Na62Event;
    const crc = rowChecksum(encodeColumns([ev], { strawHits: false, truth: false }), 0);
    // the bytes of the example's table, as printed there (×n repeats a group)
    const table = /### Worked example[\s\S]*?\n\n(\| values[\s\S]*?)\n\n/.exec(doc)![1]!;
    const bytes: number[] = [];
    for (const line of table.split('\n').slice(2)) {
      const m = /`([0-9a-f ]+)`(?: ×(\d+))?/.exec(line)!;
      const group = m[1]!.trim().split(' ').map((h) => parseInt(h, 16));
      for (let k = 0; k < Number(m[2] ?? 1); k++) bytes.push(...group);
    }
    expect(bytes).toHaveLength(128);
    expect(zlibCrc32(new Uint8Array(bytes))).toBe(crc);
    expect(doc).toContain(`**CRC-32 = 0x${crc.toString(16)}** (${crc})`);
  });
});
