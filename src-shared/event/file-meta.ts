/**
 * What an event file says about itself (Arrow schema metadata, key "na62", JSON): the format and
 * its version, the geometry version, and the generator with its parameters when it is simulation.
 */
import { z } from 'zod';

export const FORMAT_NAME = 'na62-event-display';
/** Bumped on any incompatible change of the columns; readers refuse newer versions. */
export const FORMAT_VERSION = 1;
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
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  geometryVersion: z.string().max(100),
  numEvents: z.number().int().nonnegative(),
  batchSize: z.number().int().positive().max(1_000_000),
  strawHits: z.boolean(),
  truth: z.boolean(),
  /** "simulation" or "data" */
  kind: z.enum(['simulation', 'data']),
  generator: GeneratorInfoSchema.nullable(),
  /**
   * Simulation that stands in for data (the built-in demo, \`na62 generate --mock-data\`): blind like
   * data. Pure simulation without it is not blind. Only the file says so; the app cannot flip it.
   */
  mockData: z.boolean().optional(),
  description: z.string().max(2000).optional(),
  /** files imported from elsewhere (ROOT): where they came from */
  source: SourceInfoSchema.optional(),
});
export type FileMeta = z.infer<typeof FileMetaSchema>;
