/**
 * What an event file says about itself (Arrow schema metadata, key "na62", JSON): the format and
 * its version, the geometry version, and the generator with its parameters when it is simulation.
 */
import { z } from 'zod';

export const FORMAT_NAME = 'na62-event-display';
/**
 * Bumped on any incompatible change of the columns; readers refuse newer versions.
 * 2: snake_case column names, units and descriptions in the field metadata, nulls for missing
 * values (decay_prob, kaon_*), mode as a string, the checksum column optional.
 * 3: the checksums move from a per-event column to a CRC-32 per column buffer per record batch
 * (each batch message's custom metadata "na62.crc32"), so a reader verifies exactly what it reads.
 */
export const FORMAT_VERSION = 3;
/** The oldest version this app still reads. */
export const OLDEST_VERSION = 1;
export const META_KEY = 'na62';

export const GeneratorInfoSchema = z.object({
  name: z.string().max(100),
  version: z.string().max(50),
  seed: z.number().int(),
  mode: z.enum(['dump', 'kaon']),
  /** process label → events generated */
  processes: z.record(z.string().max(60), z.number().int().nonnegative()),
  /** physics parameters: mass (MeV), coupling ε, lifetime cτ (mm), … */
  params: z.record(z.string().max(60), z.union([z.number(), z.string().max(200)])),
});
export type GeneratorInfo = z.infer<typeof GeneratorInfoSchema>;

/** Where an imported file came from (ROOT import): the source file, tree, mapping, and what was absent. */
export const SourceInfoSchema = z.object({
  /** the source file's name (no folders); several files imported as one chain: their names, comma-separated */
  file: z.string().max(2000),
  tree: z.string().max(300),
  entries: z.number().int().nonnegative(),
  mapping: z.object({ name: z.string().max(100), version: z.number().int().positive(), sha256: z.string().max(80) }),
  /** what the tree did not have (keys of ABSENT_NOTES in src-shared/root/mapping.ts) */
  absent: z.array(z.string().max(40)).max(40),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const FileMetaSchema = z.object({
  format: z.literal(FORMAT_NAME).describe('always "na62-event-display"'),
  formatVersion: z.number().int().positive().describe('the version of the layout: 3 (1 and 2 are still read)'),
  geometryVersion: z.string().max(100).describe('the detector geometry the events were made or reconstructed with'),
  numEvents: z.number().int().nonnegative().describe('rows in the file'),
  batchSize: z.number().int().positive().max(1_000_000).describe('rows per record batch: every batch holds batchSize rows, the last one the rest; ceil(numEvents / batchSize) batches (one, empty, when numEvents is 0)'),
  strawHits: z.boolean().describe('whether the straw_hits column is present'),
  truth: z.boolean().describe('whether the truth column is present'),
  chodHits: z.boolean().optional().describe('whether the chod_hits column (NA48-CHOD slab hits) is present; absent: no'),
  /** "simulation" or "data" */
  kind: z.enum(['simulation', 'data']).describe('simulation (MC) or data'),
  generator: GeneratorInfoSchema.nullable().describe('the generator and its settings (simulation), null for data'),
  /**
   * Simulation that stands in for data (the built-in demo, `na62 generate --mock-data`): blind like
   * data. Pure simulation without it is not blind. Only the file says so; the app cannot flip it.
   */
  mockData: z.boolean().optional().describe('simulation standing in for data: blind like data (the demo, na62 generate --mock-data)'),
  description: z.string().max(2000).optional().describe('free text'),
  /** files imported from elsewhere (ROOT): where they came from */
  source: SourceInfoSchema.optional().describe('where an imported file came from (ROOT file, tree, mapping)'),
});
export type FileMeta = z.infer<typeof FileMetaSchema>;
