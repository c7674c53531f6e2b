/**
 * The ROOT file waiting in the import dialog, and the mappings the user saved: kept in localStorage
 * by tree layout (tree name and branch names, types and shapes), so the next file with the same
 * layout is offered the same mapping.
 */
import { createStore } from 'zustand/vanilla';
import type { RootFileInfo } from '../../../src-shared/api/root-contract';
import { MappingSchema, type RootMapping } from '../../../src-shared/root/mapping';
import { layoutKey, type TreeInfo } from '../../../src-shared/root/tree-info';

export interface RootImportState {
  /** the ROOT file waiting in the import dialog */
  file: RootFileInfo | undefined;
  offer(file: RootFileInfo): void;
  dismiss(): void;
}
export const createRootImportStore = () => createStore<RootImportState>()((set) => ({
  file: undefined,
  offer: (file) => set({ file }),
  dismiss: () => set({ file: undefined }),
}));

const KEY = 'na62.rootMappings.v1';
/** saved mappings kept at most (oldest dropped) */
const MAX_SAVED = 50;

function readAll(storage: Storage): Record<string, unknown> {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** the mapping saved for this tree layout, if any (and still valid) */
export function savedMappingFor(tree: TreeInfo, storage: Storage = localStorage): RootMapping | undefined {
  const r = MappingSchema.safeParse(readAll(storage)[layoutKey(tree)]);
  return r.success && r.data.tree === tree.name ? r.data : undefined;
}

export function saveMappingFor(tree: TreeInfo, mapping: RootMapping, storage: Storage = localStorage): void {
  const all = readAll(storage);
  delete all[layoutKey(tree)];
  all[layoutKey(tree)] = mapping;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_SAVED))) delete all[k];
  storage.setItem(KEY, JSON.stringify(all));
}
