import { useView, useViewport } from '../state/AppProvider';
import { scaleTitle, viewScale } from '../display/display-scale';
/** Which way the axes point in the current view (NA62 frame: z downstream, y up, +x Jura). */

const HINTS = {
  side: ['z → downstream', 'y ↑ up', 'seen from Salève (−x)'],
  top: ['z → downstream', 'x ↑ Jura', 'seen from above (+y)'],
  beam: ['y ↑ up', 'x ← Jura', 'looking downstream'],
  '3d': ['drag: orbit', 'right-drag: pan', 'wheel: zoom'],
} as const;

export function AxesHint() {
  const mode = useViewport((s) => s.mode);
  const k = useView((s) => s.compression);
  const m = useView((s) => s.magnification);
  return (
    <div className="axes-hint">
      {HINTS[mode].map((h) => <span key={h}>{h}</span>)}
      {(mode === 'side' || mode === 'top') && <span data-testid="view-scale">{scaleTitle(mode, viewScale(mode, k, m))}</span>}
    </div>
  );
}
