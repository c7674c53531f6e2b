/** The open datasets, what each file says about itself, and stepping through its events. */
import { Fragment, useRef, useState } from 'react';
import { useActions, useData, useSelection, useStores } from '../state/AppProvider';
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import { first, jump, last, step, walkList, walkPosition } from '../state/navigation';
import { selectedRegion } from '../../../src-shared/selection/candidate-columns';
import { HYPOTHESIS_LABELS } from '../display/colours';
import { EVENT_LAYERS } from '../display/layers/registry';
import { keyVariableRows } from '../event/key-variables';
import type { SourceInfo } from '../../../src-shared/event/file-meta';
import { ABSENT_NOTES, type AbsentKey } from '../../../src-shared/root/mapping';
import { AutoplayControls } from './AutoplayControls';
import { intoSight } from './into-sight';

const gev = (x: number) => (x / 1000).toFixed(2);

const num = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

/** The key variables of the event, as the selections compute them. */
/** The event's objects per collection of the layer registry, two to a row ('—' where the file has no such column). */
function objectCounts(ev: Na62Event): [string, string][][] {
  const cells = EVENT_LAYERS.flatMap((l) => (l.objects ? [[l.objects.label, l.objects.inFile && !l.objects.inFile(ev) ? '—' : String(l.count(ev))] as [string, string]] : []));
  return Array.from({ length: Math.ceil(cells.length / 2) }, (_, i) => cells.slice(2 * i, 2 * i + 2));
}

function KeyVariables({ ev, a, absent }: { ev: Na62Event; a: EventAnalysis; absent?: readonly string[] }) {
  const rows = keyVariableRows(ev, a, absent);
  return (
    <table className="objects key-vars" data-testid="key-vars">
      <tbody>{rows.map(([k, x]) => <tr key={k}><td>{k}</td><td>{x}</td></tr>)}</tbody>
    </table>
  );
}

