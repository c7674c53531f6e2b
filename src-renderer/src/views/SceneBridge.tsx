/**
 * Hands the R3F renderer, scene and camera to code outside the Canvas (picture export) and
 * exposes read-only hooks for the end-to-end tests and benchmarks (window.__na62).
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import { useViewStore } from '../state/view-store';
import { screenBox } from './CameraRig';
import type { TestHooks } from './test-hooks';
import { getEventDrawing, makeProjector } from './EventOverlay';
import { frameDone, recentFrames, setFrameSync } from './render-log';

export interface SceneHandle {
  gl: THREE.WebGLRenderer;
  scene: THREE.Scene;
  camera: THREE.Camera;
  invalidate: () => void;
  /** the detector drawn (picture export lays out labels and frames views with it) */
  model: DetectorModel;
}

let current: SceneHandle | undefined;
export const getSceneHandle = (): SceneHandle | undefined => current;

export function SceneBridge({ model }: { model: DetectorModel }) {
  const { gl, scene, camera, invalidate, size } = useThree();
  useEffect(() => {
    current = { gl, scene, camera, invalidate, model };
    const px = new Uint8Array(4);
    scene.onAfterRender = () => frameDone(gl.info.render.frame, gl.info.render.calls, () => {
      const ctx = gl.getContext();
      ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
    });
    const hooks: TestHooks = window.__na62 ?? {
      renderInfo: () => ({ frame: 0, calls: 0, triangles: 0, lines: 0, points: 0, geometries: 0, textures: 0 }),
      elementScreenBox: () => undefined,
      totalParts: 0,
      timeRenders: () => [],
      webgl: () => ({ renderer: '', logarithmicDepth: false, maxRenderbuffer: 0 }),
      trackScreenPoint: () => undefined,
      eventCounts: () => undefined,
      recentFrames: () => [],
      setFrameSync: () => {},
      invalidate: () => {},
    };
    hooks.recentFrames = recentFrames;
    hooks.setFrameSync = setFrameSync;
    hooks.invalidate = invalidate;
    hooks.trackScreenPoint = (k) => {
      const line = getEventDrawing()?.trackLines[k];
      if (!line || line.length < 3) return undefined;
      const a = line[1]!, b = line[2]!; // STRAW1 → MNP33
      return makeProjector(camera, size, useViewStore.getState().compression)({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });
    };
    hooks.eventCounts = () => {
      const d = getEventDrawing();
      return d ? { ...d.counts, tracks: d.trackLines.filter((l) => l.length).length } : undefined;
    };
    hooks.totalParts = model.totalParts;
    hooks.renderInfo = () => ({ ...gl.info.render, geometries: gl.info.memory.geometries, textures: gl.info.memory.textures });
    hooks.elementScreenBox = (id) => {
      const e = model.byId.get(id);
      return e ? screenBox(displayBox(e, useViewStore.getState().compression), camera, size) : undefined;
    };
    hooks.webgl = () => {
      const ctx = gl.getContext();
      const dbg = ctx.getExtension('WEBGL_debug_renderer_info');
      return {
        renderer: String(ctx.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : ctx.RENDERER)),
        logarithmicDepth: gl.capabilities.logarithmicDepthBuffer,
        maxRenderbuffer: ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number,
      };
    };
    hooks.timeRenders = (n) => {
      const ctx = gl.getContext();
      const px = new Uint8Array(4);
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        gl.render(scene, camera);
        ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
        times.push(performance.now() - t0);
      }
      return times;
    };
    window.__na62 = hooks;
  }, [gl, scene, camera, invalidate, size, model]);
  return null;
}

