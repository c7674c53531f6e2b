/** How the event is drawn: colour mode, collections on/off (one row per layer of the registry), simple cuts (the picked object's card is in the info panel and the view). */
import { COLOUR_MODES, type ColourBy } from '../state/event-display-store';
import { PANEL_LAYERS } from '../display/layers/registry';
import { useData, useEventDisplay } from '../state/AppProvider';
import { PALETTE_IDS, PALETTE_LABELS, type PaletteId } from '../display/palettes';

export function EventDisplayPanel() {
  const s = useEventDisplay((s) => s);
  const event = useData((d) => d.event);
  if (!event) return null;
  return (
    <section className="event-display-panel" aria-label="Event display">
      <h2>Event display</h2>
      <label className="param">colour tracks by
        <select value={s.colourBy} onChange={(e) => s.setColourBy(e.target.value as ColourBy)} data-testid="colour-by">
          {COLOUR_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      {s.colourBy === 'momentum' && (
        <label className="param" title="The colour scale's top: the shown event's fastest track, or the fastest of the file's visible events (one scale for all events)">momentum scale over
          <select value={s.momentumRange} onChange={(e) => s.setMomentumRange(e.target.value === 'file' ? 'file' : 'event')} data-testid="momentum-range">
            <option value="event">this event</option>
            <option value="file">the file</option>
          </select>
        </label>
      )}
      <label className="param" title="Colours of the event's collections: standard, or kept apart for deuteranopia, protanopia and tritanopia too">colours
        <select value={s.palette} onChange={(e) => s.setPalette(e.target.value as PaletteId)} data-testid="palette">
          {PALETTE_IDS.map((p) => <option key={p} value={p}>{PALETTE_LABELS[p]}</option>)}
        </select>
      </label>
      <details>
        <summary>collections and cuts</summary>
        <div className="collections">
          {PANEL_LAYERS.map((l) => (
            <label key={l.id} className="check small" title={l.timeField ? 'cut by the time window below' : undefined}>
              <input type="checkbox" checked={!s.hidden[l.id]} onChange={(e) => s.setCollectionShown(l.id, e.target.checked)} data-testid={`show-${l.id}`} /> {l.label}
            </label>
          ))}
        </div>
        <div className="cuts-grid">
          <label htmlFor="p-min">hide tracks below</label>
          <input id="p-min" type="number" min={0} step={1} value={s.pMin / 1000} onChange={(e) => s.setMinMomentum(Number(e.target.value) * 1000)} data-testid="p-min" />
          <span className="muted">GeV/c</span>
          <label htmlFor="t-window" title="0: all hits">hits within |t| &lt;</label>
          <input id="t-window" type="number" min={0} step={1} value={s.tWindow} onChange={(e) => s.setTimeWindow(Number(e.target.value))} data-testid="t-window" />
          <span className="muted">ns (0: all)</span>
          <label htmlFor="track-width">track width</label>
          <input id="track-width" type="number" min={1} max={12} step={0.5} value={s.trackWidth} onChange={(e) => s.setTrackWidth(Number(e.target.value))} />
          <span className="muted">px</span>
        </div>
      </details>
    </section>
  );
}
