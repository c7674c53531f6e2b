/**
 * Multisampling of the live views (views/antialias.ts): auto turns it off on software WebGL only;
 * the user's choice wins either way; the setting cycles and persists with the view settings.
 */
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, resolveAntialias } from '../../src-renderer/src/views/antialias';
import { createViewStore } from '../../src-renderer/src/state/view-store';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const INTEL = 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)';
const APPLE = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)';

describe('antialiasing of the live views', () => {
  it('knows software rasterisers from GPUs by the renderer string', () => {
    for (const s of [SWIFTSHADER, LLVMPIPE, 'softpipe', 'Microsoft Basic Render Driver']) expect(isSoftwareRenderer(s), s).toBe(true);
    for (const s of [NVIDIA, INTEL, APPLE, 'WebKit WebGL']) expect(isSoftwareRenderer(s), s).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false); // unknown: treated as a GPU (antialiased)
  });

  it('auto: off in software, on on a GPU; on and off are the user’s, whatever the renderer', () => {
    expect(resolveAntialias('auto', SWIFTSHADER)).toBe(false);
    expect(resolveAntialias('auto', LLVMPIPE)).toBe(false);
    expect(resolveAntialias('auto', NVIDIA)).toBe(true);
    expect(resolveAntialias('auto', undefined)).toBe(true);
    for (const r of [SWIFTSHADER, NVIDIA, undefined]) {
      expect(resolveAntialias('on', r)).toBe(true);
      expect(resolveAntialias('off', r)).toBe(false);
    }
  });

  it('the setting cycles auto → on → off → auto and is kept with the view settings', async () => {
    const mem = new Map<string, string>();
    const storage = () => ({ getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) });
    const a = createViewStore(storage);
    expect(a.getState().antialias).toBe('auto');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) { a.getState().cycleAntialias(); seen.push(a.getState().antialias); }
    expect(seen).toEqual(['on', 'off', 'auto']);
    a.getState().cycleAntialias();
    expect(JSON.parse(mem.get('na62-view')!).state.antialias).toBe('on');
    const b = createViewStore(storage);
    await b.persist.rehydrate();
    expect(b.getState().antialias).toBe('on');
  });
});
