/** What each command of the shared registry does in the renderer. */
import type { CommandId } from '../../../src-shared/commands';
import type { DetectorModel } from '../geometry/detector-model';
import { first, last, step, type ShowEvent } from '../state/navigation';
import type { AppStores } from '../state/app-stores';
import { addView, chooseLayout } from '../workspace/workspace-store';
import { applyConstructionPreset } from '../state/construction-preset';

/** Elements a beam's-eye view can look at, upstream to downstream (planes and stations, not long tubes). */
export function beamStations(model: DetectorModel): string[] {
  return model.elements
    .filter((e) => !['axis', 'marker', 'tube'].includes(e.element.shape.kind))
    .sort((a, b) => a.element.z0 - b.element.z0)
    .map((e) => e.element.id);
}

export interface CommandContext {
  model: DetectorModel | undefined;
  savePng: () => void;
  openFile: () => void;
  openGenerate: () => void;
  /** the picture export dialog */
  openExport?: () => void;
  /** the command palette (Ctrl+K) */
  openPalette?: () => void;
  /** share a view: save it as a file, open one, copy a link */
  saveView?: () => void;
  openView?: () => void;
  copyViewLink?: () => void;
  /** shows an event by index (stepping) */
  showEvent: ShowEvent;
  /** a line for the status bar (a layout that could not be applied) */
  onMessage?: (message: string) => void;
  /** the window's stores the commands act on */
  stores: AppStores;
  /** the view's size in CSS px (presets that frame for it) */
  viewport?: () => { width: number; height: number } | undefined;
}

export function runCommand(id: CommandId, ctx: CommandContext): void {
  const stores = ctx.stores;
  const s = stores.view.getState();
  switch (id) {
    case 'view.3d': return s.setMode('3d');
    case 'view.side': return s.setMode('side');
    case 'view.top': return s.setMode('top');
    case 'view.beam': return s.setMode('beam');
    case 'view.fit': return s.requestFit();
    case 'view.compressMore': return s.stepCompression(1);
    case 'view.compressLess': return s.stepCompression(-1);
    case 'view.compressReset': return s.setCompression(1);
    case 'view.construction': { const problem = applyConstructionPreset(stores, ctx.viewport?.()); if (problem) ctx.onMessage?.(problem); return; }
    case 'view.toggleLabels': return s.toggleLabels();
    case 'view.toggleTheme': return s.toggleTheme();
    case 'view.cycleAntialias': return s.cycleAntialias();
    case 'view.toggleAnalysis': stores.analysis.setState((x) => ({ open: !x.open })); return;
    // the passive detector's look is the 3D view's: the command shows it there
    case 'view.toggleXRay': stores.scene3d.getState().cycleXRay(); if (s.mode !== '3d') s.setMode('3d'); return;
    case 'view.toggleCutAway': stores.scene3d.getState().toggleCutAway(); if (s.mode !== '3d') s.setMode('3d'); return;
    case 'view.nextStation':
    case 'view.prevStation': {
      if (!ctx.model) return;
      const list = beamStations(ctx.model);
      const i = list.indexOf(s.beamStation);
      const next = list[Math.min(list.length - 1, Math.max(0, i + (id === 'view.nextStation' ? 1 : -1)))];
      if (next) s.setBeamStation(next);
      if (s.mode !== 'beam') s.setMode('beam');
      return;
    }
    case 'file.savePng': return ctx.savePng();
    case 'file.open': return ctx.openFile();
    case 'file.generate': return ctx.openGenerate();
    case 'file.exportPictures': return ctx.openExport?.();
    case 'file.saveView': return ctx.saveView?.();
    case 'file.openView': return ctx.openView?.();
    case 'file.copyViewLink': return ctx.copyViewLink?.();
    case 'event.next': return void step(stores, ctx.showEvent, 1);
    case 'event.prev': return void step(stores, ctx.showEvent, -1);
    case 'event.first': return void first(stores, ctx.showEvent);
    case 'event.last': return void last(stores, ctx.showEvent);
    case 'event.autoplay': return stores.autoplay.getState().toggle();
    case 'event.fit': return stores.view.getState().frameEvent();
    case 'event.dropPick': return stores.eventDisplay.getState().pick(undefined);
    case 'event.toggleTruth': return stores.data.setState((d) => ({ showTruth: !d.showTruth }));
    case 'help.shortcuts': return s.setHelpOpen(!s.helpOpen);
    case 'help.palette': return ctx.openPalette?.();
    case 'layout.inspect': case 'layout.3d': case 'layout.analysis': case 'layout.single': {
      const layout = id.slice('layout.'.length);
      if (layout === 'analysis') stores.analysis.setState({ open: true });
      const problem = chooseLayout(stores, layout);
      if (problem) ctx.onMessage?.(problem);
      return;
    }
    case 'layout.addView': { const problem = addView(stores); if (problem) ctx.onMessage?.(problem); return; }
    case 'layout.saveAs': case 'layout.export': case 'layout.import':
      stores.workspace.setState((w) => ({ request: { kind: id === 'layout.saveAs' ? 'save' : id === 'layout.export' ? 'export' : 'import', n: (w.request?.n ?? 0) + 1 } }));
      return;
  }
}
