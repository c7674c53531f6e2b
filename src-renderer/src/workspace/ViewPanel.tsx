/**
 * A view panel of the workspace: registers its own live view and view state with the window's
 * registry, provides them to the canvas below (ViewportContext), follows the dock's visibility (a
 * hidden tab does not draw) and becomes the active view when clicked or focused.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { IDockviewPanelProps } from 'dockview-react';
import { useViews } from '../state/AppProvider';
import { ViewportContext } from '../views/ViewportContext';
import { DetectorView } from '../views/DetectorView';
import { useWorkspaceContext } from './WorkspaceContext';
import { VIEW_TITLES, type ViewParams } from './layouts';

export function ViewPanel({ api, params }: IDockviewPanelProps<Partial<ViewParams>>) {
  const views = useViews();
  const { model, unmerged } = useWorkspaceContext();
  const [entry] = useState(() => views.create(api.id, { ...(params.mode ? { mode: params.mode } : {}), ...(params.beamStation ? { beamStation: params.beamStation } : {}) }));
  useEffect(() => {
    views.adopt(entry);
    return () => views.unregister(entry.id);
  }, [views, entry]);
  useEffect(() => {
    views.setVisible(entry.id, api.isVisible);
    const a = api.onDidVisibilityChange((e) => views.setVisible(entry.id, e.isVisible));
    const b = api.onDidActiveChange((e) => { if (e.isActive) views.activate(entry.id); });
    return () => { a.dispose(); b.dispose(); };
  }, [api, views, entry]);
  // the tab says what the view shows now
  const mode = useStore(entry.store, (s) => s.mode);
  useEffect(() => { api.setTitle(VIEW_TITLES[mode]); api.updateParameters({ mode }); }, [api, mode]);
  return (
    <ViewportContext.Provider value={entry}>
      <div className="view-panel">
        <DetectorView model={model} unmerged={unmerged} />
      </div>
    </ViewportContext.Provider>
  );
}
