/**
 * The baseline of bench/startup.bench.mjs: the least a page can do to show the NA62 detector —
 * three.js, the same detector description and the same geometry builder as the app
 * (src-renderer/src/geometry), one orthographic side view, one frame. No UI, no engine worker.
 * ?aa=0 draws without multisampling, as the app does on software WebGL (src-renderer/src/views/antialias.ts).
 * Records window.__minimal.firstFrame (performance.now() when the first frame with the detector is
 * finished, timed as the bench times the app's: ?sync=fence (a WebGL2 fence, polled), read (a
 * one-pixel read) or 0 (handed to the GPU)), and marks its steps (min:*) for bench/startup-profile.mjs.
 */
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';

declare global { interface Window { __minimal?: { firstFrame: number; calls: number } } }

performance.mark('min:start');
const renderer = new THREE.WebGLRenderer({ antialias: new URLSearchParams(location.search).get('aa') !== '0' });
renderer.setPixelRatio(window.devicePixelRatio);
renderer.setSize(window.innerWidth, window.innerHeight);
renderer.setClearColor(0xffffff);
document.body.appendChild(renderer.domElement);
performance.mark('min:gl-created');

const model = buildDetectorModel(NA62_DETECTOR);
performance.mark('min:model');
const scene = new THREE.Scene();
// side view (z across, y up) at the app's default compression of z (an estimate of its framing: 1:20)
const K = 20;
const box = new THREE.Box3();
for (const e of model.elements) {
  const g = e.geometry, color = new THREE.Color(0x557799);
  const place = (o: THREE.Object3D) => { o.position.z = g.originZ; o.scale.z = 1; scene.add(o); };
  if (g.faces) place(new THREE.Mesh(g.faces, new THREE.MeshBasicMaterial({ color, transparent: true, opacity: 0.35, side: THREE.DoubleSide })));
  if (g.lines) place(new THREE.LineSegments(g.lines, new THREE.LineBasicMaterial({ color: 0x223344 })));
  box.union(g.box);
}
scene.scale.z = 1 / K;
const cz = (box.min.z + box.max.z) / 2 / K, halfZ = (box.max.z - box.min.z) / 2 / K * 1.05;
const aspect = window.innerWidth / window.innerHeight;
const camera = new THREE.OrthographicCamera(-halfZ, halfZ, halfZ / aspect, -halfZ / aspect, 1, 1e6);
camera.position.set(1e5, 0, cz);
camera.up.set(0, 1, 0);
camera.lookAt(0, 0, cz);
renderer.render(scene, camera);
performance.mark('min:rendered');

const calls = renderer.info.render.calls;
const done = () => { window.__minimal = { firstFrame: performance.now(), calls }; };
const gl = renderer.getContext();
const sync = new URLSearchParams(location.search).get('sync') ?? 'read';
if (sync === 'fence' && gl instanceof WebGL2RenderingContext) {
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
  gl.flush();
  const poll = () => (gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED ? done() : setTimeout(poll, 0));
  setTimeout(poll, 0); // a fence's status changes only between tasks, as in the app's frame log
} else {
  if (sync !== '0') gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  done();
}
