/** Text annotations of the event over the canvas (the CDA_TAX value beside its segment). */
import { useStore } from 'zustand';
import { useLiveView, useEventDisplay } from '../state/AppProvider';

export function EventLabelsOverlay() {
  const label = useStore(useLiveView().eventLabel, (s) => s.label);
  const hidden = useEventDisplay((s) => s.hidden.tax);
  if (!label || hidden) return null;
  return (
    <svg className="labels-overlay" aria-hidden="true">
      <text x={label.x} y={label.y} textAnchor="middle" className="label event-label" data-testid="cda-label">{label.text}</text>
    </svg>
  );
}
