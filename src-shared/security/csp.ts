/**
 * The Content-Security-Policy of the renderer, one definition for the built HTML (meta tag),
 * the Electron session (response header) and the tests that check both.
 * Built app: scripts, styles, workers only from the app itself; no eval, no inline script,
 * no remote anything. The dev server needs inline scripts and a websocket for hot reload.
 */
export function contentSecurityPolicy(opts: { dev: boolean } = { dev: false }): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': opts.dev ? "'self' 'unsafe-inline'" : "'self'",
    'style-src': opts.dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'connect-src': opts.dev ? "'self' ws: http://localhost:*" : "'self'",
    'worker-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  };
  return Object.entries(directives).map(([k, v]) => `${k} ${v}`).join('; ');
}
