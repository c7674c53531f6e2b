/** The regions of a selection as shapes to draw (the analysis plots' boxes), for its parameters. */
import { numericParams, presetById } from '../selection/presets';
import type { RegionId, RegionShape, SelectionResult } from '../../src-shared/selection/types';

export interface RegionShapeInfo { readonly id: RegionId; readonly label: string; readonly blinded: boolean; readonly shape: RegionShape }

/** `selection`: a result's selection, which the engine validated when it ran; an unknown preset has no regions. */
export function regionShapes(selection: Pick<SelectionResult['selection'], 'preset' | 'params'>): RegionShapeInfo[] {
  const preset = presetById(selection.preset);
  if (!preset) return [];
  const { num } = numericParams(preset, selection.params ?? {});
  return preset.regions.map((r) => ({ id: r.id, label: r.label, blinded: r.blinded, shape: r.shape(num) }));
}
