/** The app's stores as the display core's snapshot: the one place the views and export read state for drawing. */
import type { DisplaySnapshot } from '../display/types';
import type { DataState } from './data-store';
import type { EventDisplayState } from './event-display-store';
import type { ViewState } from './view-store';

/** `fitTarget`: what the view the picture copies was last framed on (each view keeps its own). */
export function snapshotOf(v: ViewState, d: DataState, e: EventDisplayState, fitTarget?: string): DisplaySnapshot {
  return {
    mode: v.mode, station: v.beamStation, compression: v.compression, shown: v.shown, labels: v.labels, theme: v.theme, fitTarget,
    event: d.event, analysis: d.analysis, trackWidth: e.trackWidth,
    style: { colourBy: e.colourBy, hidden: e.hidden, pMin: e.pMin, tWindow: e.tWindow, showTruth: d.showTruth, light: v.theme === 'light' },
  };
}
