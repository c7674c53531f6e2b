/**
 * The typed API between the UI and the engine. One contract, two transports:
 * Electron IPC through the preload bridge, and a Web Worker in the browser build.
 */
import type { DetectorDescription } from '../geometry/types';
import type { CommandId } from '../commands';
import type { FileMeta } from '../event/file-meta';
import type { Na62Event } from '../event/model';
import type { EventAnalysis } from '../event/analysis';
import type { GeneratorConfigInput } from '../event/generator-config';
import type { SelectionConfigInput, SelectionResult, PresetId } from '../selection/types';
import type { SessionReport, StoredSession } from '../session/session-state';
import type { BlindingState, BlindStage } from '../selection/blinding';
import type { ExportApi, ExportRequests } from './export-contract';
import type { ViewFile } from '../view/view-file';
import type { OpenedFile, RootApi, RootRequests } from './root-contract';

export type Transport = 'electron' | 'web-worker';

export interface AppInfo {
  readonly apiVersion: number;
  readonly appVersion: string;
  readonly geometryVersion: string;
  /** where the engine runs */
  readonly engineHost: 'electron-main' | 'web-worker' | 'node';
}

export interface SavePngRequest {
  /** file name proposed to the user, e.g. na62-side-2x.png (a name, never a path) */
  readonly suggestedName: string;
  readonly data: Uint8Array;
}

export type SaveResult =
  | { readonly saved: true; readonly path: string; readonly bytes: number }
  | { readonly saved: false; readonly reason: 'cancelled' };

/** An open event file. */
export interface DatasetInfo {
  /** engine-assigned handle, valid while the dataset is open */
  readonly id: string;
  /** file name (no folders) for display */
  readonly name: string;
  readonly numEvents: number;
  readonly meta: FileMeta;
  /** what the reader accepted but the user should know (a file without per-event checksums) */
  readonly warnings?: readonly string[];
}

export interface TaskProgress {
  readonly taskId: string;
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export interface GenerateRequest {
  /** chosen by the UI so it can cancel and follow progress */
  readonly taskId: string;
  readonly config: GeneratorConfigInput;
  /** file name for the new dataset */
  readonly name?: string;
  /** mark the file as mock data (simulation standing in for data): blind like data */
  readonly mockData?: boolean;
}

/** What the UI needs to show and edit a preset. */
export interface PresetDescription {
  readonly id: PresetId;
  readonly label: string;
  readonly mode: 'dump' | 'kaon';
  readonly params: readonly { name: string; value: number | string; unit: string; description: string; source: string; options?: readonly string[] }[];
  readonly cuts: readonly { id: string; label: string; source: string; params: readonly string[] }[];
  readonly regions: readonly { id: string; label: string; source: string; blinded: boolean }[];
  readonly keyVariables: readonly string[];
}

export interface SelectionCatalogue {
  readonly presets: readonly PresetDescription[];
  /** variable name → [unit, meaning] */
  readonly variables: Readonly<Record<string, readonly [string, string]>>;
}

export interface RunSelectionRequest {
  readonly taskId: string;
  readonly dataset: string;
  readonly selection: SelectionConfigInput;
}

export interface SetBlindingRequest {
  readonly dataset: string;
  readonly preset: PresetId;
  readonly stage: BlindStage;
  /** the phrase unblindPhrase(preset, region, identity) when a region opens */
  readonly confirm?: string;
}

export interface SaveTextRequest {
  readonly suggestedName: string;
  readonly text: string;
}

/** The saved session at start, and the dataset it names if that is open now. */
export interface SessionRestore {
  readonly session: StoredSession | null;
  /** the session's dataset, open now (reopened by the host where it had opened it itself) */
  readonly dataset: DatasetInfo | null;
  /** why the session could not be restored in full, for the status bar; null when it could */
  readonly problem: string | null;
}

/** The view the app was started with (desktop: a .na62view file or --event/--view; browser: the URL's #view=), once. */
export interface StartupView {
  readonly view: ViewFile | null;
  /** where it came from, for messages: a file name, "the command line" or "the link" */
  readonly source: string | null;
  /** what could not be read or understood; null when all was */
  readonly problem: string | null;
}

/** An event as the display gets it: the event and the engine's analysis of it (vertex, association, CDA_TAX). */
export interface ShownEvent {
  readonly event: Na62Event;
  readonly analysis: EventAnalysis;
}

/**
 * A file's tracks in brief, over the events the user may see now (a blinded event counts for
 * nothing): the first event with tracks (where the display opens) and the top track momentum
 * (MeV/c; the file-wide colour scale). null when no visible event has tracks.
 */
export interface TrackSummary {
  readonly firstWithTracks: number | null;
  readonly pMax: number | null;
}

/** What a request on each channel takes and returns. */
export interface ApiRequests extends ExportRequests, RootRequests {
  info: { req: void; res: AppInfo };
  detector: { req: void; res: DetectorDescription };
  savePng: { req: SavePngRequest; res: SaveResult };
  datasets: { req: void; res: DatasetInfo[] };
  event: { req: { dataset: string; index: number }; res: ShownEvent };
  findEvent: { req: { dataset: string; run: number; burst: number; event: number }; res: number | null };
  trackSummary: { req: { dataset: string }; res: TrackSummary };
  generate: { req: GenerateRequest; res: DatasetInfo };
  cancel: { req: { taskId: string }; res: { cancelled: boolean } };
  openDemo: { req: void; res: DatasetInfo[] };
  closeDataset: { req: { dataset: string }; res: { closed: boolean } };
  /** an event file opens as a dataset; a ROOT file (Electron) is read by the main process and goes to the import dialog */
  openDialog: { req: void; res: OpenedFile | null };
  openDropped: { req: { path: string }; res: OpenedFile };
  openBlob: { req: { file: Blob; name: string }; res: DatasetInfo };
  selectionCatalogue: { req: void; res: SelectionCatalogue };
  runSelection: { req: RunSelectionRequest; res: SelectionResult };
  checkExpression: { req: { text: string }; res: { error: string | null } };
  /** a dataset's blinding; `identify` also computes its content identity (hashes the whole file once) */
  blinding: { req: { dataset: string; identify?: boolean }; res: BlindingState };
  /** move one analysis of one dataset to a stage; opening a region needs the typed phrase (unblindPhrase) */
  setBlinding: { req: SetBlindingRequest; res: BlindingState };
  /** the last selection result of a dataset as CSV or JSON (blinded as the engine is) */
  exportSelection: { req: { dataset: string; format: 'csv' | 'json' }; res: { name: string; text: string } };
  /** a text file the user saves (candidate lists): native dialog in Electron, a download in the browser */
  saveText: { req: SaveTextRequest; res: SaveResult };
  /** Electron: reload a saved candidate list (JSON or CSV) chosen in the native dialog; null if cancelled */
  loadCandidatesDialog: { req: void; res: SelectionResult | null };
  /** browser build: reload a candidate list the user picked */
  loadCandidatesBlob: { req: { file: Blob; name: string }; res: SelectionResult };
  /** where the user is (saved on every change; Electron: atomically by the main process) */
  saveSession: { req: SessionReport; res: { saved: boolean } };
  /** the last saved session, its dataset reopened where the host can */
  loadSession: { req: void; res: SessionRestore };
  /** the view asked for at start (a view file, --event/--view, the URL hash), handed out once */
  startupView: { req: void; res: StartupView };
  /** plain text onto the clipboard (a link to the view) */
  copyText: { req: { text: string }; res: { copied: true } };
}

/** Errors cross the process boundary as data, never as thrown exceptions with stack traces. */
export interface ApiErrorData {
  readonly code: 'bad-request' | 'unknown-channel' | 'version-mismatch' | 'io' | 'internal' | 'blinded';
  readonly message: string;
}

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };

