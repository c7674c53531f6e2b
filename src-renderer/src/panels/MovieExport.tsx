/**
 * The export dialog's "Movie" part: a turntable of the 3D view or the event's build-up, as WebM
 * (VP9) or MP4 (H.264), with progress and Cancel, saved through the same API as pictures
 * (a download in the browser build, the save dialog in Electron).
 */
import { useEffect, useRef, useState } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { CaptionParts, PictureTheme } from '../../../src-shared/picture/picture-spec';
import { checkMovieSpec, MOVIE_LIMITS, MOVIE_SIZES, type MovieFormat, type MovieKind, type MovieSpec, type MovieView } from '../../../src-shared/picture/movie-spec';
import { useLiveView, useStores } from '../state/AppProvider';
import { intoSight } from './into-sight';

const KINDS: [string, MovieKind, MovieView, string][] = [
  ['turntable', 'turntable', '3d', 'turntable: the 3D view orbiting the event'],
  ['buildup', 'buildup', '3d', 'build-up in 3D: tracks grow from the vertex, hits light up'],
  ['buildup-side', 'buildup', 'side', 'build-up in the side view (z–y)'],
];

export function MovieExport({ api, theme, caption, busy, setBusy }: { api: Na62Api; theme: PictureTheme; caption: CaptionParts; busy: boolean; setBusy: (b: boolean) => void }) {
  const stores = useStores();
  const live = useLiveView();
  const [kind, setKind] = useState('turntable');
  const [format, setFormat] = useState<MovieFormat>('webm');
  const [size, setSize] = useState(0);
  const [fps, setFps] = useState('30');
  const [duration, setDuration] = useState('6');
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const abort = useRef<AbortController | undefined>(undefined);
  const preview = useRef<HTMLCanvasElement>(null);
  const player = useRef<{ stop(): void } | undefined>(undefined);
  const [playing, setPlaying] = useState(false);
  const [previewFrame, setPreviewFrame] = useState<string>();
  // the preview stops when a setting changes or the dialog closes
  useEffect(() => () => { player.current?.stop(); }, []);
  useEffect(() => { player.current?.stop(); }, [kind, fps, duration, theme, caption]);

  const specOf = (): MovieSpec | undefined => {
    const [, k, view] = KINDS.find(([id]) => id === kind)!;
    const sz = MOVIE_SIZES[size]!;
    const spec: MovieSpec = { kind: k, view, format, width: sz.width, height: sz.height, fps: Number(fps), duration: Number(duration), theme, caption, legend: true };
    const p = checkMovieSpec(spec);
    setProblem(p); setMessage(undefined);
    return p ? undefined : spec;
  };

  /** Play the movie's own frames (at 640 × 360) in the dialog, looping, as fast as the renderer allows up to the frame rate. */
  const togglePreview = () => {
    if (player.current) { player.current.stop(); return; }
    const spec = specOf();
    if (!spec) return;
    void (async () => {
      try {
        const [{ movieFrames }, { exportEnv }] = await Promise.all([import('../export/movie/render-movie'), import('../export/exporter')]);
        const frames = movieFrames({ ...spec, width: 640, height: 360 }, exportEnv(live, stores));
        let i = 0, timer: ReturnType<typeof setTimeout> | undefined, stopped = false;
        const stop = () => { stopped = true; if (timer) clearTimeout(timer); frames.dispose(); player.current = undefined; setPlaying(false); };
        player.current = { stop };
        setPlaying(true);
        const step = () => {
          if (stopped) return;
          const t0 = performance.now();
          try {
            frames.draw(i);
            preview.current?.getContext('2d')?.drawImage(frames.canvas, 0, 0, 640, 360);
            setPreviewFrame(`${i + 1} / ${frames.count}`);
          } catch (e) { setProblem(e instanceof Error ? e.message : String(e)); stop(); return; }
          i = (i + 1) % frames.count;
          timer = setTimeout(step, Math.max(0, 1000 / spec.fps - (performance.now() - t0)));
        };
        step();
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      }
    })();
  };

  const make = () => {
    player.current?.stop();
    const spec = specOf();
    if (!spec) return;
    abort.current = new AbortController();
    setBusy(true);
    setProgress({ done: 0, total: 1 });
    void (async () => {
      try {
        const { exportMovie } = await import('../export/movie/export-movie');
        const { MovieCancelled } = await import('../export/movie/render-movie');
        try {
          const t0 = performance.now();
          const m = await exportMovie(live, stores, spec, { signal: abort.current!.signal, onProgress: (done, total) => setProgress({ done, total }) });
          const r = await api.saveFile({ suggestedName: m.name, data: m.data });
          const secs = ((performance.now() - t0) / 1000).toFixed(0);
          setMessage(r.saved ? `Saved ${r.path} (${m.width} × ${m.height}, ${m.frames} frames, ${m.codec}, ${(m.data.byteLength / 1e6).toFixed(1)} MB, made in ${secs} s)` : 'Save cancelled');
        } catch (e) {
          if (e instanceof MovieCancelled) setMessage('Movie cancelled'); else throw e;
        }
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false); setProgress(undefined);
      }
    })();
  };

  return (
    <fieldset className="checks movie" data-testid="movie-export"><legend>movie</legend>
      <label>kind<select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="movie-kind">{KINDS.map(([id, , , label]) => <option key={id} value={id}>{label}</option>)}</select></label>
      <label>format<select value={format} onChange={(e) => setFormat(e.target.value as MovieFormat)} data-testid="movie-format">
        <option value="webm">WebM (VP9)</option><option value="mp4">MP4 (H.264)</option></select></label>
      <label>size<select value={size} onChange={(e) => setSize(Number(e.target.value))} data-testid="movie-size">{MOVIE_SIZES.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}</select></label>
      <label>fps<input value={fps} onChange={(e) => setFps(e.target.value.replace(/\D/g, ''))} size={3} data-testid="movie-fps" title={`${MOVIE_LIMITS.minFps}–${MOVIE_LIMITS.maxFps} frames per second`} /></label>
      <label>seconds<input value={duration} onChange={(e) => setDuration(e.target.value)} size={4} data-testid="movie-duration" /></label>
      <button type="button" onClick={togglePreview} disabled={busy} data-testid="movie-preview" title="Play the movie's frames here (640 × 360), looping">{playing ? 'Pause preview' : 'Play preview'}</button>
      <button type="button" onClick={make} disabled={busy} data-testid="movie-save" title="The caption and theme are the picture's; the passive detector is drawn translucent so the event reads through it">Export movie</button>
      <div className="movie-preview" hidden={!previewFrame}>
        <canvas ref={preview} width={640} height={360} style={{ width: 320, height: 180 }} data-testid="movie-preview-canvas" />
        <span className="muted" data-testid="movie-preview-frame">{previewFrame && `frame ${previewFrame}`}</span>
      </div>
      {progress && (
        <div className="batch-progress" data-testid="movie-progress">
          <button type="button" onClick={() => abort.current?.abort()} data-testid="movie-cancel">Cancel</button>
          <progress max={progress.total} value={progress.done} /> <span>frame {progress.done} / {progress.total}</span>
        </div>
      )}
      {problem && <div key={problem} ref={intoSight} className="error-box" role="alert" data-testid="movie-problem">{problem}</div>}
      {message && <div className="muted" role="status" data-testid="movie-message">{message}</div>}
    </fieldset>
  );
}