function EventSummary({ ev }: { ev: Na62Event }) {
  const h = ev.header;
  const analysis = useData((s) => s.analysis);
  const index = useData((s) => s.index);
  const current = useData((s) => s.current);
  const result = useSelection((s) => (s.resultDataset === current ? s.result : undefined));
  const region = result ? selectedRegion(result, index) : undefined; // on the columns: no candidate objects
  // an imported file without LKr or MUV3 has no E/p or μ ID: say so rather than show 0 and π
  const absent = useData((s) => s.datasets.find((d) => d.id === s.current)?.meta.source?.absent);
  const noLkr = absent?.includes('lkrClusters') ?? false, noPid = noLkr && (absent?.includes('muv3Hits') ?? false);
  return (
    <div className="event-summary" data-testid="event-summary">
      <div className="hud-line"><b>{h.run}:{h.burst}:{h.event}</b> · {h.mode} · <span data-testid="event-process">{h.process}</span></div>
      {result && <div className="muted" data-testid="event-selection">{result.selection.preset}: {region !== undefined ? `selected${region ? ` · ${region}` : ' · outside SR/CR'}` : 'not selected'}</div>}
      {analysis && <KeyVariables ev={ev} a={analysis} {...(absent ? { absent } : {})} />}
      <div className="muted">weight {h.weight.toPrecision(3)}{h.decayProbability !== undefined && <> · P<sub>decay in FV</sub> {h.decayProbability.toPrecision(3)}</>} · t<sub>spill</sub> {num(h.timeInSpill / 1e9, 3)} s</div>
      <table className="objects">
        <tbody>
          {objectCounts(ev).map((pair) => (
            <tr key={pair[0]![0]}>{pair.map(([label, n]) => <Fragment key={label}><td>{label}</td><td>{n}</td></Fragment>)}</tr>
          ))}
        </tbody>
      </table>
      {ev.tracks.length > 0 && (
        <table className="tracks" data-testid="track-table">
          <thead><tr><th title="the track's number, as the pick card names it (STRAW track n)">#</th><th>q</th><th>p GeV/c</th><th>dx/dz mrad</th><th>dy/dz mrad</th><th>t ns</th><th>E/p</th><th title="particle hypothesis from MUV3 and E/p">hyp.</th></tr></thead>
          <tbody>
            {ev.tracks.map((t, i) => (
              <tr key={i} className={t.charge > 0 ? 'pos' : 'neg'}>
                <td className="muted">{i + 1}</td><td>{t.charge > 0 ? '+' : '−'}</td><td>{gev(Math.hypot(t.px, t.py, t.pz))}</td>
                <td>{((t.px / t.pz) * 1000).toFixed(2)}</td><td>{((t.py / t.pz) * 1000).toFixed(2)}</td><td>{num(t.time, 2)}</td>
                <td title={noLkr ? 'no LKr clusters in the source tree' : ''}>{noLkr ? '—' : num(analysis?.tracks[i]?.eop, 2)}</td>
                {noPid ? <td title="no MUV3 and no LKr in the source tree: no particle ID">—</td>
                  : <td title={analysis ? HYPOTHESIS_LABELS[analysis.tracks[i]!.hypothesis] : ''}>{analysis?.tracks[i]?.hypothesis === 'mu' ? 'μ' : analysis?.tracks[i]?.hypothesis === 'e' ? 'e' : 'π'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ev.beamKaon && <div className="muted">beam K+: {gev(Math.hypot(ev.beamKaon.px, ev.beamKaon.py, ev.beamKaon.pz))} GeV/c · KTAG {ev.beamKaon.ktagTime.toFixed(2)} ns</div>}
    </div>
  );
}

export function DataPanel() {
  const stores = useStores();
  const actions = useActions();
  const { datasets, current, index, event, loading, error, showTruth } = useData((s) => s);
  const ds = datasets.find((d) => d.id === current);
  const [jumpText, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string>();
  const jumps = useRef(0);
  const gen = ds?.meta.generator;
  // re-render when the walked list changes
  useSelection((s) => s.result); useSelection((s) => s.sort); useSelection((s) => s.walkCandidates); useSelection((s) => s.brush);
  const list = walkList(stores);
  const pos = list ? walkPosition(stores, list) : -1;
  return (
    <section className="data-panel" aria-label="Data">
      <h2>Data</h2>
      {/* a file's problem is brought into sight (panels/into-sight.ts) */}
      {error && <div key={error} ref={intoSight} className="error-box" role="alert" data-testid="data-error">{error}</div>}
      {datasets.length === 0 ? <p className="muted">No file open. Open one (Ctrl+O), drop one here, or generate (Ctrl+G).</p> : (
        <>
          <div className="dataset-row">
            <select value={current} onChange={(e) => void actions.selectDataset(e.target.value)} aria-label="Dataset" data-testid="dataset-select">
              {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <button type="button" onClick={() => current && void actions.closeDataset(current)} title="Close this dataset" data-testid="close-dataset">✕</button>
          </div>
          {ds?.warnings?.map((w) => <div key={w} className="muted" role="status" data-testid="dataset-warning">⚠ {w}</div>)}
          {ds && (
            <div className="dataset-info" data-testid="dataset-info">
              <div>{ds.numEvents.toLocaleString('en')} events · {ds.meta.kind === 'simulation' ? 'Simulation' : 'Data'} · geometry {ds.meta.geometryVersion}</div>
              {gen && (
                <div className="muted" title={JSON.stringify(gen.params)}>
                  {gen.name} {gen.version}, seed {gen.seed}: {Object.entries(gen.processes).map(([p, n]) => `${p} ${n}`).join(', ')}
                </div>
              )}
              {ds.meta.source && <ImportedFrom source={ds.meta.source} />}
            </div>
          )}
          <div className="event-nav" role="group" aria-label="Event">
            <button type="button" onClick={() => void first(stores, actions.showEvent)} title="First event (Home)">«</button>
            <button type="button" onClick={() => void step(stores, actions.showEvent, -1)} title="Previous event (← or PageUp)" data-testid="prev-event">◀</button>
            <form onSubmit={(e) => {
              e.preventDefault();
              // what the box holds now (not this render's state: an Enter right after typing may come first)
              const input = e.currentTarget.querySelector('input'), text = input?.value ?? '';
              // only the latest jump speaks: an earlier one that is still loading its event (its promise
              // resolves when the event is on show) cleared the message of a later mistyped one
              const n = ++jumps.current;
              if (text !== '' && text !== String(index) && current) void jump(stores, actions.showEvent, text, (r, b, ev) => actions.findEvent(current, r, b, ev)).then((e) => { if (n === jumps.current) setJumpError(e); });
              setJump('');
              // the focus leaves the box, so the keys step, frame and switch views again at once
              input?.blur();
            }}>
              {/* anything typed is kept and judged on Enter ("-5" or "abc" get a message, not a silently altered number); leaving the box (Tab, Esc) drops it */}
              <input aria-label="Event index or run:burst:event" title="an event index, or run:burst:event" data-testid="event-index" value={jumpText !== '' ? jumpText : String(index)} onChange={(e) => setJump(e.target.value)} onFocus={() => setJumpError(undefined)}
                onBlur={() => setJump('')} onKeyDown={(e) => { if (e.key === 'Escape') { setJump(''); e.currentTarget.blur(); } }} size={9} />
            </form>
            <span className="muted">/ {ds ? ds.numEvents - 1 : 0}</span>
            <button type="button" onClick={() => void step(stores, actions.showEvent, 1)} title="Next event (→ or PageDown)" data-testid="next-event">▶</button>
            <button type="button" onClick={() => void last(stores, actions.showEvent)} title="Last event (End)">»</button>
            {loading && <span className="muted">…</span>}
          </div>
          <AutoplayControls />
          {list && <div className="muted small" data-testid="walk-position">stepping through candidates: {pos >= 0 ? `${pos + 1} of ${list.rows.length}` : `— of ${list.rows.length} (this event is not one)`}</div>}
          {jumpError && <div className="error-box small" role="alert" data-testid="jump-error">{jumpError}</div>}
          <label className="check"><input type="checkbox" checked={showTruth} onChange={(e) => stores.data.getState().setShowTruth(e.target.checked)} data-testid="toggle-truth" /> MC truth</label>
          {event && <EventSummary ev={event} />}
        </>
      )}
    </section>
  );
}

/** An imported file: where it came from, and what its tree did not have (the display and the selections cannot show it). */
function ImportedFrom({ source }: { source: SourceInfo }) {
  const absent = source.absent.filter((k): k is AbsentKey => k in ABSENT_NOTES);
  return (
    <div className="muted" data-testid="imported-from">
      <div title={`mapping ${source.mapping.name} v${source.mapping.version}, ${source.mapping.sha256}`}>imported from {source.file}, tree “{source.tree}”, mapping “{source.mapping.name}”</div>
      {absent.length > 0 && (
        <details className="absent">
          <summary>not in the source tree: {absent.length} item{absent.length === 1 ? '' : 's'}</summary>
          <ul className="absent-notes">{absent.map((k) => <li key={k}>{ABSENT_NOTES[k]}</li>)}</ul>
        </details>
      )}
    </div>
  );
}
