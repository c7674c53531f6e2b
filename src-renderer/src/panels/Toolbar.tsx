/** View switches, compression, beam's-eye station, labels, theme and picture export. */
import type { DetectorModel } from '../geometry/detector-model';
import { type ExportScale, type ViewMode } from '../state/view-store';
import { compressionToSlider, sliderToCompression } from '../views/compression';
import { beamStations } from '../shortcuts/run-command';
import { useData, useView } from '../state/AppProvider';
import { MAGNIFICATION_STEPS } from '../views/magnification';

const VIEWS: { mode: ViewMode; label: string; title: string }[] = [
  { mode: '3d', label: '3D', title: 'Free 3D orbit (1)' },
  { mode: 'side', label: 'Side', title: 'Side view z–y, orthographic, z horizontal and y up (2)' },
  { mode: 'top', label: 'Top', title: 'Top view z–x, orthographic: the bending plane, z horizontal and +x up (3)' },
  { mode: 'beam', label: 'Beam', title: "Beam's-eye view x–y at the chosen station (4; , and . step stations)" },
];

export interface ToolbarProps {
  model: DetectorModel | undefined;
  onSavePng: () => void;
  busy: boolean;
  onOpen: () => void;
  onGenerate: () => void;
  /** the picture export dialog */
  onExport?: () => void;
  /** the workspace's layout picker (issue 17) */
  layoutPicker?: React.ReactNode;
  /** the CDA_TAX construction preset (command view.construction) */
  onConstruction?: () => void;
}

export function Toolbar({ model, onSavePng, busy, onOpen, onGenerate, onExport, layoutPicker, onConstruction }: ToolbarProps) {
  const s = useView((s) => s);
  const hasTax = useData((d) => !!d.analysis?.tax);
  const transverse = s.mode === 'top' ? 'x' : 'y';
  const stations = model ? beamStations(model) : [];
  return (
    <header className="toolbar" role="toolbar" aria-label="View">
      <span className="brand">NA62 <span className="muted brand-rest">event display</span></span>
      <button type="button" onClick={onOpen} title="Open an event file (Ctrl+O); or drop one on the window" data-testid="open-file">Open…</button>
      <button type="button" onClick={onGenerate} title="Generate events with the fast MC (Ctrl+G)" data-testid="open-generate">Generate…</button>
      {layoutPicker}
      <div className="segmented" role="group" aria-label="View" title="The active view (outlined) shows">
        {VIEWS.map((v) => (
          <button key={v.mode} type="button" aria-pressed={s.mode === v.mode} title={v.title} data-view={v.mode} onClick={() => s.setMode(v.mode)}>
            {v.label}
          </button>
        ))}
      </div>
      <label className="field" title="Beam's-eye view station">
        <select value={s.beamStation} onChange={(e) => { s.setBeamStation(e.target.value); if (s.mode !== 'beam') s.setMode('beam'); }} aria-label="Beam's-eye station">
          {stations.map((id) => {
            const el = model!.byId.get(id)!.element;
            return <option key={id} value={id} title={`z = ${(el.z0 / 1000).toFixed(1)} m`}>{el.label} {Math.round(el.z0 / 1000) || 0} m</option>;
          })}
        </select>
      </label>
      <label className="field" title="Longitudinal compression: z is shown shrunk by this factor in every view ([ and ], = for 1:1)">
        <span>z 1:{s.compression}</span>
        <input
          type="range" min={0} max={1} step={0.001} aria-label="Longitudinal compression"
          value={compressionToSlider(s.compression)}
          onChange={(e) => s.setCompression(sliderToCompression(Number(e.target.value)))}
        />
      </label>
      <label className="field" title="Transverse magnification of the side (y) and top (x) views; the scale bars stay true in mm">
        <span>{transverse} ×</span>
        <select value={s.magnification} aria-label="Transverse magnification" data-testid="magnification" disabled={s.mode === '3d' || s.mode === 'beam'} onChange={(e) => s.setMagnification(Number(e.target.value))}>
          {(MAGNIFICATION_STEPS as readonly number[]).includes(s.magnification) ? null : <option value={s.magnification}>{s.magnification}</option>}
          {MAGNIFICATION_STEPS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      {onConstruction && (
        <button type="button" onClick={onConstruction} disabled={!hasTax} data-testid="construction-preset"
          title={hasTax ? 'CDA_TAX construction: side view with z compressed and y magnified to read it, framed from the TAX to the vertex (Z)' : 'CDA_TAX construction: this event has none (dump-mode two-track events, once unblinded)'}>
          Construction
        </button>
      )}
      <button type="button" aria-pressed={s.taxInset} onClick={() => s.setTaxInset(!s.taxInset)} data-testid="tax-inset-toggle"
        title="The CDA_TAX inset at Z_TAX in the side and top views (dump-mode events)">Inset</button>
      <button type="button" onClick={() => s.requestFit()} title="Fit the visible detector (F)">Fit</button>
      <button type="button" aria-pressed={s.labels} onClick={() => s.toggleLabels()} title="Element labels (L)">Labels</button>
      <button type="button" onClick={() => s.toggleTheme()} title={`${s.theme === 'dark' ? 'Light' : 'Dark'} theme (T)`} aria-label={s.theme === 'dark' ? 'Light theme' : 'Dark theme'}>{s.theme === 'dark' ? '☀' : '☾'}</button>
      <span className="spacer" />
      <label className="field" title="Picture size relative to the window's pixels">
        <select value={s.exportScale} aria-label="Export scale" onChange={(e) => s.setExportScale(Number(e.target.value) as ExportScale)}>
          {[1, 2, 3, 4].map((f) => <option key={f} value={f}>{f}×</option>)}
        </select>
      </label>
      <button type="button" onClick={onSavePng} disabled={busy} title="Save the current view as PNG (Ctrl+S)" data-testid="save-png">Save PNG</button>
      {onExport && <button type="button" onClick={onExport} title="Pictures for talks: any size up to 8K, SVG, figures, batches, glTF, clipboard (Ctrl+E)" data-testid="open-export">Export…</button>}
      <button type="button" onClick={() => s.setHelpOpen(true)} title="Keyboard shortcuts (?)">?</button>
    </header>
  );
}
