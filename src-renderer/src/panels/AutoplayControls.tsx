/** The slideshow's controls beside the event stepper: play/pause (also `a` and the command palette) and the interval. */
import { useEffect } from 'react';
import { useActions, useAutoplay, useStores } from '../state/AppProvider';
import { AUTOPLAY_INTERVALS } from '../state/autoplay-store';
import { followAutoplay } from '../state/autoplay';

/** The slideshow's clock, mounted once with the app (the panel showing the controls may be closed or hidden). */
export function useAutoplayFollower(): void {
  const stores = useStores();
  const { showEvent } = useActions();
  useEffect(() => followAutoplay(stores, stores.autoplay, showEvent), [stores, showEvent]);
}

export function AutoplayControls() {
  const stores = useStores();
  const playing = useAutoplay((s) => s.playing);
  const intervalS = useAutoplay((s) => s.intervalS);
  const stopped = useAutoplay((s) => s.stopped);
  const a = stores.autoplay.getState();
  return (
    <span className="autoplay" role="group" aria-label="Autoplay">
      <button type="button" aria-pressed={playing} onClick={() => a.toggle()} data-testid="autoplay"
        title={`${playing ? 'Pause the slideshow' : 'Play: step through the candidates (or all events) one every interval'} (A)${!playing && stopped ? ` · stopped: ${stopped}` : ''}`}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <span className="muted">every</span>
      <select value={intervalS} onChange={(e) => a.setInterval(Number(e.target.value))} aria-label="Autoplay interval" title="Seconds each event stays on show" data-testid="autoplay-interval">
        {AUTOPLAY_INTERVALS.map((s) => <option key={s} value={s}>{s} s</option>)}
      </select>
    </span>
  );
}
