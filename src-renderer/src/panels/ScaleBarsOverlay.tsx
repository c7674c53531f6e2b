/** Scale bars, true in metres of detector whatever the zoom and compression. */
import { useStore } from 'zustand';
import { useLiveView, useView, useViewport } from '../state/AppProvider';
import { scaleNote } from '../display/scale-bars';

export function ScaleBarsOverlay() {
  const bars = useStore(useLiveView().overlay, (s) => s.bars);
  const k = useView((s) => s.compression);
  const mode = useViewport((s) => s.mode);
  return (
    <div className="scale-bars" data-testid="scale-bars">
      {[bars.vertical, bars.horizontal].map((b) =>
        b ? (
          <div className="scale-bar" key={b.axis} data-axis={b.axis} data-mm={b.mm} data-px={b.px.toFixed(2)} data-magnification={'magnification' in b ? b.magnification : 1}>
            <span className="bar" style={{ width: `${b.px}px` }} />
            <span className="text">{b.axis}: {b.label}{'magnification' in b && b.magnification ? ` (shown ×${b.magnification})` : ''}</span>
          </div>
        ) : null,
      )}
      <div className="scale-note">{scaleNote(bars, mode, k)}</div>
    </div>
  );
}
