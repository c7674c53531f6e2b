/** The slideshow's toolbar controls: play/pause (also `a` and the command palette) and the interval. */
import { useEffect } from 'react';
import { useActions, useAutoplay, useStores } from '../state/AppProvider';
import { AUTOPLAY_INTERVALS } from '../state/autoplay-store';
import { followAutoplay } from '../state/autoplay';

export function AutoplayControls() {
  const stores = useStores();
  const { showEvent } = useActions();
  const playing = useAutoplay((s) => s.playing);
  const intervalS = useAutoplay((s) => s.intervalS);
  const stopped = useAutoplay((s) => s.stopped);
  useEffect(() => followAutoplay(stores, stores.autoplay, showEvent), [stores, showEvent]);
  const a = stores.autoplay.getState();
  return (
    <span className="autoplay" role="group" aria-label="Autoplay">
      <button type="button" aria-pressed={playing} onClick={() => a.toggle()} data-testid="autoplay"
        title={`${playing ? 'Pause the slideshow' : 'Play: step through the candidates (or all events) one every interval'} (A)${!playing && stopped ? ` · stopped: ${stopped}` : ''}`}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <select value={intervalS} onChange={(e) => a.setInterval(Number(e.target.value))} aria-label="Autoplay interval" title="Seconds each event stays on show" data-testid="autoplay-interval">
        {AUTOPLAY_INTERVALS.map((s) => <option key={s} value={s}>{s} s</option>)}
      </select>
    </span>
  );
}
