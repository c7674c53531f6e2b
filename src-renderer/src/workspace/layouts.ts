/**
 * The built-in layouts of the workspace (issue 17), as dockview placements. An NA62 physicist
 * inspecting a candidate wants the two projections and a beam's-eye cut at once: "inspect" is the
 * default; "3d" puts the orbit view first (a side view waits behind it as a tab); "analysis" puts the
 * plots and the candidate table beside one view; "single" is one big view (the layout of the
 * e2e tests, `?layout=single`).
 */
import type { DockviewApi } from 'dockview-react';
import type { PanelKind } from '../../../src-shared/workspace/layout-file';
import type { ViewMode } from '../display/types';

export const BUILT_IN_LAYOUTS = ['inspect', '3d', 'analysis', 'single'] as const;
export type BuiltInLayout = (typeof BUILT_IN_LAYOUTS)[number];
export const isBuiltInLayout = (x: unknown): x is BuiltInLayout => typeof x === 'string' && (BUILT_IN_LAYOUTS as readonly string[]).includes(x);

export const LAYOUT_LABELS: Record<BuiltInLayout, string> = { inspect: 'Inspect', '3d': '3D', analysis: 'Analysis', single: 'One view' };
export const LAYOUT_TITLES: Record<BuiltInLayout, string> = {
  inspect: "side + top + beam's eye + info",
  '3d': 'the 3D view (a side view behind it as a tab), info and candidates',
  analysis: 'the plots, the candidate table and a side view',
  single: 'one view; controls, candidates and info in the left column',
};

/** What a view panel starts as (its params in the layout). */
export interface ViewParams { readonly mode: ViewMode; readonly beamStation?: string }

export const VIEW_TITLES: Record<ViewMode, string> = { side: 'Side z–y', top: 'Top z–x', beam: "Beam's eye x–y", '3d': '3D' };
export const PANEL_TITLES: Record<Exclude<PanelKind, 'view'>, string> = { controls: 'Controls', candidates: 'Candidates', info: 'Event & element', analysis: 'Analysis plots' };

type Position = { referencePanel: string; direction: 'right' | 'left' | 'above' | 'below' | 'within' } | { direction: 'right' | 'left' | 'above' | 'below' };
interface Placement { id: string; kind: PanelKind; params?: ViewParams; position?: Position; width?: number; height?: number; inactive?: boolean }

const CONTROLS: Placement = { id: 'controls', kind: 'controls' };
const PLACEMENTS: Record<BuiltInLayout, (w: number, h: number) => Placement[]> = {
  inspect: (w, h) => [
    CONTROLS,
    { id: 'view-side', kind: 'view', params: { mode: 'side' }, position: { referencePanel: 'controls', direction: 'right' } },
    { id: 'view-beam', kind: 'view', params: { mode: 'beam', beamStation: 'straw1' }, position: { direction: 'right' }, width: Math.round(w * 0.27) },
    { id: 'info', kind: 'info', position: { referencePanel: 'view-beam', direction: 'below' }, height: Math.round(h * 0.5) },
    { id: 'candidates', kind: 'candidates', position: { referencePanel: 'info', direction: 'within' }, inactive: true },
    { id: 'view-top', kind: 'view', params: { mode: 'top' }, position: { referencePanel: 'view-side', direction: 'below' } },
  ],
  '3d': (w) => [
    CONTROLS,
    { id: 'view-3d', kind: 'view', params: { mode: '3d' }, position: { referencePanel: 'controls', direction: 'right' } },
    { id: 'view-side', kind: 'view', params: { mode: 'side' }, position: { referencePanel: 'view-3d', direction: 'within' }, inactive: true },
    { id: 'info', kind: 'info', position: { direction: 'right' }, width: Math.round(w * 0.22) },
    { id: 'candidates', kind: 'candidates', position: { referencePanel: 'info', direction: 'below' } },
  ],
  analysis: (w, h) => [
    CONTROLS,
    { id: 'analysis', kind: 'analysis', position: { referencePanel: 'controls', direction: 'right' } },
    { id: 'view-side', kind: 'view', params: { mode: 'side' }, position: { direction: 'right' }, width: Math.round(w * 0.4) },
    { id: 'candidates', kind: 'candidates', position: { referencePanel: 'view-side', direction: 'below' }, height: Math.round(h * 0.45) },
  ],
  // the app's arrangement before issue 17: the left column (controls, candidates, info) and one view
  single: (_w, h) => [
    CONTROLS,
    { id: 'view-main', kind: 'view', position: { referencePanel: 'controls', direction: 'right' } },
    { id: 'candidates', kind: 'candidates', position: { referencePanel: 'controls', direction: 'below' }, height: Math.round(h * 0.26) },
    { id: 'info', kind: 'info', position: { referencePanel: 'candidates', direction: 'below' }, height: Math.round(h * 0.18) },
  ],
};

/** Width of the control column, px (the left column of the app before issue 17). */
export const CONTROLS_WIDTH = 300;

export function titleOf(kind: PanelKind, params?: ViewParams): string {
  return kind === 'view' ? VIEW_TITLES[params?.mode ?? 'side'] : PANEL_TITLES[kind];
}

/**
 * Lay a built-in layout out in an (empty or not) dock. A `single` view without a mode takes the
 * window's last mode (the view store's, which the e2e tests seed).
 */
export function applyBuiltInLayout(dock: DockviewApi, layout: BuiltInLayout, defaultMode: ViewMode): void {
  dock.clear();
  const w = Math.max(dock.width, 800), h = Math.max(dock.height, 500);
  const placements = PLACEMENTS[layout](w, h);
  for (const p of placements) {
    const params = p.kind === 'view' ? (p.params ?? { mode: defaultMode }) : undefined;
    dock.addPanel({
      id: p.id, component: p.kind, title: titleOf(p.kind, params), ...(params ? { params } : {}),
      ...(p.position ? { position: p.position } : {}),
      ...(p.width ? { initialWidth: p.width } : {}), ...(p.height ? { initialHeight: p.height } : {}),
      ...(p.inactive ? { inactive: true } : {}),
    });
  }
  // the sizes asked for, once every panel is placed (a later split shares out the earlier sizes)
  for (const p of placements) {
    if (p.width || p.height) dock.getPanel(p.id)?.group.api.setSize({ ...(p.width ? { width: p.width } : {}), ...(p.height ? { height: p.height } : {}) });
  }
  dock.getPanel('controls')?.group.api.setSize({ width: CONTROLS_WIDTH });
}
