/** Element labels over the canvas, positioned by the camera rig's layout. */
import { useStore } from 'zustand';
import { useLiveView } from '../state/AppProvider';

export function LabelsOverlay() {
  const labels = useStore(useLiveView().overlay, (s) => s.labels);
  return (
    <svg className="labels-overlay" aria-hidden="true">
      {labels.map((l) => (
        <g key={l.id}>
          {l.anchorY - l.y > 6 && <line x1={l.x} y1={l.y + 1} x2={l.x} y2={l.anchorY} className="leader" />}
          {l.y - l.anchorY > 20 && <line x1={l.x} y1={l.y - 13} x2={l.x} y2={l.anchorY} className="leader" />}
          <text x={l.x} y={l.y} textAnchor="middle" className="label">{l.text}</text>
        </g>
      ))}
    </svg>
  );
}
