/**
 * The "construction" preset: the side view (the top view when the CDA segment lies mostly along x)
 * with a compression and a transverse magnification
 * chosen so that the §2.3 construction (na62-analyses.md) — the di-lepton momentum line from the
 * vertex back to Z_TAX, the proton beam line and the CDA_TAX between them — fills the view, framed
 * from the TAX (or Z_TAX, when upstream of it) to the vertex. Pure: the engine's construction and
 * a viewport in, view settings out.
 */
import * as THREE from 'three';
import type { TaxConstruction } from '../../../src-shared/event/analysis';
import { TAX_BEAM } from '../../../src-shared/physics/tax';
import { COMPRESSION_STEPS } from '../views/compression';
import { MAGNIFICATION_STEPS, nearestStep } from '../views/magnification';
import { atZ } from './tax-inset';
import type { Viewport } from './types';

/**
 * The construction's box, NA62 mm, with margins: z from the TAX to the vertex, stretched to Z_TAX
 * where the closest approach lies outside (upstream of the TAX, or downstream of the vertex for a
 * pair that does not come from the beam), and the transverse range of the lines there.
 */
export function constructionBox(tax: TaxConstruction, axis: 'x' | 'y' = 'y'): THREE.Box3 {
  const z0 = Math.min(tax.zTax, TAX_BEAM.z, tax.vertex.z), z1 = Math.max(tax.vertex.z, tax.zTax);
  const lz = Math.max(z1 - z0, 1000);
  const zs = [z0, z1, tax.zTax];
  const pts = [...zs.map((z) => atZ(tax.lineFrom, tax.lineTo, z)), ...zs.map((z) => atZ(tax.beamFrom, tax.beamTo, z)), tax.cdaFrom, tax.cdaTo, tax.vertex];
  const box = new THREE.Box3();
  for (const p of pts) box.expandByPoint(new THREE.Vector3(p.x, p.y, p.z));
  box.min.z = z0 - 0.06 * lz; box.max.z = z1 + 0.06 * lz;
  // transverse margins: a fifth of the range each side, at least 3 mm (room for the labels and the inset)
  const t = box.max[axis] - box.min[axis], pad = Math.max(0.2 * t, 3);
  box.min[axis] -= pad; box.max[axis] += pad;
  return box;
}

export interface ConstructionView { readonly mode: 'side' | 'top'; readonly compression: number; readonly magnification: number; readonly box: THREE.Box3 }

/**
 * The 2D view that shows the CDA_TAX segment: the segment lies in the transverse plane, and a
 * view sees only its y (side) or x (top) component; the side view unless the segment is mostly along x.
 */
export const constructionMode = (tax: TaxConstruction): 'side' | 'top' =>
  Math.abs(tax.cdaFrom.x - tax.cdaTo.x) > Math.abs(tax.cdaFrom.y - tax.cdaTo.y) ? 'top' : 'side';

/**
 * Compression and magnification for that view: z ÷ k and the transverse axis × m such that the
 * box's aspect (Lz / k) : (Lt · m) matches the viewport's, the compression as large as its steps
 * allow (the 100 m of construction need it), the magnification the nearest step to the rest.
 */
export function constructionView(tax: TaxConstruction, viewport: Viewport): ConstructionView {
  const mode = constructionMode(tax), axis = mode === 'side' ? 'y' : 'x';
  const box = constructionBox(tax, axis);
  const lz = box.max.z - box.min.z, ly = box.max[axis] - box.min[axis];
  // the part of the view left for the construction: the inset takes about a third of its height
  const aspect = Math.max(viewport.width, 1) / Math.max(viewport.height * 0.6, 1);
  const km = lz / (ly * aspect);
  const compression = nearestStep(COMPRESSION_STEPS, Math.min(km, 100), 1, 100);
  const magnification = nearestStep(MAGNIFICATION_STEPS, km / compression);
  return { mode, compression, magnification, box };
}
