/**
 * Importing a ROOT file: its trees with their branches and entries, the proposed (or saved) mapping
 * to edit, data or simulation asked, a preview of the first events drawn in the bending plane, then
 * the conversion with progress (status bar) into an event file that opens like any other.
 */
import { trackAt } from '../../../src-shared/physics/track-line';
import { useEffect, useMemo, useState } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { MappingProposal, RootFileInfo, RootPreview } from '../../../src-shared/api/root-contract';
import { ABSENT_NOTES, MappingSchema, describeMappingIssues, type AbsentKey, type RootMapping } from '../../../src-shared/root/mapping';
import { branchLabel, type TreeInfo } from '../../../src-shared/root/tree-info';
import { Z_PLANE } from '../../../src-shared/geometry/planes';
import { useActions, useRootImport, useStores } from '../state/AppProvider';
import { saveMappingFor, savedMappingFor } from '../state/root-import-store';
import { Modal } from './Modal';

const PREVIEW_EVENTS = 5;

/** The mapping text as the user edits it; kind is asked separately (never proposed). */
function parseText(text: string, kind: 'data' | 'simulation' | undefined): { mapping?: RootMapping; problem?: string } {
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { return { problem: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }; }
  if (!kind) return { problem: 'say whether the file is data or simulation (blinding applies to data)' };
  const r = MappingSchema.safeParse(json && typeof json === 'object' ? { ...(json as object), kind } : json);
  return r.success ? { mapping: r.data } : { problem: describeMappingIssues(r.error) };
}

export function ImportRootDialog({ api }: { api: Na62Api }) {
  const file = useRootImport((s) => s.file);
  // a new file starts a fresh form
  return file ? <ImportRootForm key={file.rootFile} api={api} file={file} /> : null;
}

function ImportRootForm({ api, file }: { api: Na62Api; file: RootFileInfo }) {
  const stores = useStores();
  // the tree with most entries first
  const [treeName, setTreeName] = useState(() => [...file.trees].sort((a, b) => b.entries - a.entries)[0]?.name);
  const tree: TreeInfo | undefined = useMemo(() => file.trees.find((t) => t.name === treeName), [file, treeName]);
  const close = () => { void api.closeRoot(file.rootFile).catch(() => {}); stores.rootImport.getState().dismiss(); };
  return (
    <Modal label="Import a ROOT file" className="import-root" onClose={close} closeOnBackdrop={false}>
        <h2>Import {file.name} <span className="muted">({(file.size / 1e6).toFixed(2)} MB, read with JSROOT)</span></h2>
        <div className="import-columns">
          <section className="import-tree">
            <label>tree
              <select aria-label="tree" value={treeName ?? ''} onChange={(e) => setTreeName(e.target.value)}>
                {file.trees.map((t) => <option key={t.name} value={t.name}>{t.name} — {t.entries} entries, {t.branches.length} branches</option>)}
              </select>
            </label>
            {file.trees.length === 0 && <div className="error-box" role="alert">this file holds no trees</div>}
            <ul className="branch-list" data-testid="branch-list">
              {tree?.branches.map((b) => <li key={b.name} className={b.usable ? '' : 'muted'} title={branchLabel(b)}>{branchLabel(b)}</li>)}
            </ul>
          </section>
          {tree ? <MappingSection key={tree.name} api={api} file={file} tree={tree} onClose={close} /> : <div className="buttons"><button type="button" onClick={close}>Cancel</button></div>}
        </div>
    </Modal>
  );
}

