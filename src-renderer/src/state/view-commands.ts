/**
 * The share-a-view commands of one window: save the view as a .na62view file, open one (file
 * picker or drop), copy a link, and take the view the app was started with (desktop: a view file or
 * --event/--view on the command line; browser: the URL's #view=). Messages go to the status bar.
 */
import type { Na62Api } from '../../../src-shared/api/contract';
import { MAX_VIEW_BYTES, parseViewFile, viewFileName, viewFileText, viewFromHash, viewHash, VIEW_FILE_EXTENSION, type ViewFile } from '../../../src-shared/view/view-file';
import { applyView, captureView } from './view-link';
import type { AppActions } from './AppProvider';
import type { AppStores } from './app-stores';

/** Where the browser build is served by `npm run web` (scripts/serve-web.mjs): the desktop app's links point there. */
export const WEB_BUILD_URL = 'http://127.0.0.1:5173/';

export const isViewFileName = (name: string): boolean => name.toLowerCase().endsWith(`.${VIEW_FILE_EXTENSION}`);

export function createViewCommands(api: Na62Api, stores: AppStores, actions: AppActions, say: (message: string) => void) {
  const fail = (what: string, e: unknown) => say(`${what}: ${e instanceof Error ? e.message : String(e)}`);

  async function open(view: ViewFile, source: string): Promise<void> {
    const problem = await applyView(view, source, api, stores, actions);
    say(problem ?? `Opened the view of ${source}`);
  }

  return {
    async saveView(): Promise<void> {
      try {
        const got = await captureView(api, stores);
        if ('problem' in got) { say(`Nothing to save: ${got.problem}`); return; }
        const res = await api.saveText({ suggestedName: viewFileName(got.view.event), text: viewFileText(got.view) });
        say(res.saved ? `Saved this view to ${res.path}` : 'Save cancelled');
      } catch (e) { fail('Could not save the view', e); }
    },

    async copyViewLink(): Promise<void> {
      try {
        const got = await captureView(api, stores);
        if ('problem' in got) { say(`No link to copy: ${got.problem}`); return; }
        const base = api.transport === 'web-worker' ? `${window.location.origin}${window.location.pathname}` : WEB_BUILD_URL;
        const link = `${base}${viewHash(got.view)}`;
        await api.copyText(link);
        say(api.transport === 'web-worker' ? 'Copied a link to this view' : `Copied a link to this view for the browser build (${WEB_BUILD_URL}, \`npm run web\`)`);
      } catch (e) { fail('Could not copy the link', e); }
    },

    /** A .na62view file the user picked or dropped: read here (a few KB of text), checked, applied. */
    async openViewFile(file: File): Promise<void> {
      try {
        if (file.size > MAX_VIEW_BYTES) { say(`${file.name}: larger than ${MAX_VIEW_BYTES / 1024} KiB, not a saved view`); return; }
        const parsed = parseViewFile(await file.text(), file.name);
        if ('problem' in parsed) { say(parsed.problem); return; }
        await open(parsed.view, file.name);
      } catch (e) { fail(`Could not open ${file.name}`, e); }
    },

    /** The file picker for a saved view (the same in both builds: the file is only read as text). */
    pickViewFile(): Promise<File | undefined> {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = `.${VIEW_FILE_EXTENSION},application/json`;
        input.style.display = 'none';
        input.dataset['testid'] = 'view-file-input';
        input.addEventListener('change', () => { resolve(input.files?.[0] ?? undefined); input.remove(); });
        input.addEventListener('cancel', () => { resolve(undefined); input.remove(); });
        document.body.appendChild(input);
        input.click();
      });
    },

    /** The view the app was started with, once, after the session is restored (it wins over the session). */
    async applyStartupView(): Promise<void> {
      try {
        const start = await api.startupView();
        if (start.problem) say(`${start.source ?? 'Start-up view'}: ${start.problem}`);
        if (start.view) await open(start.view, start.source ?? 'the start-up view');
      } catch (e) { fail('Could not open the start-up view', e); }
    },

    /** Browser build: a link pasted into the same tab changes only the hash; follow it. */
    followViewLinks(): () => void {
      if (api.transport !== 'web-worker') return () => {};
      const onHash = () => {
        const got = viewFromHash(window.location.hash);
        if (!got) return;
        if ('problem' in got) say(got.problem);
        else void open(got.view, 'the link');
      };
      window.addEventListener('hashchange', onHash);
      return () => window.removeEventListener('hashchange', onHash);
    },
  };
}
export type ViewCommands = ReturnType<typeof createViewCommands>;
