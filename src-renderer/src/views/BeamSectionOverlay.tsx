/** The beam's-eye sections of the tubes at the station on screen: the display core's group, mounted. */
import { useEffect, useMemo } from 'react';
import type { DetectorModel } from '../geometry/detector-model';
import { buildBeamSections } from '../display/detector-scene';
import { useLiveView, useView, useViewport } from '../state/AppProvider';

export function BeamSectionOverlay({ model }: { model: DetectorModel }) {
  const live = useLiveView();
  const mode = useViewport((s) => s.mode);
  const station = useViewport((s) => s.beamStation);
  const shown = useView((s) => s.shown);
  const k = useView((s) => s.compression);
  const theme = useView((s) => s.theme);
  const sections = useMemo(() => (mode === 'beam' ? buildBeamSections(model, shown, station, k, theme, live.nudge) : undefined), [mode, model, shown, station, k, theme, live]);
  useEffect(() => () => sections?.dispose(), [sections]);
  return sections ? <primitive object={sections.group} /> : null;
}
