/** The 3D/2D canvas: detector, cameras, and the HTML overlays drawn over it. */
import { useContext, useMemo } from 'react';
import { Canvas } from '@react-three/fiber';
import { useStore } from 'zustand';
import * as THREE from 'three';
import { addLights, BACKGROUND } from '../display/detector-scene';
import type { DetectorModel } from '../geometry/detector-model';
import { CameraRig } from './CameraRig';
import { DetectorScene } from './DetectorScene';
import { SceneBridge } from './SceneBridge';
import { BeamSectionOverlay } from './BeamSectionOverlay';
import { EventOverlay } from './EventOverlay';
import { LabelsOverlay } from '../panels/LabelsOverlay';
import { ScaleBarsOverlay } from '../panels/ScaleBarsOverlay';
import { AxesHint } from '../panels/AxesHint';
import { EventLegend } from '../panels/EventLegend';
import { EventLabelsOverlay } from '../panels/EventLabelsOverlay';
import { useView, useViewport, useViews } from '../state/AppProvider';
import { ViewportContext } from './ViewportContext';
import { StartupGate } from './startup-gate';
import { PickCard } from './PickCard';
import { BlindNotice } from './BlindNotice';
import { Scene3DControls } from '../panels/Scene3DControls';
import { TaxInsetOverlay } from '../panels/TaxInsetOverlay';
import { rememberRenderer, resolveAntialias, webglRenderer } from './antialias';

/**
 * Mounted before the detector model is ready (`model` undefined): the canvas and its WebGL context are
 * made while the page waits for the engine, which is half a second of a cold start with software WebGL
 * (bench/startup.bench.mjs); the scene fills in when the model arrives. At start-up a view that is
 * not the active one waits for the active view's first event before it makes its canvas
 * (views/startup-gate.ts).
 */
export function DetectorView({ model, unmerged = false }: { model: DetectorModel | undefined; unmerged?: boolean }) {
  const theme = useView((s) => s.theme);
  const antialias = resolveAntialias(useView((s) => s.antialias), webglRenderer());
  // the same lights as every picture panel (display core)
  const lights = useMemo(() => { const g = new THREE.Group(); addLights(g, theme); return g; }, [theme]);
  // several views (issue 17): this one's id; a view in a hidden tab does not draw
  const entry = useContext(ViewportContext);
  const views = useViews();
  const visible = useViewport((s) => s.visible);
  const active = useStore(views.state, (s) => s.activeId) === entry?.id;
  const several = useStore(views.state, (s) => s.ids.length) > 1;
  // at start-up only the active view makes its canvas; the others once its first event is on screen
  const waiting = !useStore(views.startup.state, (s) => entry === undefined || StartupGate.mayDraw(s, entry.id));
  if (waiting && entry) {
    return (
      <div className="viewport" data-testid="viewport" data-view-id={entry.id} onPointerDownCapture={() => views.activate(entry.id)}>
        <div className="loading">Drawing the first view…</div>
      </div>
    );
  }
  return (
    <div className={`viewport${active ? ' active-view' : ''}`} data-testid="viewport" data-view-id={entry?.id} onPointerDownCapture={() => entry && views.activate(entry.id)}>
      <Canvas
        frameloop={visible ? 'demand' : 'never'}
        flat
        dpr={[1, 2]}
        // Logarithmic depth: 270 m of beam line with millimetre details, no z-fighting at any zoom.
        // alpha: the drawing buffer keeps an alpha channel so pictures can have a transparent background.
        // antialias: MSAA, off where WebGL runs in software unless the user asks for it (views/antialias.ts);
        // a change makes a new canvas (the key), as a context's attributes are fixed when it is made
        key={antialias ? 'msaa' : 'no-msaa'}
        gl={{ logarithmicDepthBuffer: true, antialias, alpha: true, powerPreference: 'high-performance' }}
        onCreated={({ gl }) => {
          rememberRenderer(gl.getContext());
          gl.setClearColor(BACKGROUND[theme]);
          performance.mark('na62:gl-created');
        }}
      >
        <color attach="background" args={[BACKGROUND[theme]]} />
        {model && <>
          <primitive object={lights} />
          <DetectorScene model={model} unmerged={unmerged} />
          <BeamSectionOverlay model={model} />
          <EventOverlay model={model} />
          <CameraRig model={model} />
          <SceneBridge model={model} />
        </>}
      </Canvas>
      {model ? <>
        <LabelsOverlay />
        <EventLabelsOverlay />
        <TaxInsetOverlay />
        <ScaleBarsOverlay />
        <AxesHint />
        <EventLegend compact={several && !active} onExpand={() => entry && views.activate(entry.id)} />
        <BlindNotice />
        <PickCard />
        <Scene3DControls model={model} />
      </> : <div className="loading">Loading the detector…</div>}
    </div>
  );
}
