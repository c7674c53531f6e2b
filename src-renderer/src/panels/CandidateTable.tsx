/**
 * The candidates of the selection in their own panel (issues 17, 20): every key variable a column
 * (scrolls sideways when narrow), sorted by a click on a header, following the current event (its
 * row is marked and scrolled into sight as the user steps). It reads the result's typed-array
 * columns (src-shared/selection/candidate-columns.ts) and renders only the rows in sight, plus a
 * few either side: 10^5 candidates cost as little as 50, and no object is made per candidate.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useActions, useData, useSelection } from '../state/AppProvider';
import { columnsOf, REGION_NAMES, tableOrder } from '../../../src-shared/selection/candidate-columns';
import { displayOf, symbolOf } from '../analysis/analysis-data';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));
/** Height of a row in px: fixed by the stylesheet (.candidate-panel tbody tr), so a row's place is its position × this */
export const ROW_HEIGHT = 20;
/** Rows rendered beyond each edge of the view, so a quick scroll does not show blank space */
const OVERSCAN = 8;

export function CandidateTable() {
  const { showEvent } = useActions();
  const s = useSelection((s) => s);
  const current = useData((d) => d.current);
  const shownIndex = useData((d) => d.index);
  const r = s.result && s.resultDataset === current ? s.result : undefined;
  const cols = useMemo(() => (r ? columnsOf(r) : undefined), [r]);
  const order = useMemo(() => (cols ? tableOrder(cols, s.sort, s.brush?.events) : new Int32Array(0)), [cols, s.sort, s.brush]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  // the view's height follows the panel's size
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 400 });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [cols]);
  // the current event's row comes into sight when stepping (only the table's own box scrolls)
  useEffect(() => {
    const el = scroller.current;
    if (!el || !cols) return;
    let k = -1;
    for (let i = 0; i < order.length; i++) if (cols.index[order[i]!] === shownIndex) { k = i; break; }
    if (k < 0) return;
    const y = k * ROW_HEIGHT, head = ROW_HEIGHT;
    if (y < el.scrollTop || y + 2 * ROW_HEIGHT + head > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2);
      setView({ top: el.scrollTop, height: el.clientHeight || 400 });
    }
  }, [shownIndex, cols, order]);
  if (!r || !cols) return <div className="candidate-panel muted small" data-testid="candidates-empty">Run a selection (Controls → Selection → Run) to list its candidates here.</div>;
  const keys = cols.keys;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(order.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const sortBy = (key: string) => s.sortBy(key);
  const arrow = (key: string) => (s.sort?.key === key ? (s.sort.dir === 1 ? ' ▲' : ' ▼') : '');
  // in the HUD's and the plots' units (z in m, momenta in GeV/c), by the paper's symbols; sorting reads the columns as stored
  const shown = keys.map((k) => displayOf(k, s.catalogue?.variables ?? {}));
  const label = (k: string, j: number) => `${symbolOf(k)}${shown[j]!.unit ? ` [${shown[j]!.unit}]` : ''}`;
  const rows = [];
  for (let k = first; k < last; k++) {
    const p = order[k]!, index = cols.index[p]!;
    rows.push(
      <tr key={`${cols.file[p]}:${index}`} onClick={() => void showEvent(index)} className={`clickable${index === shownIndex ? ' current' : ''}`} data-index={index} data-row={k}>
        <td>{cols.run[p]}:{cols.burst[p]}:{cols.event[p]}</td><td>{REGION_NAMES[cols.region[p]!] || '—'}</td>{keys.map((key, j) => <td key={key}>{fmt(cols.vars[j]![p]! * shown[j]!.factor)}</td>)}
      </tr>,
    );
  }
  const span = keys.length + 2;
  return (
    <div className="candidate-panel">
      <div className="candidate-scroll" ref={scroller} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 400 })} data-testid="candidate-scroll">
        <table className="candidates" data-testid="candidates" data-rows={order.length}>
          <thead><tr>
            <th className="sortable" onClick={() => sortBy('rbe')} data-sort="rbe">run:burst:event{arrow('rbe')}</th>
            <th className="sortable" title="SR/CR when unblinded; — outside them" onClick={() => sortBy('region')} data-sort="region">region{arrow('region')}</th>
            {keys.map((k, j) => <th key={k} className="sortable" data-sort={k} onClick={() => sortBy(k)} title={`${k}: ${s.catalogue?.variables[k]?.[1] ?? ''} (click to sort)`}>{label(k, j)}{arrow(k)}</th>)}
          </tr></thead>
          <tbody>
            {first > 0 && <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }}><td colSpan={span} /></tr>}
            {rows}
            {last < order.length && <tr className="spacer" aria-hidden="true" style={{ height: (order.length - last) * ROW_HEIGHT }}><td colSpan={span} /></tr>}
          </tbody>
        </table>
      </div>
      <div className="muted small" data-testid="candidate-count">{order.length} candidates{s.brush ? ' in the brushed range' : ''}</div>
    </div>
  );
}
