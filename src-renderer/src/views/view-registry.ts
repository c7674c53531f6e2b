/**
 * The live views of one window (issue 17): each view panel registers here with its own state
 * (state/viewport-store.ts) and its own LiveView (canvas, drawn event, overlays, render log). One of
 * them is the ACTIVE view, the one last focused or clicked: the toolbar's view buttons, the keys
 * 1–4, f, e, `,` `.`, Ctrl+S, the picture export "as on screen" and window.__na62 act on it.
 *
 * The window's view store keeps `mode`, `beamStation` and `camera` as a mirror of the active view
 * (so the toolbar, the session and the picture defaults read them as before), and its `setMode`,
 * `setBeamStation`, `requestFit`, `frameElement` and `frameEvent` are routed to the active view.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ViewState } from '../state/view-store';
import { createViewportStore, poseOfView, type ViewPose, type ViewportStore } from '../state/viewport-store';
import { LiveView } from './live-view';
import type { FenceContext } from './render-log';
import type { TestHooks } from './test-hooks';
import { StartupGate } from './startup-gate';

export interface ViewEntry {
  readonly id: string;
  readonly store: ViewportStore;
  readonly live: LiveView;
}

export interface ViewRegistryState {
  /** the mounted views, in the order they registered */
  readonly ids: readonly string[];
  readonly activeId: string | undefined;
}

export class ViewRegistry {
  readonly state: StoreApi<ViewRegistryState> = createStore<ViewRegistryState>()(() => ({ ids: [], activeId: undefined }));
  /** what code outside any view reads while no view is mounted (export before the first frame) */
  readonly fallback = new LiveView();
  /** the state code outside any view reads while no view is mounted */
  readonly noView: ViewportStore = createViewportStore('none', { mode: 'side', beamStation: 'straw1' });
  /** at start-up the active view draws alone until its first event is on screen (views/startup-gate.ts) */
  readonly startup = new StartupGate();
  private readonly entries = new Map<string, ViewEntry>();
  /** poses for views not mounted yet (a layout being applied): taken when the panel registers */
  private readonly seeds = new Map<string, ViewPose>();
  private readonly hooks = new Map<string, TestHooks>();
  private unmirror: (() => void) | undefined;

  constructor(private readonly view: StoreApi<ViewState>) {
    const own = view.getState();
    const onActive = <A extends unknown[]>(f: (e: ViewEntry, ...a: A) => void, otherwise?: (...a: A) => void) =>
      (...a: A) => { const e = this.active(); if (e) f(e, ...a); else otherwise?.(...a); };
    view.setState({
      setMode: onActive((e, m) => e.store.getState().setMode(m), own.setMode),
      setBeamStation: onActive((e, id) => e.store.getState().setBeamStation(id), own.setBeamStation),
      requestFit: onActive((e) => e.store.getState().requestFit()),
      frameElement: onActive((e, id) => e.store.getState().frameElement(id)),
      frameEvent: onActive((e) => e.store.getState().frameEvent()),
    });
  }

  get(id: string | undefined): ViewEntry | undefined {
    return id === undefined ? undefined : this.entries.get(id);
  }

  all(): ViewEntry[] {
    return this.state.getState().ids.map((id) => this.entries.get(id)!);
  }

  active(): ViewEntry | undefined {
    return this.get(this.state.getState().activeId);
  }

  /** The active view's live view, or a blank one while no view is mounted. */
  activeLive(): LiveView {
    return this.active()?.live ?? this.fallback;
  }

  /** A view panel's own state and live view: from a seeded pose, else the defaults given, else the window's last mode. */
  create(id: string, defaults: Partial<ViewPose> = {}): ViewEntry {
    const v = this.view.getState();
    const seed = this.seeds.get(id);
    return {
      id,
      store: createViewportStore(id, seed ?? { mode: defaults.mode ?? v.mode, beamStation: defaults.beamStation ?? v.beamStation }),
      live: new LiveView(),
    };
  }

  /** A view panel mounts (create + adopt). */
  register(id: string, defaults: Partial<ViewPose> = {}): ViewEntry {
    const entry = this.entries.get(id) ?? this.create(id, defaults);
    this.adopt(entry);
    return entry;
  }

