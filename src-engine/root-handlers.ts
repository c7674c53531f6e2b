/**
 * The engine's ROOT-import requests. The ROOT code (JSROOT, the mapping compiler) is imported only
 * when the first ROOT file is opened. Open ROOT files are held by handle until imported or closed.
 */
import type { DatasetInfo } from '../src-shared/api/contract';
import type { RootFileInfo, RootRequests } from '../src-shared/api/root-contract';
import type { RandomAccessSource } from './io/source';
import type { EventStore } from './store/event-store';
import type { EngineHost } from './engine';
import { UserFacingError, type Handler } from './dispatch';
import { WriteCancelled } from './io/event-file';
import type { RootFile } from './io/root/root-file';
import { visibleBeforeImport } from './selection/blinding';

/** How the engine's task bookkeeping (cancel) is shared with these handlers. */
export interface TaskControl {
  start(taskId: string): void;
  cancelled(taskId: string): boolean;
  end(taskId: string): void;
}

export interface RootHandlerDeps {
  readonly store: Pick<EventStore, 'add'>;
  readonly files?: EngineHost;
  readonly geometryVersion: string;
  readonly tasks: TaskControl;
}

const rootModule = () => import('./io/root/index');
/** ROOT files open at once (each holds its tree descriptions; the bytes stay in the file) */
const MAX_OPEN = 16;

export function createRootHandlers(deps: RootHandlerDeps): { [K in keyof RootRequests]: Handler<K> } & { openRootSource(source: RandomAccessSource): Promise<RootFileInfo> } {
  const open = new Map<string, RootFile>();
  let next = 1;
  const get = (handle: string): RootFile => {
    const f = open.get(handle);
    if (!f) throw new UserFacingError('bad-request', `no open ROOT file ${handle} (closed or already imported)`);
    return f;
  };
  const openRootSource = async (source: RandomAccessSource): Promise<RootFileInfo> => {
    const { openRootFile } = await rootModule();
    const file = await openRootFile(source);
    if (open.size >= MAX_OPEN) {
      const [oldest, f] = open.entries().next().value!;
      open.delete(oldest);
      await f.close();
    }
    const handle = `rf${next++}`;
    open.set(handle, file);
    return { rootFile: handle, name: file.name, size: source.size, trees: file.trees };
  };
  return {
    openRootSource,
    rootOpenBlob: async () => { throw new UserFacingError('bad-request', 'this host opens ROOT files itself'); },
    rootPropose: async ({ rootFile, tree }) => (await rootModule()).proposeForFile(get(rootFile), tree),
    rootPreview: async ({ rootFile, mapping, count }) => {
      const { previewRoot } = await rootModule();
      const p = await previewRoot(get(rootFile), mapping, count);
      // a data file is blind before it is even imported: the preview shows no masked event
      const shown = visibleBeforeImport(p.events, { kind: mapping.kind });
      return { ...p, events: shown.events, hidden: shown.hidden };
    },
    rootImport: async ({ taskId, rootFile, mapping, name }): Promise<DatasetInfo> => {
      const host = deps.files;
      if (!host) throw new UserFacingError('bad-request', 'this engine host cannot create files');
      const file = get(rootFile);
      const label = `Importing ${file.name}`;
      // registered before the first await, so a cancel sent right after the request finds it
      deps.tasks.start(taskId);
      let target: ReturnType<EngineHost['createFile']>;
      try {
        const { importRoot } = await rootModule();
        target = host.createFile(name ?? `${file.name.replace(/\.root$/i, '')}.arrow`);
        await importRoot(file, mapping, await target.sink(), {
          geometryVersion: deps.geometryVersion,
          yieldToHost: () => host.yieldToHost(),
          onProgress: (done, total) => {
            host.progress({ taskId, label, done, total });
            return !deps.tasks.cancelled(taskId);
          },
        });
      } catch (err) {
        if (err instanceof WriteCancelled) throw new UserFacingError('bad-request', `${label}: cancelled`);
        throw err;
      } finally {
        deps.tasks.end(taskId);
      }
      const src = await target.source();
      if (!src) throw new UserFacingError('io', `${label}: the imported file cannot be read back`);
      return deps.store.add(src);
    },
    rootClose: async ({ rootFile }) => {
      const f = open.get(rootFile);
      if (!f) return { closed: false };
      open.delete(rootFile);
      await f.close();
      return { closed: true };
    },
  };
}
