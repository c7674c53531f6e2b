/**
 * Hands the R3F renderer, scene and camera to this window's live view (picture export borrows the
 * WebGL context; "as on screen" pictures copy the camera) and exposes read-only hooks for the
 * end-to-end tests and benchmarks (window.__na62), read from the live view.
 */
import { useContext, useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import { useLiveView, useStores, useViewportStore, useViews } from '../state/AppProvider';
import { ViewportContext } from './ViewportContext';
import { makeProjector, screenBox } from '../display/projection';
import { snapshotScale } from '../display/display-scale';
import type { TestHooks } from './test-hooks';
import { rendererName } from './antialias';

export function SceneBridge({ model }: { model: DetectorModel }) {
  const stores = useStores();
  const live = useLiveView();
  const views = useViews();
  const entry = useContext(ViewportContext);
  // this view's own mode (several views at once): the window's view store mirrors the active view's
  const viewport = useViewportStore();
  const { gl, scene, camera, invalidate, size } = useThree();
  useEffect(() => {
    const scale = () => snapshotScale({ ...stores.view.getState(), mode: viewport.getState().mode });
    live.canvas = { gl, scene, camera, invalidate, model, size: { width: size.width, height: size.height } };
    const px = new Uint8Array(4);
    const context = gl.getContext();
    const fences = 'fenceSync' in context ? context : undefined; // WebGL2
    scene.onAfterRender = () => {
      const event = live.log.frameDone(gl.info.render.frame, gl.info.render.calls, () => {
        context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, px);
      }, fences);
      if (entry) views.frameDone(entry.id, event, fences); // the start-up gate (views/startup-gate.ts)
    };
    const hooks: TestHooks = {
      recentFrames: () => live.log.recentFrames(),
      drawnEvent: () => live.log.recentFrames().at(-1)?.event,
      legendBox: () => live.legendBox,
      setFrameSync: (on) => live.log.setFrameSync(on), invalidate,
      trackScreenPoint: (k) => {
        const line = live.eventScene?.prepared.trackLines[k];
        if (!line || line.length < 3) return undefined;
        const a = line[1]!, b = line[2]!; // STRAW1 → MNP33
        return makeProjector(camera, size, scale())({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });
      },
      beamCrossingScreenPoints: () => { const project = makeProjector(camera, size, scale()); return live.beamCrossings.flatMap((p) => project(p) ?? []); },
      trackScreenPoints: (k, n) => {
        const line = live.eventScene?.prepared.trackLines[k] ?? [];
        if (line.length < 2) return [];
        const project = makeProjector(camera, size, scale());
        const z0 = line[0]!.z, z1 = line[line.length - 1]!.z, out: { x: number; y: number }[] = [];
        for (let i = 0, j = 1; i < n; i++) {
          const z = z0 + ((z1 - z0) * (i + 0.5)) / n;
          while (j < line.length - 1 && line[j]!.z < z) j++;
          const a = line[j - 1]!, b = line[j]!, t = b.z === a.z ? 0 : (z - a.z) / (b.z - a.z);
          const p = project({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z });
          if (p) out.push(p);
        }
        return out;
      },
      eventCounts: () => live.eventScene?.counts,
      eventGeometries: () => {
        const seen = new Set<unknown>();
        live.eventScene?.group.traverse((o) => { const g = (o as { geometry?: unknown }).geometry; if (g) seen.add(g); });
        return seen.size;
      },
      pickableCount: (kind) => live.eventScene?.layers.get(kind)?.picks.filter(Boolean).length ?? 0,
      pickableScreenPoint: (kind, index) => {
        const shape = live.eventScene?.layers.get(kind)?.picks[index];
        return shape ? makeProjector(camera, size, scale())(shape[0]!) : undefined;
      },
      taxScreenPoint: () => {
        const seg = live.eventScene?.prepared.cdaSegment;
        if (!seg) return undefined;
        const [a, b] = seg;
        return makeProjector(camera, size, scale())({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });
      },
      totalParts: model.totalParts,
      renderInfo: () => ({ ...gl.info.render, geometries: gl.info.memory.geometries, textures: gl.info.memory.textures }),
      shaderPrograms: () => (gl.info.programs ?? []).map((p) => `${p.name} ${p.cacheKey}`),
      elementScreenBox: (id) => {
        const e = model.byId.get(id);
        return e ? screenBox(displayBox(e, scale()), camera, size) : undefined;
      },
      webgl: () => {
        const ctx = gl.getContext();
        return {
          renderer: rendererName(ctx) ?? '',
          logarithmicDepth: gl.capabilities.logarithmicDepthBuffer,
          antialias: ctx.getContextAttributes()?.antialias ?? false,
          maxRenderbuffer: ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number,
        };
      },
      timeRenders: (n) => {
        const ctx = gl.getContext();
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          gl.render(scene, camera);
          ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
          times.push(performance.now() - t0);
        }
        return times;
      },
    };
    // several views: the registry publishes the active view's hooks as window.__na62
    if (entry) views.setHooks(entry.id, hooks);
    else window.__na62 = hooks;
  }, [gl, scene, camera, invalidate, size, model, live, stores, views, entry, viewport]);
  return null;
}