  /** The view made by `create` is on screen now. */
  adopt(entry: ViewEntry): void {
    const id = entry.id;
    if (this.entries.get(id) === entry) return;
    if (this.entries.has(id)) this.unregister(id);
    this.seeds.delete(id);
    this.entries.set(id, entry);
    this.state.setState((s) => ({ ids: [...s.ids, id] }));
    if (!this.active()) this.activate(id);
    this.startup.arm();
  }

  /** A view submitted a frame (its SceneBridge): the start-up gate counts the active view's. */
  frameDone(id: string, event: string | undefined, fences?: FenceContext): void {
    this.startup.frameDone(this.state.getState().activeId === id, event !== undefined, fences);
  }

  unregister(id: string): void {
    // its test hooks stay: a panel mounted again (React's strict mode) keeps the same canvas
    if (!this.entries.delete(id)) return;
    const ids = this.state.getState().ids.filter((x) => x !== id);
    this.state.setState({ ids });
    if (this.state.getState().activeId === id) this.activate(this.firstVisible(ids));
    else this.publishHooks();
  }

  /** Make a view the active one (a click or focus in it; the layout's first view). */
  activate(id: string | undefined): void {
    const entry = this.get(id);
    if (this.state.getState().activeId === entry?.id && this.unmirror) return;
    this.unmirror?.();
    this.unmirror = undefined;
    this.state.setState({ activeId: entry?.id });
    if (entry) this.startup.admit(entry.id);
    if (entry) {
      const mirror = (s: ReturnType<ViewportStore['getState']>) => {
        const v = this.view.getState();
        if (v.mode !== s.mode || v.beamStation !== s.beamStation || v.camera !== s.camera) this.view.setState({ mode: s.mode, beamStation: s.beamStation, camera: s.camera });
      };
      mirror(entry.store.getState());
      this.unmirror = entry.store.subscribe(mirror);
    }
    this.publishHooks();
  }

  /** A view went off screen (a hidden tab): the active view moves to one that is still visible. */
  setVisible(id: string, visible: boolean): void {
    const e = this.get(id);
    if (!e || e.store.getState().visible === visible) return;
    e.store.setState({ visible });
    if (visible) e.live.canvas?.invalidate();
    const activeId = this.state.getState().activeId;
    if (!visible && activeId === id) {
      const other = this.firstVisible(this.state.getState().ids.filter((x) => x !== id));
      if (other) this.activate(other);
    } else if (visible && !this.active()?.store.getState().visible) this.activate(id);
  }

  private firstVisible(ids: readonly string[]): string | undefined {
    return ids.find((x) => this.entries.get(x)?.store.getState().visible) ?? ids[0];
  }

  /** Each view's pose (mode, station, camera), by view id. */
  poses(): Record<string, ViewPose> {
    return Object.fromEntries(this.all().map((e) => [e.id, poseOfView(e.store.getState())]));
  }

  /**
   * Give views their poses: a mounted view takes its own at once (the camera instead of a fit), a
   * view not mounted yet takes it when its panel registers. `remount`: the panels are about to be
   * made anew (a whole layout applied), so every pose waits for its panel to mount.
   */
  seed(poses: Readonly<Record<string, ViewPose>>, { remount = false }: { remount?: boolean } = {}): void {
    if (remount) this.seeds.clear();
    for (const [id, p] of Object.entries(poses)) {
      const e = this.entries.get(id);
      if (!e || remount) { this.seeds.set(id, p); continue; }
      e.store.setState((s) => ({ mode: p.mode, beamStation: p.beamStation, pendingCamera: p.camera, fitRequest: s.fitRequest + 1, fitTarget: undefined }));
    }
  }

  /** A view's test hooks (its SceneBridge made them); window.__na62 is the active view's. */
  setHooks(id: string, hooks: TestHooks): void {
    this.hooks.set(id, hooks);
    this.publishHooks();
  }

  private publishHooks(): void {
    if (typeof window === 'undefined') return;
    const activeId = this.state.getState().activeId;
    const active = activeId === undefined ? undefined : this.hooks.get(activeId);
    if (!active) return;
    window.__na62 = {
      ...active,
      activeView: () => this.state.getState().activeId,
      views: () => this.all().map((e) => ({ id: e.id, mode: e.store.getState().mode, visible: e.store.getState().visible })),
      view: (id: string) => (this.entries.has(id) ? this.hooks.get(id) : undefined),
    };
  }
}
