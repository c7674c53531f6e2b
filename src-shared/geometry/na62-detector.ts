/**
 * The NA62 beam line and detector, one row per element.
 *
 * Every number comes from ../shared/reference/na62-geometry.md (G§n) or na62-analyses.md (A§n);
 * the bracketed tag names the original source as in G§0. [E] marks a display estimate, [D] a
 * number derived from tagged inputs. Units: mm, NA62 frame (origin T10, z downstream, y up).
 */
import type { DetectorDescription, DetectorElement } from './types';
import { STRAW_CHAMBER_LENGTH, STRAW_CHAMBER_Z } from './straw';
import { MUV3_Z0, MUV3_Z1 } from './muv3';
import { LAV_BACK, LAV_FRONT, LAV_R_IN, LAV_R_OUT } from './planes';

/** Bump when any number below changes: event files record the geometry version they were made with. */
export const GEOMETRY_VERSION = 'na62-2021-dump.1';

const LAV_RINGS = [5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4]; // G§11 [MC-LAV]
const LAV_BLOCKS = [32, 32, 32, 32, 32, 48, 48, 48, 60, 60, 60, 64]; // G§11 [MC-LAV]

/** RICH axis: x = +34 mm at z = 219 445 and +2 mm at 237 326 (G§14 [GA], [MC-RICH]); linear in between [D]. */
export function richAxisX(z: number): number {
  return 34 + ((2 - 34) * (z - 219445)) / (237326 - 219445);
}
/** A RICH vessel section with its tilted axis; wall 20 mm [E]. */
function richSection(z0: number, z1: number, rInner: number) {
  return { z0, z1, rInner, rOuter: rInner + 20, x: richAxisX(z0), x1: richAxisX(z1) };
}

const lavStations: DetectorElement[] = LAV_FRONT.map((z0, i) => ({
  id: `lav${i + 1}`,
  label: `LAV${i + 1}`,
  group: 'photon veto',
  z0,
  z1: LAV_BACK[i]!,
  shape: { kind: 'lav', rInner: LAV_R_IN[i]!, rOuter: LAV_R_OUT[i]!, rings: LAV_RINGS[i]!, blocksPerRing: LAV_BLOCKS[i]! },
  material: 'lead-glass',
  colour: '#96d7ce',
  sources: {
    z: 'G§11 crystal-ring front/back [GA]',
    radii: 'G§11 [GA], [MC-LAV]',
    blocks: `G§11 ${LAV_RINGS[i]} rings × ${LAV_BLOCKS[i]} blocks [MC-LAV]; azimuthal stagger [WEB-LAV]`,
  },
  note: i === 11 ? 'LAV12 is in air, downstream of the RICH.' : 'OPAL lead-glass blocks with PMTs, in vacuum.',
}));

const strawChambers: DetectorElement[] = STRAW_CHAMBER_Z.map((zc, i) => ({
  id: `straw${i + 1}`,
  label: `STRAW${i + 1}`,
  group: 'spectrometer',
  z0: zc - STRAW_CHAMBER_LENGTH / 2,
  z1: zc + STRAW_CHAMBER_LENGTH / 2,
  shape: { kind: 'straw', chamber: i as 0 | 1 | 2 | 3 },
  material: 'straw',
  colour: '#dad970',
  sources: {
    z: 'G§12 chamber centre [GA], length 393.8 [RECO-Spectrometer]',
    views: 'G§12 views u, v, x, y and layer structure [RECO-Spectrometer], [MC-Spectrometer]',
    hole: 'G§12 beam-hole centre x and 63.8 mm half-strip [GA], [RECO-Spectrometer]',
  },
  note: '4 views × 4 layers of 9.82 mm straws; each view has a 127.6 mm straw-free strip around the beam hole.',
}));

