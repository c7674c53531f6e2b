/** The static detector on screen: the display core's detector group, mounted; z compressed, elements shown as toggled. */
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { DetectorModel } from '../geometry/detector-model';
import { buildDetectorScene } from '../display/detector-scene';
import { useLiveView, useScene3D, useView, useViewport } from '../state/AppProvider';
import { applyPassiveLook, createCutUniforms, setCutUniforms } from '../display/passive-look';
import { lookOf } from '../state/scene3d-store';
import { groupScale, viewScale } from '../display/display-scale';

/**
 * @param unmerged benchmark baseline only: draw every part as its own object, as a display without
 *   merging or instancing would (one draw call per straw, tile, block and station).
 */
export function DetectorScene({ model, unmerged = false }: { model: DetectorModel; unmerged?: boolean }) {
  const live = useLiveView();
  const theme = useView((s) => s.theme);
  const compression = useView((s) => s.compression);
  // this view panel's own mode (several views: issue 17)
  const mode = useViewport((s) => s.mode);
  const magnification = useView((s) => s.magnification);
  const shown = useView((s) => s.shown);
  const invalidate = useThree((s) => s.invalidate);
  const detector = useMemo(() => buildDetectorScene(model, { theme, nudge: live.nudge, unmerged }), [model, theme, live, unmerged]);
  useEffect(() => () => detector.dispose(), [detector]);
  useLayoutEffect(() => { detector.setShown(shown); invalidate(); }, [detector, shown, invalidate]);
  // the 3D view's opacity, x-ray and cut-aways (the 2D views draw the detector as built)
  const look = useScene3D((s) => s);
  const cut = useMemo(() => createCutUniforms(), [detector]); // eslint-disable-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const l = lookOf(look);
    applyPassiveLook(detector.elements, model, l, cut, mode === '3d');
    setCutUniforms(cut, l, compression, mode === '3d');
    invalidate();
  }, [detector, model, look, cut, mode, compression, invalidate]);
  return <primitive object={detector.group} scale={groupScale(viewScale(mode, compression, magnification))} />;
}
