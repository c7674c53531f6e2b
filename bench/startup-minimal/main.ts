/**
 * The baseline of bench/startup.bench.mjs: the least a page can do to show the NA62 detector —
 * three.js, the same detector description and the same geometry builder as the app
 * (src-renderer/src/geometry), one orthographic side view, one frame. No UI, no engine worker.
 * Records window.__minimal.firstFrame (performance.now() after the first frame with the detector).
 */
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';

declare global { interface Window { __minimal?: { firstFrame: number; calls: number } } }

const renderer = new THREE.WebGLRenderer({ antialias: true });
renderer.setPixelRatio(window.devicePixelRatio);
renderer.setSize(window.innerWidth, window.innerHeight);
renderer.setClearColor(0xffffff);
document.body.appendChild(renderer.domElement);

const model = buildDetectorModel(NA62_DETECTOR);
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
// finish the frame (a one-pixel read), as the app's frame log does with sync on
renderer.getContext().readPixels(0, 0, 1, 1, renderer.getContext().RGBA, renderer.getContext().UNSIGNED_BYTE, new Uint8Array(4));
window.__minimal = { firstFrame: performance.now(), calls: renderer.info.render.calls };
