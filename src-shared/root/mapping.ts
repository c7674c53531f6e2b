/**
 * The ROOT import mapping: which tree, and which branches (or simple expressions of branches)
 * make each field of the event model. Versioned JSON, validated with this schema wherever it
 * enters (the CLI's --map file, the app's import dialog, API requests). Units are explicit: the
 * expressions give numbers in the file's units (`units`), the importer converts them to mm, MeV, ns.
 *
 * A value is a number (a constant in the stated units) or an expression over branch names:
 * `px1`, `Muon_Px * 1000`, `sqrt(px*px + py*py)`, `Pos[2]`, `entry` (the entry number).
 * In a collection (tracks, clusters, hits) an array branch (counted `X[N]`, fixed `X[3]` or a
 * `std::vector`) gives one element per array entry; scalar branches give one element per entry.
 */
import { z } from 'zod';

export const MAPPING_FORMAT = 'na62-root-mapping';
/** Bumped on any incompatible change of the mapping; older versions are refused with the reason. */
export const MAPPING_VERSION = 1;

const Expr = z.union([
  z.number().finite(),
  z.string().trim().min(1, 'empty expression').max(500, 'expression longer than 500 characters'),
]);
export type MappingValue = z.infer<typeof Expr>;

const Units = z.object({
  momentum: z.enum(['MeV', 'GeV']).describe('momenta (MeV/c or GeV/c)'),
  energy: z.enum(['MeV', 'GeV']).describe('energies (LKr clusters)'),
  length: z.enum(['mm', 'cm', 'm']).describe('positions and the reference z'),
  time: z.enum(['ns', 'ps', 'us']).describe('times'),
}).strict();
export type MappingUnits = z.infer<typeof Units>;

/** One source of tracks (several make the track list of an event, in order). */
const TrackGroup = z.object({
  /** a label for messages and the dialog, e.g. "muons" */
  label: z.string().max(60).optional(),
  charge: Expr,
  /** momentum vector before the magnet… */
  px: Expr.optional(), py: Expr.optional(), pz: Expr.optional(),
  /** …or its magnitude with the slopes dx/dz, dy/dz */
  p: Expr.optional(), dxdz: Expr.optional(), dydz: Expr.optional(),
  /** position on the track at the reference plane z = `z` (length units); without it tracks start at the vertex */
  x: Expr.optional(), y: Expr.optional(), z: z.number().finite().optional(),
  time: Expr.optional(),
  chi2: Expr.optional(),
  nChambers: Expr.optional(),
  /** slopes after MNP33; without them they follow from the magnet's p_T kick */
  dxdzAfter: Expr.optional(), dydzAfter: Expr.optional(),
}).strict()
  .refine((t) => (t.px !== undefined && t.py !== undefined && t.pz !== undefined) || (t.p !== undefined && t.dxdz !== undefined && t.dydz !== undefined),
    'a track needs px, py, pz or p with dxdz, dydz')
  .refine((t) => (t.x === undefined) === (t.y === undefined) && (t.x === undefined || t.z !== undefined),
    'a track position needs x, y and the reference z');
export type TrackMapping = z.infer<typeof TrackGroup>;

const Point = z.object({ x: Expr, y: Expr, z: Expr }).strict();
const Cluster = z.object({ label: z.string().max(60).optional(), x: Expr, y: Expr, energy: Expr, time: Expr.optional() }).strict();
const Muv3 = z.object({ label: z.string().max(60).optional(), tile: Expr, time: Expr.optional() }).strict();
const NewChod = z.object({ label: z.string().max(60).optional(), x: Expr, y: Expr, time: Expr.optional() }).strict();
const Kaon = z.object({ px: Expr, py: Expr, pz: Expr, x: Expr.optional(), y: Expr.optional(), gtkTime: Expr.optional(), ktagTime: Expr.optional() }).strict();

export const MappingSchema = z.object({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(MAPPING_VERSION),
  /** shown in the file's metadata, e.g. "na62analysis-dimuon" */
  name: z.string().min(1).max(100),
  description: z.string().max(2000).optional(),
  tree: z.string().min(1).max(300),
  /** data or simulation: asked, never guessed (blinding depends on it) */
  kind: z.enum(['data', 'simulation']),
  mode: z.enum(['dump', 'kaon']),
  units: Units,
  header: z.object({
    run: Expr.optional(), burst: Expr.optional(), event: Expr.optional(), weight: Expr.optional(),
    timeInSpill: Expr.optional(),
    /** a process label for every event (default: the kind) */
    process: z.string().max(60).optional(),
  }).strict().default({}),
  /** the decay vertex (length units): where tracks without a position start */
  vertex: Point.optional(),
  tracks: z.array(TrackGroup).min(1, 'map at least one track source').max(16),
  lkrClusters: z.array(Cluster).max(8).optional(),
  muv3Hits: z.array(Muv3).max(8).optional(),
  newchodHits: z.array(NewChod).max(8).optional(),
  beamKaon: Kaon.optional(),
}).strict()
  .refine((m) => m.vertex !== undefined || m.tracks.every((t) => t.x !== undefined), {
    message: 'tracks without a position (x, y at a stated z) need a stated vertex to start from', path: ['vertex'],
  });
export type RootMapping = z.infer<typeof MappingSchema>;
export type RootMappingInput = z.input<typeof MappingSchema>;

/** What the importer could not fill from the tree: recorded in the file, shown by the display and the CLI. */
export const ABSENT_NOTES = {
  trackPosition: 'no track positions: tracks start at the stated vertex',
  trackTime: 'no track times (NaN): timing cuts fail',
  trackChi2: 'no track χ² (NaN)',
  trackChambers: 'no STRAW chamber counts (0)',
  slopesAfterMagnet: 'slopes after MNP33 computed from the 270 MeV/c p_T kick',
  lkrClusters: 'no LKr clusters: no E/p (0), no electron ID',
  muv3Hits: 'no MUV3 hits: no μ ID',
  newchodHits: 'no NewCHOD hits',
  lavHits: 'no LAV hits: the LAV veto sees nothing',
  anti0Hits: 'no ANTI0 hits: the ANTI0 veto sees nothing',
  beamKaon: 'no beam kaon (GTK/KTAG)',
} as const;
export type AbsentKey = keyof typeof ABSENT_NOTES;

/** Readable one-liner of mapping schema problems, with where each is. */
export function describeMappingIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'mapping'}: ${i.message}`).join('; ');
}

/** Parse mapping JSON text; throws an Error naming `source` and each problem. */
export function parseMappingText(text: string, source: string): RootMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseMapping(json, source);
}

export function parseMapping(json: unknown, source: string): RootMapping {
  const v = (json as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v > MAPPING_VERSION) throw new Error(`${source}: mapping version ${v} is newer than this app reads (${MAPPING_VERSION})`);
  const r = MappingSchema.safeParse(json);
  if (!r.success) throw new Error(`${source}: invalid mapping: ${describeMappingIssues(r.error)}`);
  return r.data;
}
