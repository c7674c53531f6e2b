/**
 * The data-driven description of the NA62 beam line and detector.
 *
 * Units: mm. Frame: NA62 (origin at the T10 target centre, z downstream along the beam,
 * y up, +x towards Jura; right-handed). Every number carries a source tag; the tags are
 * those of `../shared/reference/na62-geometry.md` §0 ([GA], [BEATCH], [MC-X], [E] = estimate ...).
 */

/** A transverse hole through an element (the beam passage). Offsets are relative to the beam axis (x = y = 0). */
export type Hole =
  | { readonly kind: 'circle'; readonly r: number; readonly x?: number; readonly y?: number }
  | { readonly kind: 'rect'; readonly halfX: number; readonly halfY: number; readonly x?: number; readonly y?: number };

/** One longitudinal section of a tube (vacuum vessel, beam pipe, RICH vessel). */
export interface TubeSection {
  readonly z0: number;
  readonly z1: number;
  readonly rInner: number;
  readonly rOuter: number;
  /** transverse centre of this section (the RICH axis is tilted; the IRC pipe is displaced) */
  readonly x?: number;
  readonly x1?: number;
  readonly y?: number;
}

export type Shape =
  /** A point-like marker (e.g. the proton impact point on the TAX). */
  | { readonly kind: 'marker'; readonly x: number; readonly y: number }
  /** A straight line along z at (x, y): the nominal beam axis. */
  | { readonly kind: 'axis'; readonly x: number; readonly y: number }
  /** Rectangular slab, optionally pierced. (x, y) is the slab centre. */
  | { readonly kind: 'box'; readonly halfX: number; readonly halfY: number; readonly x?: number; readonly y?: number; readonly hole?: Hole }
  /** Disc (cylinder) of outer radius, optionally pierced: an annulus. */
  | { readonly kind: 'disc'; readonly rOuter: number; readonly x?: number; readonly y?: number; readonly hole?: Hole }
  /** Regular octagon with flat sides parallel to x and y (apothem = half-width across flats). */
  | { readonly kind: 'octagon'; readonly apothem: number; readonly hole?: Hole }
  /** Concatenated tube sections (the vacuum vessel, the beam pipe, the RICH vessel). */
  | { readonly kind: 'tube'; readonly sections: readonly TubeSection[] }
  /** A LAV station: rings of lead-glass blocks pointing at the beam axis. */
  | { readonly kind: 'lav'; readonly rInner: number; readonly rOuter: number; readonly rings: number; readonly blocksPerRing: number }
  /** A STRAW chamber: four views (u, v, x, y) of straws with a straw-free strip around the beam hole. */
  | { readonly kind: 'straw'; readonly chamber: 0 | 1 | 2 | 3 }
  /** The MUV3 tile plane (148 tiles). */
  | { readonly kind: 'muv3' }
  /** A dipole magnet: a yoke (frame) around a rectangular aperture. */
  | { readonly kind: 'magnet'; readonly halfX: number; readonly halfY: number; readonly apertureHalfX: number; readonly apertureHalfY: number };

export type Material =
  | 'Be' | 'Cu' | 'Fe' | 'Si' | 'scintillator' | 'lead-glass' | 'LKr' | 'steel-vessel' | 'Al' | 'gas'
  | 'straw' | 'magnet' | 'Pb-scintillator' | 'neon' | 'marker' | 'concrete';

export type ElementGroup =
  | 'beam line' | 'beam tracking' | 'vacuum' | 'photon veto' | 'spectrometer' | 'particle ID'
  | 'calorimetry' | 'muon veto';

export interface DetectorElement {
  /** stable identifier, used for visibility toggles and stored view state */
  readonly id: string;
  readonly label: string;
  readonly group: ElementGroup;
  /** upstream face (mm) */
  readonly z0: number;
  /** downstream face (mm); equal to z0 only for markers */
  readonly z1: number;
  readonly shape: Shape;
  /** the same solid repeated at these upstream-face z (mm), e.g. the six CHANTI stations */
  readonly copiesZ0?: readonly number[];
  readonly material: Material;
  /** display colour (#rrggbb) */
  readonly colour: string;
  /** where each number comes from: field name → source tag and document section */
  readonly sources: Readonly<Record<string, string>>;
  /** a short note shown in the UI (what the element is, what is estimated) */
  readonly note?: string;
  /** drawn by default? (heavy or cluttering elements may start hidden) */
  readonly visibleByDefault?: boolean;
}

export interface DetectorDescription {
  /** bumped whenever a number in the table changes; files record it (issue 3) */
  readonly version: string;
  readonly frame: string;
  readonly elements: readonly DetectorElement[];
}
