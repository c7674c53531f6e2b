/**
 * Share a view: capture where the user is (dataset identity, event, view, drawing) as a view file or
 * link, and bring a window to a saved view. Opening goes through the engine like any step: an event
 * a blind analysis masks is refused there, whatever the file says, and nothing else is shown in its
 * place. The file never carries event data or a path.
 */
import type { Na62Api, DatasetInfo } from '../../../src-shared/api/contract';
import { VIEW_FORMAT, VIEW_VERSION, type ViewFile } from '../../../src-shared/view/view-file';
import type { ColourBy } from '../display/types';
import type { AppActions } from './AppProvider';
import type { AppStores } from './app-stores';

/** Two frames: the panels the view opened have laid it out (a timer where there are no frames, as in a test). */
const twoFrames = () => new Promise<void>((r) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(() => r()));
  else setTimeout(r, 0);
});

type Actions = Pick<AppActions, 'showEvent' | 'findEvent' | 'selectDataset'>;

/** The view the window shows now; a problem (in words) when there is nothing to share. */
export async function captureView(api: Na62Api, stores: AppStores, now = new Date()): Promise<{ view: ViewFile } | { problem: string }> {
  const d = stores.data.getState();
  const ds = d.datasets.find((x) => x.id === d.current);
  if (!ds) return { problem: 'no dataset is open' };
  // no event on screen (a blinded one is refused, not shown): there is no view of it to share
  if (!d.event) return { problem: 'no event is shown' };
  const identity = (await api.blinding(ds.id, true).catch(() => undefined))?.identity ?? undefined;
  const v = stores.view.getState();
  const e = stores.eventDisplay.getState();
  const h = d.event.header;
  return {
    view: {
      format: VIEW_FORMAT,
      version: VIEW_VERSION,
      savedAt: now.toISOString(),
      dataset: { name: ds.name, numEvents: ds.numEvents, ...(identity ? { identity } : {}) },
      event: { run: h.run, burst: h.burst, event: h.event },
      view: { mode: v.mode, compression: v.compression, shown: v.shown, labels: v.labels, theme: v.theme, beamStation: v.beamStation, ...(v.camera ? { camera: v.camera } : {}) },
      drawing: { colourBy: e.colourBy, hidden: e.hidden as Record<string, boolean>, pMin: e.pMin, tWindow: e.tWindow, showTruth: d.showTruth },
    },
  };
}

/** The open dataset a view names: by content identity where the view has one, else by name. */
async function findDataset(api: Na62Api, want: NonNullable<ViewFile['dataset']>, open: readonly DatasetInfo[]): Promise<DatasetInfo | undefined> {
  if (!want.identity) return open.find((d) => d.name === want.name);
  // same name first, then files of the same length: hashing a file costs one read of it
  const order = [...open].sort((a, b) => Number(b.name === want.name) - Number(a.name === want.name) || Number(b.numEvents === want.numEvents) - Number(a.numEvents === want.numEvents));
  for (const d of order) {
    if (want.numEvents !== undefined && d.numEvents !== want.numEvents) continue;
    const identity = (await api.blinding(d.id, true).catch(() => undefined))?.identity;
    if (identity === want.identity) return d;
  }
  return undefined;
}

/**
 * Bring the window to a saved view. Returns what could not be done, in words (undefined when all
 * was): the dataset not open, the event absent or refused by the engine.
 */
export async function applyView(view: ViewFile, source: string, api: Na62Api, stores: AppStores, actions: Actions): Promise<string | undefined> {
  const data = stores.data.getState();
  let ds = data.datasets.find((x) => x.id === data.current);
  if (view.dataset) {
    const found = await findDataset(api, view.dataset, data.datasets);
    if (!found) return `${source} shows ${view.dataset.name}${view.dataset.identity ? ` (identity ${view.dataset.identity.slice(7, 19)})` : ''}, which is not open: open that file, then the view again`;
    ds = found;
  }
  if (!ds) return `${source}: no dataset is open to show it on`;
  if (ds.id !== data.current) await actions.selectDataset(ds.id);

  // how it is drawn, then which event, then the camera (last, so no fit overrides it)
  const { camera, ...settings } = view.view ?? {};
  if (Object.keys(settings).length) stores.view.setState(settings);
  const drawing = view.drawing;
  if (drawing) {
    const { showTruth, colourBy, ...rest } = drawing;
    stores.eventDisplay.setState({ ...rest, ...(colourBy ? { colourBy: colourBy as ColourBy } : {}) });
    if (showTruth !== undefined) stores.data.setState({ showTruth });
  }
  let problem: string | undefined;
  if (view.event) {
    const { run, burst, event } = view.event;
    try {
      const index = await actions.findEvent(ds.id, run, burst, event);
      if (index === null) problem = `${source}: no event ${run}:${burst}:${event} in ${ds.name}`;
      else {
        await actions.showEvent(index);
        const err = stores.data.getState().error;
        if (err) problem = `${source}: ${err}`;
      }
    } catch (e) {
      problem = `${source}: event ${run}:${burst}:${event}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (camera) {
    await twoFrames();
    stores.view.setState({ pendingCamera: camera, refitOnResize: false });
  }
  stores.view.getState().requestFit();
  return problem;
}
