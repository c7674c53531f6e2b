/** The real ROOT test files (../shared/data/root/, scikit-hep-testdata) and mappings that fit them. */
import path from 'node:path';
import type { RootMappingInput } from '../../src-shared/root/mapping';

export const ROOT_DATA = path.resolve(__dirname, '../../../shared/data/root');

/**
 * Zμμ: each entry is one muon pair (GeV, collider frame). The tree has no positions, so the mapping
 * states an assumed vertex on the NA62 beam axis at z = 150 m (in the decay volume): both tracks
 * start there, and only the momenta matter for the mass.
 */
export const ZMUMU_MAPPING: RootMappingInput = {
  format: 'na62-root-mapping', version: 1, name: 'zmumu-two-muons', tree: 'events', kind: 'data', mode: 'dump',
  units: { momentum: 'GeV', energy: 'GeV', length: 'mm', time: 'ns' },
  header: { run: 'Run', event: 'Event' },
  vertex: { x: 0, y: 0, z: 150_000 },
  tracks: [
    { label: 'muon 1', charge: 'Q1', px: 'px1', py: 'py1', pz: 'pz1' },
    { label: 'muon 2', charge: 'Q2', px: 'px2', py: 'py2', pz: 'pz2' },
  ],
};

/** H → ZZ → 4ℓ: muons and electrons (counted arrays) are both tracks. */
export const HZZ_MAPPING: RootMappingInput = {
  format: 'na62-root-mapping', version: 1, name: 'hzz-leptons', tree: 'events', kind: 'simulation', mode: 'dump',
  units: { momentum: 'GeV', energy: 'GeV', length: 'mm', time: 'ns' },
  header: { weight: 'EventWeight' },
  vertex: { x: 0, y: 0, z: 150_000 },
  tracks: [
    { label: 'muons', charge: 'Muon_Charge', px: 'Muon_Px', py: 'Muon_Py', pz: 'Muon_Pz' },
    { label: 'electrons', charge: 'Electron_Charge', px: 'Electron_Px', py: 'Electron_Py', pz: 'Electron_Pz' },
  ],
};

