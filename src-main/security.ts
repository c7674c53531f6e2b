/**
 * Electron security baseline (the official checklist): no navigation, no new windows, no webviews,
 * no permissions, a strict CSP on every response, and IPC only from the app's own pages.
 */
import type { Session, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../src-shared/security/csp';

/** Where the app's pages come from: the built renderer folder (file:) or, in development, the dev server. */
export interface AppOrigin {
  readonly rendererDir: string;
  readonly devServerUrl?: string;
}

/** Is this URL one of the app's own pages? Compared on parsed URLs, never by string prefix of the raw URL. */
export function isAppUrl(raw: string | undefined, origin: AppOrigin): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (origin.devServerUrl) {
    try {
      if (url.origin === new URL(origin.devServerUrl).origin) return true;
    } catch {
      /* malformed dev URL: fall through */
    }
  }
  if (url.protocol !== 'file:') return false;
  const dir = pathToFileURL(origin.rendererDir.endsWith('/') ? origin.rendererDir : `${origin.rendererDir}/`);
  return decodeURIComponent(url.pathname).startsWith(decodeURIComponent(dir.pathname));
}

export function hardenWebContents(contents: WebContents): void {
  // The app is a single page: any navigation (a dropped link, a rogue script) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session, opts: { dev: boolean }): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy({ dev: opts.dev });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
