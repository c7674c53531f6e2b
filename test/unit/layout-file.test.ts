/** The `.na62layout` file and the workspace kept in the session (issue 17): what is accepted, and the messages for what is not. */
import { describe, expect, it } from 'vitest';
import { layoutFileText, MAX_LAYOUT_BYTES, parseLayoutFile, type WorkspaceData } from '../../src-shared/workspace/layout-file';
import { parseStoredSession, storedSession } from '../../src-shared/session/session-state';

/** dockview's toJSON() of the one-view layout, as the app writes it */
const dock = () => ({
  grid: {
    root: {
      type: 'branch', size: 800, data: [
        { type: 'branch', size: 300, data: [
          { type: 'leaf', size: 560, data: { id: '1', views: ['controls'], activeView: 'controls' } },
          { type: 'leaf', size: 240, data: { id: '3', views: ['candidates', 'info'], activeView: 'candidates' } },
        ] },
        { type: 'leaf', size: 1100, data: { id: '2', views: ['view-main'], activeView: 'view-main' } },
      ],
    },
    width: 1400, height: 800, orientation: 'HORIZONTAL',
  },
  panels: {
    controls: { id: 'controls', contentComponent: 'controls', title: 'Controls' },
    candidates: { id: 'candidates', contentComponent: 'candidates', title: 'Candidates' },
    info: { id: 'info', contentComponent: 'info', title: 'Event & element' },
    'view-main': { id: 'view-main', contentComponent: 'view', title: 'Top z–x', params: { mode: 'top' } },
  },
  activeGroup: '2',
});
const workspace = (): WorkspaceData => ({
  name: 'mine',
  dock: dock() as WorkspaceData['dock'],
  views: { 'view-main': { mode: 'top', beamStation: 'straw1', camera: { mode: 'top', position: [0, 5000, 90000], target: [0, 0, 90000], up: [1, 0, 0], zoom: 0.02 } } },
});
const file = (layout: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'na62-layout', version: 1, layout, ...extra });
const problemOf = (text: string) => { const r = parseLayoutFile(text, 'desk.na62layout'); return 'problem' in r ? r.problem : undefined; };

describe('the .na62layout file', () => {
  it('reads back what it writes, views and cameras included', () => {
    const r = parseLayoutFile(layoutFileText(workspace()), 'desk.na62layout');
    expect(r).toEqual({ workspace: workspace() });
  });

  it('names the file and what is wrong: not JSON, another format, a later version, too large', () => {
    expect(problemOf('{"format":')).toMatch(/^desk\.na62layout: not JSON \(/);
    expect(problemOf(JSON.stringify({ format: 'na62-session', version: 1, layout: workspace() }))).toMatch(/^desk\.na62layout: not an NA62 layout \(format: /);
    expect(problemOf(file(workspace()).replace('"version":1', '"version":2'))).toMatch(/^desk\.na62layout: not an NA62 layout \(version: /);
    expect(problemOf(' '.repeat(MAX_LAYOUT_BYTES + 1))).toBe('desk.na62layout: larger than 256 KiB, not an NA62 layout');
  });

  it('refuses panels the app has no component for, and grids that do not match their panels', () => {
    const unknown = dock();
    (unknown.panels.info as { contentComponent: string }).contentComponent = 'terminal';
    expect(problemOf(file({ ...workspace(), dock: unknown }))).toMatch(/^desk\.na62layout: not an NA62 layout \(layout\.dock\.panels\.info\.contentComponent: /);
    const ghost = dock();
    ghost.grid.root.data[1] = { type: 'leaf', size: 1100, data: { id: '2', views: ['view-ghost'], activeView: 'view-ghost' } };
    expect(problemOf(file({ ...workspace(), dock: ghost, views: {} }))).toBe('desk.na62layout: not an NA62 layout (layout.dock.grid: the grid places a panel "view-ghost" the layout does not define)');
    const unplaced = dock();
    (unplaced.grid.root.data[0] as { data: unknown[] }).data.pop();
    expect(problemOf(file({ ...workspace(), dock: unplaced }))).toBe('desk.na62layout: not an NA62 layout (layout.dock.panels.candidates: panel "candidates" is not placed in the grid)');
    const renamed = dock();
    renamed.panels.info.id = 'other';
    expect(problemOf(file({ ...workspace(), dock: renamed }))).toBe('desk.na62layout: not an NA62 layout (layout.dock.panels.info.id: panel "info" calls itself "other")');
  });

  it('refuses poses for panels that are not views, bad modes and cameras, unknown keys', () => {
    expect(problemOf(file({ ...workspace(), views: { info: { mode: 'side', beamStation: 'straw1' } } }))).toBe('desk.na62layout: not an NA62 layout (layout.views.info: "info" is not a view panel of the layout)');
    expect(problemOf(file({ ...workspace(), views: { 'view-main': { mode: 'front', beamStation: 'straw1' } } }))).toMatch(/\(layout\.views\.view-main\.mode: /);
    expect(problemOf(file({ ...workspace(), views: { 'view-main': { mode: 'top', beamStation: 'straw1', camera: { mode: 'top', position: [0, 0, null], target: [0, 0, 0], up: [0, 1, 0], zoom: 1 } } } }))).toMatch(/\(layout\.views\.view-main\.camera\.position\.2: /);
    expect(problemOf(file(workspace(), { script: 'alert(1)' }))).toMatch(/not an NA62 layout \(file: /);
  });
});

describe('the session keeps the workspace', () => {
  it('stores the workspace and the saved layouts, and still reads a session from before the workspace', () => {
    const report = { index: 3, workspace: { current: workspace(), saved: [{ ...workspace(), name: 'other' }] } };
    const stored = storedSession(report, undefined, new Date(0));
    const back = parseStoredSession(JSON.stringify(stored), 'session.json');
    expect('session' in back && back.session.workspace).toEqual(report.workspace);
    const old = parseStoredSession(JSON.stringify({ format: 'na62-session', version: 1, savedAt: 'x', index: 2 }), 'session.json');
    expect('session' in old && old.session.workspace).toBeUndefined();
    const bad = parseStoredSession(JSON.stringify({ ...stored, workspace: { current: { ...workspace(), views: { info: { mode: 'side', beamStation: 's' } } }, saved: [] } }), 'session.json');
    expect('problem' in bad && bad.problem).toMatch(/^session\.json: not a saved session \(workspace\.current\.views\.info: /);
  });
});
