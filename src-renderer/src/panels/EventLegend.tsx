/** What the colours of the event overlay mean, and whether the display is blind. */
import { EVENT_COLOURS } from '../event/event-geometry';
import { useDataStore } from '../state/data-store';
import { useSelectionStore } from '../state/selection-store';

const ITEMS: [keyof typeof EVENT_COLOURS, string][] = [
  ['positive', 'track, q > 0'], ['negative', 'track, q < 0'], ['kaon', 'beam K+ (GTK)'], ['vertex', 'vertex'],
  ['lkr', 'LKr cluster'], ['muv3', 'MUV3 tile'], ['newchod', 'NewCHOD hit'], ['lav', 'LAV hit'], ['anti0', 'ANTI0 hit'], ['straw', 'fired straw'], ['truth', 'MC truth'],
];

export function EventLegend() {
  const event = useDataStore((s) => s.event);
  const truth = useDataStore((s) => s.showTruth);
  const blind = useSelectionStore((s) => s.blind);
  return (
    <>
      <div className={`viewport-badge ${blind ? 'blind' : 'open'}`} data-testid="viewport-blind">{blind ? 'BLIND' : 'UNBLINDED'}</div>
      {event && (
        <div className="event-legend" aria-label="Legend">
          {ITEMS.filter(([k]) => k !== 'truth' || truth).filter(([k]) => k !== 'kaon' || event.beamKaon).map(([k, label]) => (
            <span key={k}><i style={{ background: EVENT_COLOURS[k] }} />{label}</span>
          ))}
        </div>
      )}
    </>
  );
}
