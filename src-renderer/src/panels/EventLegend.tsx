/** What the colours of the event overlay mean (each layer of the registry gives its rows), and whether the display is blind. */
import { blindStageOf, BLIND_BADGE, BLIND_CLASS } from '../state/selection-store';
import { EVENT_LAYERS } from '../display/layers/registry';
import { MOMENTUM_STOPS, momentumRangeLabel, momentumScaleMax } from '../display/colours';
import { useData, useEventDisplay, useSelection, useView } from '../state/AppProvider';

export function EventLegend() {
  const event = useData((s) => s.event);
  const analysis = useData((s) => s.analysis);
  const showTruth = useData((s) => s.showTruth);
  const stage = useSelection(blindStageOf);
  const colourBy = useEventDisplay((s) => s.colourBy);
  const hidden = useEventDisplay((s) => s.hidden);
  const light = useView((s) => s.theme) === 'light';
  const style = { colourBy, hidden, pMin: 0, tWindow: 0, showTruth, light };
  const rows = event ? EVENT_LAYERS.filter((l) => !hidden[l.id]).flatMap((l) => (l.id === 'tracks' && colourBy === 'momentum' ? [] : l.legend(event, analysis, style).map((r) => ({ layer: l.id, r })))) : [];
  return (
    <>
      <div className={`viewport-badge ${BLIND_CLASS[stage]}`} data-testid="viewport-blind">{BLIND_BADGE[stage]}</div>
      {event && (
        <div className="event-legend" aria-label="Legend" data-testid="event-legend">
          {colourBy === 'momentum' && !hidden.tracks && event.tracks.length > 0 && (
            <span data-testid="momentum-scale" title="the scale spans this event's momenta: its top is the fastest track's, rounded up"><i className="ramp" style={{ background: `linear-gradient(90deg, ${MOMENTUM_STOPS.join(', ')})` }} />track p {momentumRangeLabel(momentumScaleMax(event.tracks))}</span>
          )}
          {rows.map(({ layer, r: [colour, label] }) => <span key={`${layer}-${label}`} data-layer={layer}><i style={{ background: colour }} />{label}</span>)}
        </div>
      )}
    </>
  );
}
