/** The whole static detector as built geometry, made once per detector description. */
import * as THREE from 'three';
import type { DetectorDescription, DetectorElement } from '../../../src-shared/geometry/types';
import { buildElement, type BuildOptions, type ElementGeometry } from './build-element';
import { asScale, type Scaling } from '../display/display-scale';

export interface BuiltElement {
  readonly element: DetectorElement;
  readonly geometry: ElementGeometry;
}

export interface DetectorModel {
  readonly version: string;
  readonly elements: readonly BuiltElement[];
  readonly byId: ReadonlyMap<string, BuiltElement>;
  /** parts before merging, summed over elements (what the draw-call count would be unmerged) */
  readonly totalParts: number;
}

export function buildDetectorModel(detector: DetectorDescription, opts: BuildOptions = {}): DetectorModel {
  const elements = detector.elements.map((element) => ({ element, geometry: buildElement(element, opts) }));
  return {
    version: detector.version,
    elements,
    byId: new Map(elements.map((e) => [e.element.id, e])),
    totalParts: elements.reduce((n, e) => n + e.geometry.parts, 0),
  };
}

/** An element's box in display coordinates (z divided by the compression k, the transverse axis magnified). */
export function displayBox(e: BuiltElement, k: Scaling): THREE.Box3 {
  const b = e.geometry.box, d = asScale(k);
  return new THREE.Box3(new THREE.Vector3(b.min.x * d.mx, b.min.y * d.my, b.min.z / d.k), new THREE.Vector3(b.max.x * d.mx, b.max.y * d.my, b.max.z / d.k));
}

export function disposeDetectorModel(model: DetectorModel): void {
  for (const { geometry } of model.elements) {
    geometry.faces?.dispose();
    geometry.lines?.dispose();
    geometry.separateParts?.forEach((g) => g.dispose());
  }
}
