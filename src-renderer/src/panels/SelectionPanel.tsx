/** Selections: preset, its parameters and cuts, extra expression cuts, the cut-flow and blinding (the candidates have their own panel). */
import { useEffect, useMemo, useState } from 'react';
import { useActions, useData, useSelection } from '../state/AppProvider';
import { BLIND_BADGE, BLIND_CLASS, blindStageOf } from '../state/selection-store';
import { UnblindDialog } from './UnblindDialog';
import type { PresetId } from '../../../src-shared/selection/types';
import { columnsOf, tableOrder } from '../../../src-shared/selection/candidate-columns';
import { intoSight } from './into-sight';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));

export function SelectionPanel() {
  const { checkExpressions, exportResult, loadCandidateList, runCurrentSelection } = useActions();
  const s = useSelection((s) => s);
  const stage = blindStageOf(s);
  const datasets = useData((d) => d.datasets);
  const current = useData((d) => d.current);
  const mode = datasets.find((d) => d.id === current)?.meta.generator?.mode;
  const [unblinding, setUnblinding] = useState(false);
  const [note, setNote] = useState<string>();
  const presets = useMemo(() => s.catalogue?.presets ?? [], [s.catalogue]);
  const preset = presets.find((p) => p.id === s.preset);
  const choosePreset = s.choosePreset;
  useEffect(() => {
    // follow the dataset's mode
    if (mode && preset && preset.mode !== mode) {
      const p = presets.find((x) => x.mode === mode);
      if (p) choosePreset(p.id);
    }
  }, [mode, preset, presets, choosePreset]);
  if (!s.catalogue || !preset) return null;
  const r = s.result && s.resultDataset === current ? s.result : undefined;
  const all = r?.cutflow[0];
  // counts from the candidate columns: no object per candidate for a count
  const cols = r ? columnsOf(r) : undefined;
  const brushed = cols && s.brush ? tableOrder(cols, undefined, s.brush.events).length : 0;
  return (
    <section className="selection-panel" aria-label="Selection">
      <h2>Selection <span className={`blind-badge ${BLIND_CLASS[stage]}`} data-testid="blind-state" title={s.blinding?.why}>{BLIND_BADGE[stage]}</span></h2>
      <select value={s.preset} aria-label="Preset" data-testid="preset-select" onChange={(e) => s.choosePreset(e.target.value as PresetId)}>
        {presets.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
      </select>
      <div className="muted small">{preset.label}</div>
      <details>
        <summary>cuts and parameters</summary>
        <ol className="cuts">
          {preset.cuts.map((c) => (
            <li key={c.id} title={c.source}>
              <label className="check"><input type="checkbox" checked={!s.disabled.includes(c.id)} onChange={(e) => s.setCutEnabled(c.id, e.target.checked)} /> {c.label}</label>
              {c.params.map((name) => {
                const spec = preset.params.find((x) => x.name === name)!;
                const val = s.params[name] ?? spec.value;
                return (
                  <label key={name} className="param" title={`${spec.description} — ${spec.source}`}>
                    {name}
                    {spec.options ? (
                      <select value={String(val)} onChange={(e) => s.setParam(name, e.target.value)}>{spec.options.map((o) => <option key={o}>{o}</option>)}</select>
                    ) : (
                      <input value={String(val)} onChange={(e) => { const n = Number(e.target.value); if (e.target.value.trim() !== '' && Number.isFinite(n)) s.setParam(name, n); }} />
                    )}
                    <span className="muted">{spec.unit}</span>
                  </label>
                );
              })}
            </li>
          ))}
        </ol>
        <div className="muted small">regions: {preset.regions.map((x) => `${x.id} ${x.label}${x.blinded ? ' (masked while blind)' : ''}`).join('; ')}</div>
      </details>
      <label className="expr">extra cuts (one expression per line)
        <textarea rows={2} value={s.expressions} placeholder="cda_tax < 20 && p1 > 10000" onChange={(e) => void checkExpressions(e.target.value)} data-testid="expressions" spellCheck={false} />
      </label>
      {s.expressionError && <div className="error-box" role="alert" data-testid="expression-error">{s.expressionError}</div>}
      <div className="buttons-row">
        <button type="button" onClick={() => void runCurrentSelection()} disabled={!!s.running || !!s.expressionError || !current} data-testid="run-selection">{s.running ? 'Running…' : 'Run'}</button>
        {stage !== 'none' && <button type="button" onClick={() => setUnblinding(true)} data-testid="open-unblind">{stage === 'sr' ? 'Blinding…' : 'Unblind…'}</button>}
        {r && r.cutflow.length > 0 && <><button type="button" onClick={() => void exportResult('csv').then(setNote)}>CSV</button><button type="button" onClick={() => void exportResult('json').then(setNote)}>JSON</button></>}
        <button type="button" onClick={() => void loadCandidateList()} title="Reload a saved candidate list (JSON or CSV)" data-testid="load-list">Load list…</button>
      </div>
      {s.error && <div key={s.error} ref={intoSight} className="error-box" role="alert">{s.error}</div>}
      {note && <div className="muted small">{note}</div>}
      {r && (
        <>
          {r.inputs.length === 0 && r.cutflow.length === 0 && <div className="muted small" data-testid="loaded-list">candidate list loaded from a file ({cols!.n} events)</div>}
          {all && <table className="cutflow" data-testid="cutflow">
            <thead><tr><th>cut</th><th>events</th><th>eff.</th><th>weighted</th></tr></thead>
            <tbody>
              {r.cutflow.map((c) => (
                <tr key={c.id} className={c.enabled ? '' : 'off'}><td title={c.label}>{c.id}{c.enabled ? '' : ' (off)'}</td><td>{c.n}</td><td>{all.n ? ((100 * c.n) / all.n).toFixed(1) : '—'}%</td><td>{fmt(c.w)}</td></tr>
              ))}
            </tbody>
          </table>}
          <div className="small" data-testid="region-counts">
            {[...Object.entries(r.regions).map(([k, v]) => `${k}: ${v!.n} (w ${fmt(v!.w)})`), ...(r.blinded || r.masked.n ? [`masked (blind): ${r.masked.n} events, not listed`] : [])].join(' · ')}
          </div>
          <label className="check small"><input type="checkbox" checked={s.walkCandidates} onChange={(e) => s.setWalkCandidates(e.target.checked)} data-testid="walk-candidates" /> ←/→ step through these candidates</label>
          {s.brush && (
            <div className="brush-note small" data-testid="brush-note">
              {brushed} of {cols!.n} in the brushed range: {s.brush.label}{' '}
              <button type="button" onClick={() => s.setBrush(undefined)} title="Show every candidate again" data-testid="clear-brush">✕ clear</button>
            </div>
          )}
          <div className="muted small">the candidates are listed in the Candidates panel</div>
        </>
      )}
      {unblinding && <UnblindDialog onClose={() => setUnblinding(false)} />}
    </section>
  );
}
