/**
 * window.__na62export: the export functions for the command line (`na62 render` drives the built
 * app in Chromium) and the end-to-end tests. The same code as the dialog, no second renderer.
 */
import type { Na62Api } from '../../../src-shared/api/contract';
import type { AppActions } from '../state/AppProvider';
import { unblindPhrase } from '../../../src-shared/selection/blinding';
import { ALL_CAPTION, defaultSpec, type PictureSpec } from '../../../src-shared/picture/picture-spec';
import { defaultMovieSpec } from '../../../src-shared/picture/movie-spec';
import type { ExportHooks } from '../../../src-shared/picture/page-hooks';
import type { ExportedFile } from './exporter';
import type { LiveView } from '../views/live-view';
import type { AppStores } from '../state/app-stores';

// the export code loads on first use: the first frame does not need it (bench/startup.bench.mjs)
const exporter = () => import('./exporter');

export type { ExportHooks };


const b64 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

const full = (stores: AppStores, p: Partial<PictureSpec>): PictureSpec => {
  const v = stores.view.getState();
  return { ...defaultSpec(v.mode === 'beam' ? { view: 'beam', station: v.beamStation } : { view: v.mode }), ...p };
};

/** `liveOf`: the view pictures are taken of (the active view when the hook is called). */
export function installExportHooks(api: Na62Api, stores: AppStores, liveOf: () => LiveView, actions: AppActions): void {
  const pack = (f: ExportedFile) => ({ name: f.name, base64: b64(f.data), width: f.width, height: f.height });
  window.__na62export = {
    picture: async (spec, format, maxTile) => pack(await (await exporter()).exportPicture(liveOf(), stores, full(stores, spec), format, maxTile ? { maxTile } : {})),
    scene: async () => pack(await (await exporter()).exportScene(liveOf(), stores)),
    batch: async (spec, format, events, allViews) => {
      const r = await (await exporter()).runBatch({
        live: liveOf(), stores, showEvent: actions.showEvent, spec: full(stores, spec), format, events, allViews,
        write: async (f) => { if (window.__na62WriteFile) await window.__na62WriteFile(f.name, b64(f.data)); },
      });
      return { written: r.written, skipped: r.skipped };
    },
    movie: async (spec, index) => {
      const ex = await exporter();
      if (index !== undefined && !(await ex.showAndWait(liveOf(), stores, actions.showEvent, index))) throw new Error(`event ${index}: ${stores.data.getState().error ?? 'not available'}`);
      const t0 = performance.now();
      const m = await (await import('./movie/export-movie')).exportMovie(liveOf(), stores, { ...defaultMovieSpec(spec.kind ?? 'turntable', ALL_CAPTION), ...spec });
      return { ...pack(m), frames: m.frames, codec: m.codec, seconds: (performance.now() - t0) / 1000 };
    },
    textLayout: async (spec) => (await exporter()).pictureText(liveOf(), stores, full(stores, spec)),
    find: async (rbe) => {
      const ds = stores.data.getState().current;
      if (!ds) return rbe.map(() => null);
      return Promise.all(rbe.map(([r, b, e]) => api.findEvent(ds, r, b, e).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }))));
    },
    unblind: async (presets, stage) => {
      const ds = stores.data.getState().current;
      if (!ds) return 'no dataset open';
      try {
        const state = await api.blinding(ds, true);
        if (!state.applies) return state.why;
        for (const preset of presets) {
          for (const step of stage === 'sr' ? (['cr', 'sr'] as const) : (['cr'] as const)) {
            const now = (await api.blinding(ds, true)).stages[preset];
            if (now === step || now === 'sr') continue;
            await api.setBlinding({ dataset: ds, preset, stage: step, confirm: unblindPhrase(preset, step === 'cr' ? 'CR' : 'SR', state.identity!) });
          }
        }
        await actions.refreshBlinding(true);
        return undefined;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
  };
}
