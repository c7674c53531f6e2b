/** The open datasets: files → event store. Events are read on demand, one batch at a time. */
import type { DatasetInfo } from '../../src-shared/api/contract';
import type { Na62Event } from '../../src-shared/event/model';
import { openEventFile, type EventFile } from '../io/event-file';
import type { RandomAccessSource } from '../io/source';
import { UserFacingError } from '../dispatch';

const baseName = (p: string) => p.split(/[\\/]/).pop() || p;

export class EventStore {
  private readonly open = new Map<string, { info: DatasetInfo; file: EventFile }>();
  private next = 1;

  async add(source: RandomAccessSource): Promise<DatasetInfo> {
    const file = await openEventFile(source).catch(async (err: unknown) => {
      await source.close().catch(() => {});
      throw err;
    });
    const id = `ds${this.next++}`;
    const info: DatasetInfo = { id, name: baseName(source.name), numEvents: file.numEvents, meta: file.meta, ...(file.warnings.length ? { warnings: [...file.warnings] } : {}) };
    this.open.set(id, { info, file });
    return info;
  }

  list(): DatasetInfo[] {
    return [...this.open.values()].map((d) => d.info);
  }

  file(id: string): EventFile {
    const d = this.open.get(id);
    if (!d) throw new UserFacingError('bad-request', `no open dataset "${id}"`);
    return d.file;
  }

  async event(id: string, index: number): Promise<Na62Event> {
    const f = this.file(id);
    if (index >= f.numEvents) throw new UserFacingError('bad-request', `${f.name}: no event ${index} (the file has ${f.numEvents})`);
    return f.event(index);
  }

  async close(id: string): Promise<boolean> {
    const d = this.open.get(id);
    if (!d) return false;
    this.open.delete(id);
    await d.file.close();
    return true;
  }
}
