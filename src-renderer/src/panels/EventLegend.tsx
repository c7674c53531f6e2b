/** What the colours of the event overlay mean (following the track colour mode), and whether the display is blind. */
import { EVENT_COLOURS, HYPOTHESIS_COLOURS, HYPOTHESIS_LABELS, MOMENTUM_MAX, MOMENTUM_STOPS, VERTEX_COLOURS } from '../event/event-geometry';
import { useDataStore } from '../state/data-store';
import { useSelectionStore, blindStageOf, BLIND_BADGE, BLIND_CLASS } from '../state/selection-store';
import { useEventDisplayStore } from '../state/event-display-store';

const HITS: [keyof typeof EVENT_COLOURS, string][] = [
  ['kaon', 'beam K+ (GTK)'], ['vertex', 'vertex ±σ'], ['tax', 'P line to the TAX'], ['beam', 'proton beam'],
  ['lkr', 'LKr cluster'], ['muv3', 'MUV3 tile'], ['newchod', 'NewCHOD hit'], ['lav', 'LAV hit'], ['anti0', 'ANTI0 hit'], ['straw', 'fired straw'], ['truth', 'MC truth (dashed)'],
];

export function EventLegend() {
  const event = useDataStore((s) => s.event);
  const analysis = useDataStore((s) => s.analysis);
  const truth = useDataStore((s) => s.showTruth);
  const stage = useSelectionStore(blindStageOf);
  const by = useEventDisplayStore((s) => s.colourBy);
  const tracks: [string, string][] = by === 'momentum' ? []
    : by === 'hypothesis' ? (Object.keys(HYPOTHESIS_COLOURS) as (keyof typeof HYPOTHESIS_COLOURS)[]).map((h) => [HYPOTHESIS_COLOURS[h], HYPOTHESIS_LABELS[h]])
    : by === 'vertex' ? [[VERTEX_COLOURS.in, 'track in the vertex'], [VERTEX_COLOURS.out, 'other track']]
    : [[EVENT_COLOURS.positive, 'track, q > 0'], [EVENT_COLOURS.negative, 'track, q < 0']];
  return (
    <>
      <div className={`viewport-badge ${BLIND_CLASS[stage]}`} data-testid="viewport-blind">{BLIND_BADGE[stage]}</div>
      {event && (
        <div className="event-legend" aria-label="Legend" data-testid="event-legend">
          {tracks.map(([c, label]) => <span key={label}><i style={{ background: c }} />{label}</span>)}
          {by === 'momentum' && <span><i className="ramp" style={{ background: `linear-gradient(90deg, ${MOMENTUM_STOPS.join(', ')})` }} />track p 0–{MOMENTUM_MAX / 1000} GeV/c</span>}
          {HITS.filter(([k]) => k !== 'truth' || truth).filter(([k]) => k !== 'kaon' || event.beamKaon).filter(([k]) => (k !== 'tax' && k !== 'beam') || analysis?.tax).map(([k, label]) => (
            <span key={k}><i style={{ background: EVENT_COLOURS[k] }} />{label}</span>
          ))}
        </div>
      )}
    </>
  );
}
