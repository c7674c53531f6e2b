/** Several live views (issue 17): each view owns its mode, station and camera; the window's view actions reach the active one. */
import { describe, expect, it } from 'vitest';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { EVENT_FIT_TARGET } from '../../src-renderer/src/display/types';

const setup = () => {
  const stores = createAppStores({ storage: memoryStorage() });
  return { stores, views: stores.workspace.getState().views };
};

describe('the view registry', () => {
  it('gives each view its own mode; the toolbar actions and the mirror follow the active view', () => {
    const { stores, views } = setup();
    const side = views.register('view-side', { mode: 'side' });
    const beam = views.register('view-beam', { mode: 'beam', beamStation: 'lkr' });
    expect(views.state.getState().activeId).toBe('view-side'); // the first view to mount
    stores.view.getState().setMode('top');
    expect([side.store.getState().mode, beam.store.getState().mode]).toEqual(['top', 'beam']);
    expect(stores.view.getState().mode).toBe('top');
    views.activate('view-beam');
    expect([stores.view.getState().mode, stores.view.getState().beamStation]).toEqual(['beam', 'lkr']);
    const fits = side.store.getState().fitRequest;
    stores.view.getState().requestFit();
    stores.view.getState().frameEvent();
    expect(side.store.getState().fitRequest).toBe(fits);
    expect(beam.store.getState().fitTarget).toBe(EVENT_FIT_TARGET);
    expect(beam.store.getState().fitRequest).toBe(2);
    // the shared settings stay shared
    stores.view.getState().setCompression(50);
    expect(stores.view.getState().compression).toBe(50);
  });

  it('moves the active view off a hidden tab, and back to a view that shows again', () => {
    const { views } = setup();
    views.register('a', { mode: '3d' });
    views.register('b', { mode: 'side' });
    views.setVisible('a', false);
    expect(views.state.getState().activeId).toBe('b');
    views.unregister('b');
    expect(views.state.getState().activeId).toBe('a');
    views.setVisible('a', true);
    expect(views.active()?.store.getState().visible).toBe(true);
  });

  it('takes seeded poses: a mounted view at once (camera instead of a fit), a later one when it mounts', () => {
    const { views } = setup();
    const a = views.register('a', { mode: 'side' });
    const camera = { mode: 'top' as const, position: [1, 2, 3] as [number, number, number], target: [0, 0, 3] as [number, number, number], up: [1, 0, 0] as [number, number, number], zoom: 2 };
    views.seed({ a: { mode: 'top', beamStation: 'chod', camera }, b: { mode: 'beam', beamStation: 'muv3' } });
    expect(a.store.getState()).toMatchObject({ mode: 'top', beamStation: 'chod', pendingCamera: camera });
    const b = views.register('b', { mode: 'side' });
    expect(b.store.getState()).toMatchObject({ mode: 'beam', beamStation: 'muv3' });
    expect(Object.keys(views.poses())).toEqual(['a', 'b']);
  });

  it('a new view without a mode of its own takes the window\'s last (what the e2e tests seed)', () => {
    const { stores, views } = setup();
    stores.view.getState().setMode('top'); // no view yet: only the default changes
    expect(views.register('main').store.getState().mode).toBe('top');
  });
});

describe('a whole layout applied', () => {
  it('gives its poses to the panels made anew, also where a view of the same id is on screen now', () => {
    const { views } = setup();
    const old = views.register('view-side', { mode: 'side' });
    views.seed({ 'view-side': { mode: 'beam', beamStation: 'lkr' } }, { remount: true });
    expect(old.store.getState().mode).toBe('side'); // the old panel goes; the new one takes the pose
    views.unregister('view-side');
    expect(views.register('view-side', { mode: 'side' }).store.getState()).toMatchObject({ mode: 'beam', beamStation: 'lkr' });
  });
});

describe('a pose for the active view', () => {
  it('goes to the active view (camera instead of a fit), or to the next view to mount', async () => {
    const { applyActiveViewPose } = await import('../../src-renderer/src/workspace/workspace-store');
    const { stores, views } = setup();
    applyActiveViewPose(stores, { mode: 'beam', beamStation: 'chod' });
    expect(views.register('first').store.getState()).toMatchObject({ mode: 'beam', beamStation: 'chod' });
    views.register('second', { mode: 'side' });
    views.activate('second');
    const camera = { mode: 'top' as const, position: [0, 1, 2] as [number, number, number], target: [0, 0, 2] as [number, number, number], up: [1, 0, 0] as [number, number, number], zoom: 3 };
    applyActiveViewPose(stores, { mode: 'top', beamStation: 'straw1', camera });
    expect(views.get('second')!.store.getState()).toMatchObject({ mode: 'top', pendingCamera: camera });
    expect(views.get('first')!.store.getState().mode).toBe('beam');
    expect(stores.view.getState().mode).toBe('top'); // the mirror of the active view
  });
});
