/**
 * Live preview in the export dialog: the picture being set up, re-rendered (debounced) whenever an
 * option, the event or the view changes; a change cancels the preview under way. It is rendered in
 * slices like the export itself, so typing in the dialog never waits for it.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PictureSpec } from '../../../src-shared/picture/picture-spec';
import { useLiveView, useStores } from '../state/AppProvider';

/** ms of quiet after the last change before the preview is redrawn */
const DEBOUNCE_MS = 350;

export function ExportPreview({ spec, paused }: { spec: PictureSpec | undefined; paused: boolean }) {
  const stores = useStores();
  const live = useLiveView();
  const event = useStore(stores.data, (s) => s.event);
  const view = useStore(stores.view, (s) => s);
  /** the preview shown and the spec it was drawn from */
  const [shown, setShown] = useState<{ url: string; key: string }>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const urlRef = useRef<string | undefined>(undefined);
  const key = spec ? JSON.stringify(spec) : '';

  useEffect(() => {
    if (!spec || paused) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setProgress(0);
      void import('../export/preview')
        .then(({ renderPreview }) => renderPreview(live, stores, spec, { signal: ctl.signal, onProgress: (d, t) => { if (!ctl.signal.aborted) setProgress(d / t); } }))
        .then((png) => {
          if (ctl.signal.aborted) return;
          const next = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
          if (urlRef.current) URL.revokeObjectURL(urlRef.current);
          urlRef.current = next;
          setShown({ url: next, key }); setError(undefined); setProgress(undefined);
        })
        .catch((e: unknown) => {
          if (ctl.signal.aborted) return;
          setError(e instanceof Error ? e.message : String(e)); setProgress(undefined);
        });
    }, DEBOUNCE_MS);
    return () => { clearTimeout(timer); ctl.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the spec
  }, [key, paused, event, view, live, stores]);

  useEffect(() => () => { if (urlRef.current) URL.revokeObjectURL(urlRef.current); }, []);

  return (
    <figure className="export-preview" data-testid="export-preview-box">
      {shown ? <img src={shown.url} alt="preview of the picture" data-testid="export-preview" data-spec={shown.key} /> : <div className="muted placeholder">preview…</div>}
      <figcaption className="muted">
        {progress !== undefined ? <progress max={1} value={progress} data-testid="export-preview-progress" /> : error ? <span role="alert">{error}</span> : 'preview (the picture in miniature)'}
      </figcaption>
    </figure>
  );
}
