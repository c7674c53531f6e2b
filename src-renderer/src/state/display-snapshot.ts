/** The app's stores as the display core's snapshot: the one place the views and export read state for drawing. */
import type { DisplaySnapshot } from '../display/types';
import type { DataState } from './data-store';
import type { EventDisplayState } from './event-display-store';
import type { ViewState } from './view-store';

export function snapshotOf(v: ViewState, d: DataState, e: EventDisplayState): DisplaySnapshot {
  return {
    mode: v.mode, station: v.beamStation, compression: v.compression, magnification: v.magnification, taxInset: v.taxInset, shown: v.shown, labels: v.labels, theme: v.theme, fitTarget: v.fitTarget,
    event: d.event, analysis: d.analysis, trackWidth: e.trackWidth,
    style: { colourBy: e.colourBy, hidden: e.hidden, pMin: e.pMin, tWindow: e.tWindow, showTruth: d.showTruth, light: v.theme === 'light' },
  };
}