export const NA62_ELEMENTS: readonly DetectorElement[] = [
  {
    id: 'beam-axis', label: 'beam axis', group: 'beam line', z0: -200, z1: 267800,
    shape: { kind: 'axis', x: 0, y: 0 }, material: 'marker', colour: '#a2a2aa',
    sources: { z: 'G§1 z axis from T10 (0) to the beam dump end (267.8 m) [BEATCH]' },
    note: 'Nominal beam axis x = y = 0.',
  },
  {
    id: 't10', label: 'T10 target', group: 'beam line', z0: -200, z1: 200,
    shape: { kind: 'disc', rOuter: 1 }, material: 'Be', colour: '#d9d9d9',
    sources: { z: 'G§3 400 mm Be rod centred on z = 0 [NA62MC PrimaryGeneratorAction.cc]', radius: 'G§3 2 mm diameter [BEATCH]' },
    note: 'Removed in beam-dump mode.',
  },
  {
    id: 'tax1-cu', label: 'TAX1 Cu', group: 'beam line', z0: 23070, z1: 23880,
    shape: { kind: 'box', halfX: 400, halfY: 600, y: -29.7, hole: { kind: 'circle', r: 5.0, y: -107.7 } },
    material: 'Cu', colour: '#c8783c',
    sources: {
      z: 'G§4 TAX1 starts at 23.070 m [BEATCH]; 2 Cu blocks of 405 mm [HALO] (800 mm Cu [S])',
      size: 'G§4 COLL RECT 400 × 600 half-sizes centred at y = −29.7 [HALO] (interpretation uncertain)',
      hole: 'G§4 kaon-mode passage r ≥ 5.0 mm at y = −107.7 [HALO]',
    },
    note: 'Proton impact point in dump mode. 800 mm Cu + 2400 mm Fe, 19.6 λ_I in total [S].',
  },
  {
    id: 'tax1-fe', label: 'TAX1 Fe', group: 'beam line', z0: 23880, z1: 24685,
    shape: { kind: 'box', halfX: 400, halfY: 600, y: -29.7, hole: { kind: 'circle', r: 5.0, y: -107.7 } },
    material: 'Fe', colour: '#8a8c94',
    sources: { z: 'G§4 TAX1 end 24.685 m [BEATCH]; Fe 0.805 m [HALO]', size: 'G§4 [HALO]', hole: 'G§4 [HALO]' },
  },
  {
    id: 'tax2-fe', label: 'TAX2 Fe', group: 'beam line', z0: 24705, z1: 26320,
    shape: { kind: 'box', halfX: 400, halfY: 600, y: -34.3, hole: { kind: 'circle', r: 5.0, y: -112.3 } },
    material: 'Fe', colour: '#8a8c94',
    sources: { z: 'G§4 TAX2 24.705–26.320 m [BEATCH]', size: 'G§4 centred at y = −34.3 [HALO]', hole: 'G§4 r ≥ 5.0 mm at y = −112.3 [HALO]' },
  },
  {
    id: 'proton-impact', label: 'p impact', group: 'beam line', z0: 23070, z1: 23070,
    shape: { kind: 'marker', x: 0, y: -22 }, material: 'marker', colour: '#ff5a5a',
    sources: { position: 'A§1.2 (X0, Y0, Z) = (0, −22 mm, 23.070 m) [C-ALP ExpParameters.C]' },
    note: 'Proton beam line for CDA_TAX: through (0, −22 mm, 23.07 m) along z.',
  },
  {
    id: 'ktag', label: 'KTAG', group: 'beam tracking', z0: 70559, z1: 74906,
    shape: { kind: 'disc', rOuter: 279, hole: { kind: 'circle', r: 267 } }, material: 'gas', colour: '#a57fd8',
    sources: { z: 'G§5 gas vessel XCED101072 70.559–74.906 m [BEATCH]', radii: 'G§5 main vessel inner R 267, outer 279 mm [MC-Cedar]' },
    note: 'Differential Cherenkov counter (CEDAR) tagging the K+ in the 75 GeV/c beam.',
  },
  {
    id: 'gtk1', label: 'GTK1', group: 'beam tracking', z0: 79600, z1: 79600.2,
    shape: { kind: 'box', halfX: 30.4, halfY: 13.5 }, material: 'Si', colour: '#d1d9ff',
    sources: { z: 'G§6 79 600 mm [GA], [GTKPT]', size: 'G§6 active 60.8 × 27.0 mm², 200 µm Si [GTKPT]' },
  },
  {
    id: 'gtk2', label: 'GTK2', group: 'beam tracking', z0: 92800, z1: 92800.2,
    shape: { kind: 'box', halfX: 30.4, halfY: 13.5, y: -60 }, material: 'Si', colour: '#d1d9ff',
    sources: { z: 'G§6 92 800 mm [GA], [GTKPT]', size: 'G§6 active 60.8 × 27.0 mm² [GTKPT]', y: 'G§6 y = −60 mm [GTKPT]' },
  },
  {
    id: 'gtk3', label: 'GTK3', group: 'beam tracking', z0: 102400, z1: 102400.2,
    shape: { kind: 'box', halfX: 30.4, halfY: 13.5 }, material: 'Si', colour: '#d1d9ff',
    sources: { z: 'G§6 102 400 mm [GA], [GTKPT]', size: 'G§6 active 60.8 × 27.0 mm² [GTKPT]' },
  },
  {
    id: 'chanti', label: 'CHANTI', group: 'beam tracking', z0: 102428, z1: 102458,
    copiesZ0: [102428, 102486, 102601, 102831, 103291, 104211],
    shape: { kind: 'box', halfX: 150, halfY: 150, hole: { kind: 'rect', halfX: 47.5, halfY: 32.5 } },
    material: 'scintillator', colour: '#5fbf7f',
    sources: {
      z: 'G§7 six stations, 30 mm each [BEATCH]',
      size: 'G§7 300 × 300 mm square, 95 × 65 mm hole [MC-CHANTI]',
    },
  },
  {
    id: 'anti0', label: 'ANTI0', group: 'beam tracking', z0: 105000, z1: 105020,
    shape: { kind: 'disc', rOuter: 960, hole: { kind: 'circle', r: 165 } }, material: 'scintillator', colour: '#5fbf7f',
    sources: {
      z: 'G§8 z not retrieved: display default 105.0 m, upstream of the Fe end-cap [E] (A§1.1 suggests 102.5 m [E])',
      radius: 'G§8 same diameter as the vacuum tube, O = 1920 mm [A0P], [D]',
      hole: 'G§8 around the O = 318 mm pipe, r ≈ 160–170 mm [E]',
      thickness: '20 mm [E]',
    },
    note: 'Halo-muon veto installed in 2021 (ee dump analysis). Position and hole are display estimates.',
  },
  {
    id: 'vessel', label: 'decay vessel', group: 'vacuum', z0: 102400, z1: 219643,
    shape: {
      kind: 'tube', sections: [
        { z0: 102400, z1: 105095, rInner: 159, rOuter: 165 },
        { z0: 105095, z1: 105595, rInner: 159, rOuter: 974 },
        { z0: 105595, z1: 158560, rInner: 960, rOuter: 974 },
        { z0: 158560, z1: 182175, rInner: 1200, rOuter: 1216 },
        { z0: 182175, z1: 219385, rInner: 1400, rOuter: 1415 },
        { z0: 219385, z1: 219643, rInner: 1100, rOuter: 1115 },
      ],
    },
    material: 'steel-vessel', colour: '#858797',
    sources: {
      length: 'G§9 "GTK3 marks the beginning of a 117 m-long vacuum tank" [RICHP]; 102.4 m → RICH window 219.643 m [BEATCH]',
      radii: 'G§9 R 960 (to 974), 1200 (to 1216), 1400 (to 1415) mm [MC-LAV], [BEATCH]',
      'end-cap': 'G§3 Fe end-cap 105.095–105.595 m, gate valve O = 318 mm [BEATCH]',
      'pipe-wall': 'upstream pipe wall 6 mm, last section wall 15 mm [E]',
    },
    note: 'The "blue tube". The first 75–80 m are the fiducial volume. Local bulges at LAV and STRAW housings are not drawn.',
  },
  ...lavStations.slice(0, 8),
  ...strawChambers.slice(0, 2),
  {
    id: 'mnp33', label: 'MNP33', group: 'spectrometer', z0: 196345, z1: 197645,
    shape: { kind: 'magnet', halfX: 1915, halfY: 1915, apertureHalfX: 1515, apertureHalfY: 1515 },
    // muted violet, not the red of schematics: every track crosses the magnet, and red hid the positive ones there
    // (CIEDE2000 ≥ 20 from both charges' colours in every palette and theme: test/unit/palettes.test.ts)
    material: 'magnet', colour: '#8a6d9e',
    sources: {
      z: 'G§13 196.345–197.645 m [MC-Spectrometer], [BEATCH]',
      aperture: 'G§13 MC field box 3.03 × 3.03 m [D from MC-Spectrometer]',
      yoke: 'yoke thickness 400 mm [E]',
      field: 'G§13 B_y = +0.6928 T × 1.3 m, p_T kick −270 MeV/c for positive charges [MC-Spectrometer]',
    },
    note: 'Spectrometer dipole: B_y = +0.6928 T over 1.3 m; positive tracks kicked towards −x (Salève).',
  },
  ...lavStations.slice(8, 10),
  ...strawChambers.slice(2, 3),
  ...lavStations.slice(10, 11),
  ...strawChambers.slice(3, 4),
  {
    id: 'rich', label: 'RICH', group: 'particle ID', z0: 219600, z1: 237578,
    shape: {
      kind: 'tube', sections: [
        richSection(219600, 223080, 1940),
        richSection(223080, 226780, 1810),
        richSection(226780, 231700, 1676),
        richSection(231700, 237578, 1625),
      ],
    },
    material: 'neon', colour: '#e0c9b3',
    sources: {
      z: 'G§14 MC vessel 219.600–237.578 m [MC-RICH]',
      radii: 'G§14 sections 3.480, 3.700, 4.920, 4.903 m with inner R 1.94, 1.81, 1.676, 1.625 m [MC-RICH] (last section stretched to the vessel end)',
      axis: 'G§14 axis x = +34 mm at 219.445 m, +2 mm at 237.326 m [GA], [MC-RICH]',
      wall: 'wall 20 mm [E]',
    },
    note: 'Neon-filled Cherenkov counter, 17 m; mirrors at 236.873 m, 1952 PMTs.',
  },
  {
    id: 'muv0', label: 'MUV0', group: 'muon veto', z0: 237358, z1: 237378,
    shape: { kind: 'box', halfX: 700, halfY: 700, x: 2245 }, material: 'scintillator', colour: '#5fbf7f',
    sources: { z: 'G§16 front plane 237 358 mm, 20 mm scintillator [GA], [MC-MUV0]', size: 'G§16 1400 × 1400 mm at x = +2245 mm [MC-MUV0]' },
    note: 'Off-axis π− veto on the Jura side.',
    visibleByDefault: true,
  },
  {
    id: 'newchod', label: 'NewCHOD', group: 'particle ID', z0: 238100, z1: 238163,
    shape: { kind: 'disc', rOuter: 1070, hole: { kind: 'circle', r: 140 } }, material: 'scintillator', colour: '#5fbf7f',
    sources: { z: 'G§15 front 238 100, back 238 163 mm [GA], [MC-NewCHOD]', radii: 'G§15 140 < R < 1070 mm [MC-NewCHOD]' },
    note: 'Tile hodoscope (152 tiles), called "CHOD" in papers from 2019 on.',
  },
  ...lavStations.slice(11, 12),
  {
    id: 'chod', label: 'CHOD', group: 'particle ID', z0: 239009, z1: 239029, copiesZ0: [239009, 239389],
    shape: { kind: 'octagon', apothem: 1210, hole: { kind: 'circle', r: 128 } }, material: 'scintillator', colour: '#7ca290',
    sources: {
      z: 'G§15 V plane 239 009, H plane 239 389 mm, 20 mm each [GA], [MC-CHOD]',
      size: 'G§15 octagon 2420 mm, 128 < R < 1210 mm [MC-CHOD], [BEATCH]',
    },
    note: 'NA48 slab hodoscope ("CHOD" in the software, "NA48-CHOD" in recent papers).',
  },
  {
    id: 'irc', label: 'IRC', group: 'photon veto', z0: 239611.5, z1: 239900,
    shape: { kind: 'disc', rOuter: 145, hole: { kind: 'circle', r: 60, x: 12 } }, material: 'Pb-scintillator', colour: '#b48ad8',
    sources: { z: 'G§17 MC front 239 611.5 mm, modules to ≈ 239.90 m [MC-IRC]', radii: 'G§17 60 < R < 145 mm, hole displaced +12 mm in x [MC-IRC]' },
  },
  {
    id: 'lkr-cryostat', label: 'LKr cryostat', group: 'calorimetry', z0: 240410, z1: 243200,
    shape: { kind: 'disc', rOuter: 1737, hole: { kind: 'circle', r: 83 } }, material: 'steel-vessel', colour: '#8c8f96',
    sources: { z: 'G§18 warm windows about 240.41 and 243.20 m [BEATCH]', radius: 'G§18 outer vessel R ≈ 1737 mm [MC-LKr]', hole: 'G§18 beam pipe R 80/83 mm [MC-LKr]' },
    visibleByDefault: false,
  },
  {
    id: 'lkr', label: 'LKr', group: 'calorimetry', z0: 241093, z1: 242503,
    shape: { kind: 'octagon', apothem: 1243.5, hole: { kind: 'circle', r: 80 } }, material: 'LKr', colour: '#a5ac71',
    sources: {
      z: 'G§18 front 241 093, back 242 503 mm [GA], [BEATCH]',
      size: 'G§18 cell-grid edge ±1243.5 mm, octagonal [RECO-LKr]',
      hole: 'G§18 beam pipe R 80 mm [MC-LKr]',
    },
    note: 'Quasi-homogeneous liquid-krypton calorimeter, 27 X₀, 19.74 mm cells. Analysis octagon apothem 1130 mm, R > 150 mm.',
  },
  {
    id: 'muv1', label: 'MUV1', group: 'calorimetry', z0: 243418, z1: 244337.2,
    shape: { kind: 'box', halfX: 1365, halfY: 1315, hole: { kind: 'circle', r: 108 } }, material: 'Fe', colour: '#9b8f7a',
    sources: { z: 'G§19 front 243 418 mm [GA], length 919.2 mm [MC]', size: 'G§19 Fe plates 2730 × 2630 mm [MC]', hole: 'G§19 Ø 216 mm [MC]' },
    note: 'Hadron calorimeter (iron/scintillator).',
  },
  {
    id: 'muv2', label: 'MUV2', group: 'calorimetry', z0: 244435, z1: 245315,
    shape: { kind: 'box', halfX: 1350, halfY: 1350, hole: { kind: 'circle', r: 106 } }, material: 'Fe', colour: '#8f846f',
    sources: { z: 'G§19 front 244 435 mm [GA], length ≈ 880 mm [MC]', size: 'G§19 2700 × 2700 mm [MC]', hole: 'G§19 Ø 212 mm [MC]' },
    note: 'The NA48 hadron calorimeter front module.',
  },
  {
    id: 'iron-wall', label: 'iron wall', group: 'muon veto', z0: 245900, z1: 246700,
    shape: { kind: 'box', halfX: 1400, halfY: 1400, hole: { kind: 'circle', r: 101 } }, material: 'Fe', colour: '#727276',
    sources: { z: 'G§20 245 900–246 700 mm, 800 mm [MC-MUV3], [BEATCH]; "80 cm thick iron wall" [S]', size: 'G§20 2800 × 2800 mm, hole R 101 mm [MC-MUV3]' },
  },
  {
    id: 'muv3', label: 'MUV3', group: 'muon veto', z0: MUV3_Z0, z1: MUV3_Z1,
    shape: { kind: 'muv3' }, material: 'scintillator', colour: '#8ab79e',
    sources: { z: 'G§20 246 800–246 850 mm [MC-MUV3], [GA]', tiles: 'G§20 148 tiles: 140 of 220 mm + 8 of 146.67 mm, 0.8 mm gap at x = 0 [MC-MUV3]' },
    note: 'Fast muon veto behind the iron wall; 2 PMTs per tile.',
  },
  {
    id: 'beam-pipe', label: 'beam pipe', group: 'vacuum', z0: 219600, z1: 261000,
    shape: {
      kind: 'tube', sections: [
        { z0: 219600, z1: 239550, rInner: 84, rOuter: 85 },
        { z0: 239550, z1: 239950, rInner: 60, rOuter: 64.5, x: 12 },
        { z0: 239950, z1: 243250, rInner: 80, rOuter: 83 },
        { z0: 243250, z1: 248000, rInner: 92.5, rOuter: 98.5 },
        { z0: 248000, z1: 261000, rInner: 159, rOuter: 162, x: -40 },
      ],
    },
    material: 'Al', colour: '#c4c5cc',
    sources: {
      radii: 'G§9 R 84/85 (RICH–CHOD), O 120–129 at x +12 (IRC), R 80/83 (LKr), R 92.5/98.5 (MUV1–3), R 159/162 at x = −40 mm (HAC/SAC) [MC-RICH], [MC-IRC], [MC-LKr], [MC-MUV], [MC-SAC]',
      z: 'G§9 from the Al beam tube at the RICH entrance, 219.600 m [BEATCH], to the SAC at 261.0 m [BEATCH]; z of the transitions between sections [E]',
    },
  },
  {
    id: 'sac', label: 'SAC', group: 'photon veto', z0: 260956, z1: 261166,
    shape: { kind: 'box', halfX: 102.5, halfY: 102.5 }, material: 'Pb-scintillator', colour: '#b48ad8',
    sources: { z: 'G§17 front 260 956 mm [GA], [MC-SAC]; 70 layers × 3 mm = 210 mm [MC]', size: 'G§17 205 × 205 mm [MC-SAC]' },
    note: 'Small-angle calorimeter on the undeflected axis.',
  },
  {
    id: 'beam-dump', label: 'beam dump', group: 'beam line', z0: 265000, z1: 267800,
    shape: { kind: 'box', halfX: 1200, halfY: 1200 }, material: 'concrete', colour: '#6b6b6b',
    sources: { z: 'G§21 265.000–267.800 m [BEATCH]', size: 'G§21 2.4 m × 2.4 m [BEATCH]' },
    visibleByDefault: false,
  },
];

export const NA62_DETECTOR: DetectorDescription = {
  version: GEOMETRY_VERSION,
  frame: 'NA62: origin at the T10 target centre, z downstream along the beam, y up, +x towards Jura; mm',
  elements: NA62_ELEMENTS,
};

export function findElement(id: string, detector: DetectorDescription = NA62_DETECTOR): DetectorElement | undefined {
  return detector.elements.find((e) => e.id === id);
}
