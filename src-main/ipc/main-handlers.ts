/**
 * The main process's own requests beside the engine's: native open dialogs, dropped files, saving.
 *
 * Which paths the main process opens: only one the user chose in its native dialog (the path never
 * passes through the renderer) or a dropped file. A dropped file's path does come from the renderer
 * process, so what is enforceable is this: the page's scripts cannot send openDropped at all (the
 * preload refuses the channel on its generic bridge; context isolation keeps ipcRenderer out of
 * the page), and the preload sends only what Electron's webUtils resolves from a File object, which
 * has a path only if the user dropped or picked that file (a File made by script has none). A
 * compromised renderer *process* could still send any string: against that, checkDroppedPath
 * accepts only an existing, regular, absolute `.arrow` file, and the event-file reader accepts
 * only a valid event file, so the most it can do is open an event file the user could open anyway.
 * A `.root` file is read here too (never by the renderer) and handed to the engine's ROOT import;
 * the renderer gets its trees and a handle, never its bytes or path.
 */
import type { Handlers } from '../../src-engine/dispatch';
import type { EventStore } from '../../src-engine/store/event-store';
import type { RandomAccessSource } from '../../src-engine/io/source';
import type { SelectionResult } from '../../src-shared/selection/types';
import { createSavePngHandler, createSaveTextHandler, type SaveFileDeps } from './save-file';
import { checkDroppedPath, isRootPath } from './open-file';
import type { RootFileInfo } from '../../src-shared/api/root-contract';

/** Candidate lists larger than this are not lists we wrote. */
export const MAX_CANDIDATE_LIST_BYTES = 500 * 1024 * 1024;

export interface MainHandlerDeps {
  /** the native open dialog for event files or candidate lists: the chosen path, or undefined when cancelled */
  chooseOpenPath(kind: 'events' | 'candidates'): Promise<string | undefined>;
  /** open an event file the user gave us (dialog or drop) */
  openEventSource(file: string): Promise<RandomAccessSource>;
  /** told each dataset opened from disk and its path (the session reopens only these) */
  opened?(id: string, file: string): void;
  /** read a candidate list the user chose */
  readTextFile(file: string, maxBytes: number): Promise<string>;
  readonly save: SaveFileDeps;
}

export interface EngineSide {
  readonly store: Pick<EventStore, 'add'>;
  loadCandidateText(text: string, name: string): SelectionResult;
  /** a ROOT file for the import dialog */
  openRootSource?(source: RandomAccessSource): Promise<RootFileInfo>;
}

export function createMainHandlers(engine: EngineSide, deps: MainHandlerDeps): Handlers {
  const open = async (file: string) => {
    if (isRootPath(file) && engine.openRootSource) return engine.openRootSource(await deps.openEventSource(file));
    const info = await engine.store.add(await deps.openEventSource(file));
    deps.opened?.(info.id, file);
    return info;
  };
  return {
    openDialog: async () => {
      const file = await deps.chooseOpenPath('events');
      return file ? open(file) : null;
    },
    loadCandidatesDialog: async () => {
      const file = await deps.chooseOpenPath('candidates');
      return file ? engine.loadCandidateText(await deps.readTextFile(file, MAX_CANDIDATE_LIST_BYTES), file) : null;
    },
    openDropped: async ({ path }) => open(await checkDroppedPath(path)),
    savePng: createSavePngHandler(deps.save),
    saveText: createSaveTextHandler(deps.save),
  };
}
