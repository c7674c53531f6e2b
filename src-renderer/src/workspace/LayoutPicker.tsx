/**
 * The layout picker of the toolbar (issue 17): the built-in layouts and the user's saved ones, and
 * "save layout as…", export to and import from a `.na62layout` file (the commands of the palette
 * ask for the same through the workspace store).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useApi, useStores } from '../state/AppProvider';
import { Modal } from '../panels/Modal';
import { LAYOUT_EXTENSION, layoutFileText, parseLayoutFile } from '../../../src-shared/workspace/layout-file';
import { BUILT_IN_LAYOUTS, LAYOUT_LABELS, LAYOUT_TITLES } from './layouts';
import { addView, applyWorkspace, captureWorkspace, chooseLayout, saveLayoutAs } from './workspace-store';

const SAVE = '__save', EXPORT = '__export', IMPORT = '__import', ADD_VIEW = '__addView';

export function LayoutPicker({ onMessage }: { onMessage: (m: string) => void }) {
  const stores = useStores();
  const api = useApi();
  const name = useStore(stores.workspace, (s) => s.layoutName);
  const saved = useStore(stores.workspace, (s) => s.saved);
  const [saving, setSaving] = useState(false);
  const [typed, setTyped] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const exportLayout = useCallback(async () => {
    const w = captureWorkspace(stores);
    if (!w) return onMessage('the workspace is not ready yet');
    const base = w.name.replace(/[^\w.-]+/g, '_') || 'layout';
    try {
      const res = await api.saveText({ suggestedName: `${base}${LAYOUT_EXTENSION}`, text: layoutFileText(w) });
      onMessage(res.saved ? `Layout saved to ${res.path}` : 'Save cancelled');
    } catch (e) {
      onMessage(`Could not save the layout: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [api, stores, onMessage]);
  const importLayout = async (f: File) => {
    const read = parseLayoutFile(await f.text().catch(() => '\u0000'), f.name);
    if ('problem' in read) return onMessage(`Layout not imported: ${read.problem}`);
    const problem = applyWorkspace(stores, read.workspace);
    if (problem) return onMessage(`Layout not imported: ${f.name}: ${problem}`);
    stores.workspace.setState((s) => ({ saved: [...s.saved.filter((x) => x.name !== read.workspace.name), read.workspace] }));
    onMessage(`Layout "${read.workspace.name}" imported from ${f.name}`);
  };

  // the palette's commands ask through the workspace store
  useEffect(() => stores.workspace.subscribe((s, prev) => {
    const r = s.request;
    if (!r || r === prev.request) return;
    if (r.kind === 'save') { setTyped(''); setSaving(true); }
    else if (r.kind === 'export') void exportLayout();
    else file.current?.click();
  }), [stores, exportLayout]);

  const choose = (v: string) => {
    if (v === SAVE) { setTyped(''); setSaving(true); return; }
    if (v === EXPORT) return void exportLayout();
    if (v === IMPORT) return file.current?.click();
    if (v === ADD_VIEW) { const p = addView(stores); if (p) onMessage(p); return; }
    if (v === 'analysis') stores.analysis.setState({ open: true });
    const problem = chooseLayout(stores, v);
    if (problem) onMessage(problem);
  };
  const known = [...BUILT_IN_LAYOUTS, ...saved.map((w) => w.name)];
  return (
    <>
      <label className="field" title="Layout of the panels: built-in or your own (saved with the session; export/import as a file)">
        <span className="toolbar-wide">Layout</span>
        <select value={known.includes(name) ? name : ''} onChange={(e) => choose(e.target.value)} aria-label="Layout" data-testid="layout-select">
          {!known.includes(name) && <option value="">(arranged)</option>}
          <optgroup label="built-in">{BUILT_IN_LAYOUTS.map((l) => <option key={l} value={l} title={LAYOUT_TITLES[l]}>{LAYOUT_LABELS[l]}</option>)}</optgroup>
          {saved.length > 0 && <optgroup label="yours">{saved.map((w) => <option key={w.name} value={w.name}>{w.name}</option>)}</optgroup>}
          <optgroup label="panels"><option value={ADD_VIEW}>Add a view</option></optgroup>
          <optgroup label="layout file">
            <option value={SAVE}>Save layout as…</option>
            <option value={EXPORT}>Export layout…</option>
            <option value={IMPORT}>Import layout…</option>
          </optgroup>
        </select>
      </label>
      <input ref={file} type="file" accept={`${LAYOUT_EXTENSION},.json`} hidden data-testid="layout-file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importLayout(f); }} />
      {saving && (
        <Modal label="Save layout" onClose={() => setSaving(false)} onSubmit={() => { const p = saveLayoutAs(stores, typed); if (p) onMessage(p); else { setSaving(false); onMessage(`Layout "${typed.trim()}" saved with the session`); } }}>
          <h2>Save the layout as</h2>
          <p className="muted">The arrangement of the panels and each view's pose, kept with the session.</p>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="layout name" autoFocus maxLength={60} data-testid="layout-name" />
          <div className="buttons-row"><button type="submit" disabled={!typed.trim()} data-testid="layout-save">Save</button><button type="button" onClick={() => setSaving(false)}>Cancel</button></div>
        </Modal>
      )}
    </>
  );
}
