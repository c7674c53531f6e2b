/** Element labels over the canvas, positioned by the camera rig's layout. */
import { useStore } from 'zustand';
import { useLiveView } from '../state/AppProvider';

export function LabelsOverlay() {
  const labels = useStore(useLiveView().overlay, (s) => s.labels);
  return (
    <svg className="labels-overlay" aria-hidden="true">
      {labels.map((l) => (
        <g key={l.id}>
          {l.leader && <line x1={l.leader[0][0]} y1={l.leader[0][1]} x2={l.leader[1][0]} y2={l.leader[1][1]} className="leader" />}
          <text x={l.x} y={l.y} textAnchor="middle" className="label">{l.text}</text>
        </g>
      ))}
    </svg>
  );
}