export class ApiError extends Error {
  readonly code: ApiErrorData['code'];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
  }
}

export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new ApiError(env.error);
}

/** The surface the renderer sees, whatever the transport. */
export interface Na62Api extends ExportApi, RootApi {
  readonly transport: Transport;
  readonly apiVersion: number;
  getInfo(): Promise<AppInfo>;
  getDetector(): Promise<DetectorDescription>;
  savePng(req: SavePngRequest): Promise<SaveResult>;
  /** save a text file the renderer made (SVG, CSV, JSON): native dialog in Electron, a download in the browser */
  saveText(req: SaveTextRequest): Promise<SaveResult>;
  listDatasets(): Promise<DatasetInfo[]>;
  getEvent(dataset: string, index: number): Promise<ShownEvent>;
  /** index of the event run:burst:event in the dataset, or null */
  findEvent(dataset: string, run: number, burst: number, event: number): Promise<number | null>;
  /** the first visible event with tracks and the top track momentum of the visible events */
  trackSummary(dataset: string): Promise<TrackSummary>;
  /** run the fast MC; progress arrives through onProgress with the same taskId */
  generate(req: GenerateRequest): Promise<DatasetInfo>;
  cancel(taskId: string): Promise<boolean>;
  openDemo(): Promise<DatasetInfo[]>;
  closeDataset(dataset: string): Promise<boolean>;
  /** ask the user for a file (native dialog in Electron, a file picker in the browser); null if cancelled */
  openFileDialog(): Promise<OpenedFile | null>;
  /** open a file dropped on the window (an event file, or a ROOT file for the import dialog) */
  openDroppedFile(file: File): Promise<OpenedFile>;
  onProgress(listener: (p: TaskProgress) => void): () => void;
  selectionCatalogue(): Promise<SelectionCatalogue>;
  runSelection(req: RunSelectionRequest): Promise<SelectionResult>;
  checkExpression(text: string): Promise<string | null>;
  blinding(dataset: string, identify?: boolean): Promise<BlindingState>;
  setBlinding(req: SetBlindingRequest): Promise<BlindingState>;
  exportSelection(dataset: string, format: 'csv' | 'json'): Promise<SaveResult>;
  /** reload a saved candidate list (blinded as the engine is); null if the user cancelled */
  loadCandidateList(): Promise<SelectionResult | null>;
  saveSession(report: SessionReport): Promise<void>;
  loadSession(): Promise<SessionRestore>;
  /** the view asked for at start; null view when none was */
  startupView(): Promise<StartupView>;
  copyText(text: string): Promise<void>;
  /** menu commands from the native menu (Electron only; a no-op subscription in the browser) */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
}
