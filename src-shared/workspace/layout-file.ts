/**
 * A workspace (issue 17): the tiling of panels (dockview's own serialised form) and each view's pose
 * (mode, beam's-eye station, camera), by view panel id. Kept in the session (the layout on screen and
 * the user's saved layouts) and exported/imported as a `.na62layout` file. Everything read back is
 * validated here: a bad file gets a message naming it and what is wrong, never a crash.
 */
import { z } from 'zod';
import { parseJsonFile } from '../io/json-file';

export const LAYOUT_FORMAT = 'na62-layout';
export const LAYOUT_VERSION = 1;
export const LAYOUT_EXTENSION = '.na62layout';
export const MAX_LAYOUT_BYTES = 256 * 1024;

/** The kinds of panel a workspace can hold (the renderer has a component for each). */
export const PANEL_KINDS = ['view', 'controls', 'candidates', 'info', 'analysis'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

const Finite = z.number().finite();
const Id = z.string().min(1).max(60).regex(/^[\w.-]+$/, 'only letters, digits, _ . -');
const ViewMode = z.enum(['3d', 'side', 'top', 'beam']);

export const CameraPoseSchema = z.object({
  mode: ViewMode,
  position: z.tuple([Finite, Finite, Finite]),
  target: z.tuple([Finite, Finite, Finite]),
  up: z.tuple([Finite, Finite, Finite]),
  zoom: Finite.positive(),
}).strict();

export const ViewPoseSchema = z.object({
  mode: ViewMode,
  beamStation: z.string().max(60),
  camera: CameraPoseSchema.optional(),
}).strict();
export type ViewPoseData = z.output<typeof ViewPoseSchema>;

/** A leaf of dockview's grid: a group of tabbed panels. */
const LeafSchema = z.object({
  type: z.literal('leaf'),
  size: Finite.nonnegative(),
  visible: z.boolean().optional(),
  data: z.object({ id: z.string().max(60), views: z.array(Id).min(1).max(20), activeView: Id.optional() }).loose(),
}).loose();
type GridNode = z.output<typeof LeafSchema> | { type: 'branch'; size: number; visible?: boolean | undefined; data: GridNode[] };
const NodeSchema: z.ZodType<GridNode> = z.lazy(() => z.union([
  LeafSchema,
  z.object({ type: z.literal('branch'), size: Finite.nonnegative(), visible: z.boolean().optional(), data: z.array(NodeSchema).min(1).max(20) }).loose(),
])) as z.ZodType<GridNode>;

const DockPanelSchema = z.object({
  id: Id,
  contentComponent: z.enum(PANEL_KINDS),
  title: z.string().max(80).optional(),
  params: z.record(z.string().max(40), z.unknown()).optional(),
}).loose();

/** dockview's `toJSON()`, as far as this app needs it checked before `fromJSON()` sees it. */
export const DockLayoutSchema = z.object({
  grid: z.object({
    root: NodeSchema,
    width: Finite.nonnegative(),
    height: Finite.nonnegative(),
    orientation: z.enum(['HORIZONTAL', 'VERTICAL']),
  }).loose(),
  panels: z.record(Id, DockPanelSchema).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 40, 'between 1 and 40 panels'),
  activeGroup: z.string().max(60).optional(),
}).loose();
export type DockLayoutData = z.output<typeof DockLayoutSchema>;

function leafPanels(n: GridNode, out: string[] = []): string[] {
  if (n.type === 'leaf') out.push(...n.data.views);
  else for (const c of n.data) leafPanels(c, out);
  return out;
}

export const WorkspaceSchema = z.object({
  name: z.string().min(1).max(60),
  dock: DockLayoutSchema,
  views: z.record(Id, ViewPoseSchema),
}).strict().superRefine((w, ctx) => {
  const panels = w.dock.panels;
  for (const [key, p] of Object.entries(panels)) {
    if (p.id !== key) ctx.addIssue({ code: 'custom', path: ['dock', 'panels', key, 'id'], message: `panel "${key}" calls itself "${p.id}"` });
  }
  const placed = leafPanels(w.dock.grid.root);
  for (const id of placed) if (!panels[id]) ctx.addIssue({ code: 'custom', path: ['dock', 'grid'], message: `the grid places a panel "${id}" the layout does not define` });
  for (const id of Object.keys(panels)) if (!placed.includes(id)) ctx.addIssue({ code: 'custom', path: ['dock', 'panels', id], message: `panel "${id}" is not placed in the grid` });
  if (new Set(placed).size !== placed.length) ctx.addIssue({ code: 'custom', path: ['dock', 'grid'], message: 'a panel is placed twice' });
  for (const id of Object.keys(w.views)) if (panels[id]?.contentComponent !== 'view') ctx.addIssue({ code: 'custom', path: ['views', id], message: `"${id}" is not a view panel of the layout` });
});
export type WorkspaceData = z.output<typeof WorkspaceSchema>;

/** What the session keeps: the workspace on screen and the user's saved layouts. */
export const SessionWorkspaceSchema = z.object({
  current: WorkspaceSchema,
  saved: z.array(WorkspaceSchema).max(30),
}).strict();
export type SessionWorkspace = z.output<typeof SessionWorkspaceSchema>;

export const LayoutFileSchema = z.object({
  format: z.literal(LAYOUT_FORMAT),
  version: z.literal(LAYOUT_VERSION),
  layout: WorkspaceSchema,
}).strict();

/** The text of a `.na62layout` file. */
export function layoutFileText(w: WorkspaceData): string {
  return `${JSON.stringify({ format: LAYOUT_FORMAT, version: LAYOUT_VERSION, layout: w }, null, 1)}\n`;
}

/** Read a `.na62layout` file; a message naming the file and the problem otherwise (never throws). */
export function parseLayoutFile(text: string, fileName: string): { workspace: WorkspaceData } | { problem: string } {
  const got = parseJsonFile(text, fileName, LayoutFileSchema, 'an NA62 layout', MAX_LAYOUT_BYTES);
  return 'value' in got ? { workspace: got.value.layout } : got;
}
