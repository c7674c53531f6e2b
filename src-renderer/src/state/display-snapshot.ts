/** The app's stores as the display core's snapshot: the one place the views and export read state for drawing. */
import type { DisplaySnapshot } from '../display/types';
import { fileMomentumScaleMax } from '../display/colours';
import type { DataState } from './data-store';
import type { EventDisplayState } from './event-display-store';
import type { ViewState } from './view-store';

/** The fixed top of the momentum colour scale when the user ranges it over the file (from the engine's track summary). */
export function fileScaleTop(e: Pick<EventDisplayState, 'momentumRange'>, d: Pick<DataState, 'trackSummary' | 'current'>): number | undefined {
  return e.momentumRange === 'file' && d.trackSummary && d.trackSummary.dataset === d.current ? fileMomentumScaleMax(d.trackSummary.summary.pMax) : undefined;
}

const pMaxOf = (e: Pick<EventDisplayState, 'momentumRange'>, d: Pick<DataState, 'trackSummary' | 'current'>): { pMax?: number } => {
  const top = fileScaleTop(e, d);
  return top === undefined ? {} : { pMax: top };
};

/** `fitTarget`: what the view the picture copies was last framed on (each view keeps its own). */
export function snapshotOf(v: ViewState, d: DataState, e: EventDisplayState, fitTarget?: string): DisplaySnapshot {
  return {
    mode: v.mode, station: v.beamStation, compression: v.compression, magnification: v.magnification, taxInset: v.taxInset, shown: v.shown, labels: v.labels, theme: v.theme, fitTarget,
    event: d.event, analysis: d.analysis, trackWidth: e.trackWidth,
    style: { colourBy: e.colourBy, hidden: e.hidden, pMin: e.pMin, tWindow: e.tWindow, showTruth: d.showTruth, light: v.theme === 'light', palette: e.palette, ...pMaxOf(e, d) },
  };
}
