/**
 * The candidates of the selection in their own panel (issue 17): every key variable a column
 * (scrolls sideways when narrow), sorted by a click on a header, and following the current event:
 * its row is marked and scrolled into sight as the user steps.
 */
import { useEffect, useRef } from 'react';
import { useActions, useData, useSelection } from '../state/AppProvider';
import { tableCandidates } from '../state/navigation';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));
const SHOWN_ROWS = 500;

export function CandidateTable() {
  const { showEvent } = useActions();
  const s = useSelection((s) => s);
  const current = useData((d) => d.current);
  const shownIndex = useData((d) => d.index);
  const r = s.result && s.resultDataset === current ? s.result : undefined;
  const rows = r ? tableCandidates(r.candidates, s.sort, s.brush) : [];
  const keys = r ? r.keyVariables : [];
  const body = useRef<HTMLTableSectionElement>(null);
  // the current event's row comes into sight when stepping (only scrolls the table's own box)
  useEffect(() => {
    const row = body.current?.querySelector<HTMLTableRowElement>('tr.current');
    row?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [shownIndex, r, s.sort]);
  if (!r) return <div className="candidate-panel muted small" data-testid="candidates-empty">Run a selection (Controls → Selection → Run) to list its candidates here.</div>;
  const sortBy = (key: string) => s.sortBy(key);
  const arrow = (key: string) => (s.sort?.key === key ? (s.sort.dir === 1 ? ' ▲' : ' ▼') : '');
  const label = (k: string) => `${k}${s.catalogue?.variables[k]?.[0] ? ` ${s.catalogue.variables[k]![0]}` : ''}`;
  return (
    <div className="candidate-panel">
      <div className="candidate-scroll">
        <table className="candidates" data-testid="candidates">
          <thead><tr>
            <th className="sortable" onClick={() => sortBy('rbe')} data-sort="rbe">run:burst:event{arrow('rbe')}</th>
            <th className="sortable" title="SR/CR when unblinded; — outside them" onClick={() => sortBy('region')} data-sort="region">region{arrow('region')}</th>
            {keys.map((k) => <th key={k} className="sortable" data-sort={k} onClick={() => sortBy(k)} title={`${s.catalogue?.variables[k]?.[1] ?? ''} (click to sort)`}>{label(k)}{arrow(k)}</th>)}
          </tr></thead>
          <tbody ref={body}>
            {rows.slice(0, SHOWN_ROWS).map((c) => (
              <tr key={`${c.file}:${c.index}`} onClick={() => void showEvent(c.index)} className={`clickable${c.index === shownIndex ? ' current' : ''}`} data-index={c.index}>
                <td>{c.run}:{c.burst}:{c.event}</td><td>{c.region || '—'}</td>{keys.map((k) => <td key={k}>{fmt(c.vars[k])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="muted small">{rows.length > SHOWN_ROWS ? `first ${SHOWN_ROWS} of ${rows.length} candidates (sort to bring others up; stepping walks all)` : `${rows.length} candidates${s.brush ? ' in the brushed range' : ''}`}</div>
    </div>
  );
}
