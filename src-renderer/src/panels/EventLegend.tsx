/** What the colours of the event overlay mean (each layer of the registry gives its rows), and whether the display is blind. */
import { blindStageOf, BLIND_BADGE, BLIND_CLASS } from '../state/selection-store';
import { EVENT_LAYERS } from '../display/layers/registry';
import { MOMENTUM_STOPS, momentumRangeLabel, scaleTopFor } from '../display/colours';
import { useFileScaleTop } from '../state/use-file-scale-top';
import { useLayoutEffect, useRef } from 'react';
import { useData, useEventDisplay, useLiveView, useSelection, useView } from '../state/AppProvider';

/**
 * `compact`: another view shows the legend (several views on screen: the active one has it, so that
 * three copies do not cover the drawings); here a chip that makes this view the active one.
 */
export function EventLegend({ compact = false, onExpand }: { compact?: boolean; onExpand?: () => void }) {
  const event = useData((s) => s.event);
  const analysis = useData((s) => s.analysis);
  const showTruth = useData((s) => s.showTruth);
  const stage = useSelection(blindStageOf);
  const colourBy = useEventDisplay((s) => s.colourBy);
  const hidden = useEventDisplay((s) => s.hidden);
  const light = useView((s) => s.theme) === 'light';
  const pMax = useFileScaleTop();
  const palette = useEventDisplay((s) => s.palette);
  const style = { colourBy, hidden, pMin: 0, tWindow: 0, showTruth, light, palette, ...(pMax !== undefined ? { pMax } : {}) };
  // this view's CDA_TAX inset is laid out clear of the legend: its box, kept current
  const live = useLiveView();
  const ref = useRef<HTMLDivElement>(null);
  const shown = !!event && !compact;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) { live.setLegendBox(undefined); return; }
    const report = () => {
      const canvas = el.closest('[data-testid="viewport"]')?.querySelector('canvas');
      if (!canvas) return;
      const l = el.getBoundingClientRect(), c = canvas.getBoundingClientRect();
      live.setLegendBox({ x0: l.left - c.left, x1: l.right - c.left, y0: l.top - c.top, y1: l.bottom - c.top });
    };
    report();
    // its size changes with its rows, its place with the view's (it sits at the view's right edge)
    const watch = new ResizeObserver(report);
    watch.observe(el);
    const view = el.closest('[data-testid="viewport"]');
    if (view) watch.observe(view);
    return () => { watch.disconnect(); live.setLegendBox(undefined); };
  }, [live, shown]);
  const rows = event ? EVENT_LAYERS.filter((l) => !hidden[l.id]).flatMap((l) => (l.id === 'tracks' && colourBy === 'momentum' ? [] : l.legend(event, analysis, style).map((r) => ({ layer: l.id, r })))) : [];
  return (
    <>
      <div className={`viewport-badge ${BLIND_CLASS[stage]}`} data-testid="viewport-blind">{BLIND_BADGE[stage]}</div>
      {event && compact && (
        <button type="button" className="event-legend-chip" data-testid="event-legend-chip" title="The legend is in the active view: click to show it here" onClick={onExpand}>legend</button>
      )}
      {event && !compact && (
        <div className="event-legend" aria-label="Legend" data-testid="event-legend" ref={ref}>
          {colourBy === 'momentum' && !hidden.tracks && event.tracks.length > 0 && (
            <span data-testid="momentum-scale" data-range={pMax !== undefined ? 'file' : 'event'} title={pMax !== undefined ? "the scale spans the file's momenta (the fastest track of the visible events, rounded up)" : "the scale spans this event's momenta: its top is the fastest track's, rounded up"}><i className="ramp" style={{ background: `linear-gradient(90deg, ${MOMENTUM_STOPS.join(', ')})` }} />track p {momentumRangeLabel(scaleTopFor(event.tracks, style))}{pMax !== undefined ? ' (file)' : ''}</span>
          )}
          {rows.map(({ layer, r: [colour, label] }) => <span key={`${layer}-${label}`} data-layer={layer}><i style={{ background: colour }} />{label}</span>)}
        </div>
      )}
    </>
  );
}
