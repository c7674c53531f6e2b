/** How the event is drawn: colour mode, collections on/off, simple cuts; and the picked object's properties. */
import { COLLECTION_LABELS, COLLECTIONS, COLOUR_MODES, useEventDisplayStore, type ColourBy } from '../state/event-display-store';
import { useDataStore } from '../state/data-store';
import { HYPOTHESIS_LABELS } from '../event/event-geometry';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Properties of the object the user clicked. */
function PickedObject() {
  const picked = useEventDisplayStore((s) => s.picked);
  const event = useDataStore((s) => s.event);
  const analysis = useDataStore((s) => s.analysis);
  if (!picked || !event) return <div className="muted small">Click a track, cluster or hit in the view for its properties.</div>;
  let rows: [string, string][] = [];
  let title = '';
  if (picked.kind === 'track') {
    const t = event.tracks[picked.index], a = analysis?.tracks[picked.index];
    if (!t) return null;
    title = `STRAW track ${picked.index + 1}`;
    rows = [
      ['momentum', `${f(Math.hypot(t.px, t.py, t.pz) / 1000)} GeV/c`], ['charge', t.charge > 0 ? '+1' : '−1'], ['time', `${f(t.time)} ns`],
      ['χ²', f(t.chi2, 1)], ['chambers', String(t.nChambers)], ['dx/dz, dy/dz', `${f(t.px / t.pz * 1000)}, ${f(t.py / t.pz * 1000)} mrad`],
      ['E/p (LKr)', a ? f(a.eop) : '—'], ['MUV3 hits in time', a ? String(a.nmuv3) : '—'], ['in acceptance', a ? (a.inAcceptance ? 'NewCHOD, LKr, MUV3' : 'no') : '—'],
      ['hypothesis', a ? HYPOTHESIS_LABELS[a.hypothesis] : '—'], ['in vertex', a?.inVertex ? 'yes' : 'no'],
    ];
  } else if (picked.kind === 'lkr') {
    const c = event.lkrClusters[picked.index];
    if (!c) return null;
    title = `LKr cluster ${picked.index + 1}`;
    rows = [['energy', `${f(c.energy / 1000)} GeV`], ['x, y', `${f(c.x, 0)}, ${f(c.y, 0)} mm`], ['time', `${f(c.time)} ns`]];
  } else if (picked.kind === 'muv3') {
    const h = event.muv3Hits[picked.index];
    if (!h) return null;
    title = `MUV3 tile ${h.tile}`;
    rows = [['time', `${f(h.time)} ns`]];
  } else {
    const h = event.newchodHits[picked.index];
    if (!h) return null;
    title = `NewCHOD hit ${picked.index + 1}`;
    rows = [['x, y', `${f(h.x, 0)}, ${f(h.y, 0)} mm`], ['time', `${f(h.time)} ns`]];
  }
  return (
    <div className="picked" data-testid="picked-object">
      <b>{title}</b>
      <table className="objects"><tbody>{rows.map(([k, v]) => <tr key={k}><td>{k}</td><td>{v}</td></tr>)}</tbody></table>
    </div>
  );
}

export function EventDisplayPanel() {
  const s = useEventDisplayStore();
  const event = useDataStore((d) => d.event);
  if (!event) return null;
  return (
    <section className="event-display-panel" aria-label="Event display">
      <h2>Event display</h2>
      <label className="param">colour tracks by
        <select value={s.colourBy} onChange={(e) => useEventDisplayStore.setState({ colourBy: e.target.value as ColourBy })} data-testid="colour-by">
          {COLOUR_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <details>
        <summary>collections and cuts</summary>
        <div className="collections">
          {COLLECTIONS.map((c) => (
            <label key={c} className="check small"><input type="checkbox" checked={!s.hidden[c]} onChange={(e) => useEventDisplayStore.setState({ hidden: { ...s.hidden, [c]: !e.target.checked } })} data-testid={`show-${c}`} /> {COLLECTION_LABELS[c]}</label>
          ))}
        </div>
        <label className="param">hide tracks below <input type="number" min={0} step={1} value={s.pMin / 1000} onChange={(e) => useEventDisplayStore.setState({ pMin: Math.max(0, Number(e.target.value) || 0) * 1000 })} data-testid="p-min" /> GeV/c</label>
        <label className="param">hits in |t| &lt; <input type="number" min={0} step={1} value={s.tWindow} onChange={(e) => useEventDisplayStore.setState({ tWindow: Math.max(0, Number(e.target.value) || 0) })} data-testid="t-window" /> ns (0: all)</label>
        <label className="param">track width <input type="number" min={1} max={12} step={0.5} value={s.trackWidth} onChange={(e) => useEventDisplayStore.setState({ trackWidth: Math.min(12, Math.max(1, Number(e.target.value) || 3)) })} /> px</label>
      </details>
      <PickedObject />
    </section>
  );
}