/** The mapping of one tree: a saved one for its layout, else the proposal; edited, previewed, imported. */
function MappingSection({ api, file, tree, onClose }: { api: Na62Api; file: RootFileInfo; tree: TreeInfo; onClose: () => void }) {
  const stores = useStores();
  const { openWith } = useActions();
  const [saved] = useState(() => savedMappingFor(tree));
  const [text, setText] = useState(() => (saved ? JSON.stringify({ ...saved, kind: undefined }, null, 2) : ''));
  const [kind, setKind] = useState<'data' | 'simulation' | undefined>(saved?.kind);
  const [notes, setNotes] = useState<readonly string[]>([]);
  const [preview, setPreview] = useState<RootPreview>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (saved) return;
    let live = true;
    api.proposeMapping(file.rootFile, tree.name).then((p: MappingProposal) => {
      if (!live) return;
      setText(JSON.stringify({ ...p.mapping, kind: undefined }, null, 2)); setNotes(p.notes);
    }).catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    return () => { live = false; };
  }, [api, file, tree, saved]);

  const parsed = parseText(text, kind);
  const runPreview = async () => {
    if (!parsed.mapping) return;
    setBusy(true); setProblem(undefined);
    try { setPreview(await api.previewRoot(file.rootFile, parsed.mapping, PREVIEW_EVENTS)); } catch (e) { setPreview(undefined); setProblem(e instanceof Error ? e.message : String(e)); } finally { setBusy(false); }
  };
  const save = async () => {
    if (!parsed.mapping) return;
    saveMappingFor(tree, parsed.mapping);
    try { await api.saveText({ suggestedName: `${parsed.mapping.name.replace(/[^\w.-]+/g, '_')}.json`, text: `${JSON.stringify(parsed.mapping, null, 2)}\n` }); } catch (e) { setProblem(e instanceof Error ? e.message : String(e)); }
  };
  const runImport = () => {
    if (!parsed.mapping) return;
    const mapping = parsed.mapping;
    saveMappingFor(tree, mapping); // offered again for the next file with this layout
    stores.rootImport.getState().dismiss();
    const taskId = `import-${Date.now().toString(36)}`;
    void openWith((a) => a.importRoot({ taskId, rootFile: file.rootFile, mapping }));
  };
  return (
    <form className="import-mapping" onSubmit={(e) => { e.preventDefault(); runImport(); }}>
      <fieldset className="kind" aria-label="data or simulation">
        <legend>the file holds</legend>
        <label><input type="radio" name="kind" checked={kind === 'data'} onChange={() => setKind('data')} /> data (starts blind)</label>
        <label><input type="radio" name="kind" checked={kind === 'simulation'} onChange={() => setKind('simulation')} /> simulation</label>
      </fieldset>
      <label className="mapping-label">mapping <span className="muted">— {saved ? `your saved mapping “${saved.name}” for this tree layout` : 'proposed from the branch names'}; units and reference z are explicit (README “Your own data”)</span>
        <textarea aria-label="mapping" spellCheck={false} value={text} onChange={(e) => { setText(e.target.value); setPreview(undefined); }} rows={12} />
      </label>
      {notes.length > 0 && <ul className="notes" data-testid="mapping-notes">{notes.map((n) => <li key={n}>check: {n}</li>)}</ul>}
      {(problem || parsed.problem) && <div className="error-box" role="alert" data-testid="import-problem">{problem ?? parsed.problem}</div>}
      {preview && <PreviewSketch preview={preview} />}
      <div className="buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" disabled={!parsed.mapping} onClick={() => void save()}>Save mapping…</button>
        <button type="button" disabled={!parsed.mapping || busy} onClick={() => void runPreview()} data-testid="import-preview">Preview</button>
        <button type="submit" disabled={!parsed.mapping} data-testid="import-run">Import {tree.entries} entries</button>
      </div>
    </form>
  );
}

const W = 300, H = 120, Z0 = 100_000, Z1 = 245_000, XMAX = 1500;
const sx = (z: number) => ((z - Z0) / (Z1 - Z0)) * W;
const sy = (x: number) => H / 2 - (x / XMAX) * (H / 2);

/** The first events in the bending plane (z across, x up): each track straight to MNP33, kinked to the LKr. */
function PreviewSketch({ preview }: { preview: RootPreview }) {
  const absent = preview.absent.filter((k): k is AbsentKey => k in ABSENT_NOTES);
  return (
    <div className="import-preview" data-testid="preview">
      <div className="muted">first {preview.events.length} of {preview.entries} entries, top view (z 100–245 m across, x ±1.5 m up)</div>
      {!!preview.hidden && <div className="muted" data-testid="preview-hidden">{preview.hidden} of the first entries not shown: data are blind, and a published selection masks them</div>}
      <div className="preview-grid">
      {preview.events.map((ev, i) => (
        <div key={i} className="preview-event">
          <span title={`${ev.header.run}:${ev.header.burst}:${ev.header.event}`}>{ev.header.run}:{ev.header.burst}:{ev.header.event} · {ev.tracks.length} track{ev.tracks.length === 1 ? '' : 's'} · p = {ev.tracks.slice(0, 4).map((t) => (Math.hypot(t.px, t.py, t.pz) / 1000).toFixed(1)).join(', ') || '—'}{ev.tracks.length > 4 ? ', …' : ''} GeV/c</span>
          <svg width={W} height={H / 2} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`event ${i} top view`}>
            <line x1={0} x2={W} y1={H / 2} y2={H / 2} className="axis" />
            <line x1={sx(Z_PLANE.straw1)} x2={sx(Z_PLANE.straw1)} y1={0} y2={H} className="plane" />
            <line x1={sx(Z_PLANE.mnp33)} x2={sx(Z_PLANE.mnp33)} y1={0} y2={H} className="plane" />
            <line x1={sx(Z_PLANE.lkr)} x2={sx(Z_PLANE.lkr)} y1={0} y2={H} className="plane" />
            {ev.tracks.map((t, k) => {
              const xa = trackAt(t, Z0 + 5000).x, xm = trackAt(t, Z_PLANE.mnp33).x, xl = trackAt(t, Z_PLANE.lkr).x;
              return <polyline key={k} className={t.charge > 0 ? 'pos' : t.charge < 0 ? 'neg' : 'neutral'} fill="none" points={`${sx(Z0 + 5000)},${sy(xa)} ${sx(Z_PLANE.mnp33)},${sy(xm)} ${sx(Z_PLANE.lkr)},${sy(xl)}`} />;
            })}
          </svg>
        </div>
      ))}
      </div>
      {absent.length > 0 && <ul className="notes" data-testid="absent-notes">{absent.map((k) => <li key={k}>{ABSENT_NOTES[k]}</li>)}</ul>}
    </div>
  );
}
