/**
 * Issue 18: the text of every picture layout keeps its guarantees. For each layout the export offers
 * (single side, top, beam's eye, 3D; the four-panel figure; two panels side by side) × both themes ×
 * HD and 4K × four events (dump μμ, dump ee, K2πDD, a crowded event):
 * (a) the layout engine's boxes: no two collide, none leaves its panel (or the header band);
 * (b) the exported SVG, parsed: every <text> measured with the same font metrics, no two overlap,
 *     none crosses its panel; no leader line runs through a text; the badge holds its text; the
 *     legend and the caption lie above the panels.
 * The SVG path runs in Node (projection is maths); a 3D panel's image is not needed for its text.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { DEFAULT_STYLE, type DisplaySnapshot } from '../../src-renderer/src/display/types';
import { analyseEvent } from '../../src-engine/reco/event-analysis';
import { createGenerator } from '../../src-engine/generator/generate';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { pictureLayout, svgPicture, type ExportEnv } from '../../src-renderer/src/export/render-picture';
import { ALL_CAPTION, ALL_OVERLAYS, FIGURE_PANELS, type PanelSpec, type PictureSpec } from '../../src-shared/picture/picture-spec';
import { layoutProblems, overlaps, inside, segmentHitsBox, type Box } from '../../src-shared/picture/text-layout/layout';
import { textBox } from '../../src-shared/picture/text-layout/font-metrics';
import type { LiveCanvas } from '../../src-renderer/src/views/live-view';
import type { Na62Event } from '../../src-shared/event/model';
import type { DatasetInfo } from '../../src-shared/api/contract';
import { crowdedEvent } from '../crowded-event';
import { PRESET_IDS } from '../../src-shared/selection/types';

const model = buildDetectorModel(NA62_DETECTOR);
const pick = (mode: 'dump' | 'kaon', process: string, seed: number, want = 2) =>
  createGenerator({ mode, mix: { [process]: 1 }, numEvents: 40, seed }).events(0, 40).find((e) => e.tracks.length >= want)!;
const EVENTS: Record<string, Na62Event> = {
  'dump μμ': pick('dump', 'aprime-mumu', 6),
  'dump ee': pick('dump', 'aprime-ee', 7),
  'K2πDD': pick('kaon', 'k2pi-dd', 4, 3),
  crowded: crowdedEvent(0.2),
};

export const LAYOUTS: Record<string, readonly PanelSpec[]> = {
  side: [{ view: 'side' }], top: [{ view: 'top' }], beam: [{ view: 'beam', station: 'straw1' }], '3d': [{ view: '3d' }],
  figure: FIGURE_PANELS, pair: [{ view: 'side' }, { view: 'top' }],
};
const SIZES = { HD: [1920, 1080], '4K': [3840, 2160] } as const;

/** The app's state for one event, as the export dialog and `na62 render` see it. */
export function envFor(ev: Na62Event, unblinded = false): ExportEnv {
  const analysis = analyseEvent(ev);
  const stores = createAppStores({ storage: memoryStorage() });
  const ds = { id: 'd1', name: 'demo.arrow', numEvents: 40, meta: { kind: 'simulation' } } as unknown as DatasetInfo;
  stores.data.setState({ datasets: [ds], current: 'd1', index: 0, event: ev, analysis });
  if (unblinded) {
    // as after `na62 render --unblind sr`: the red UNBLINDED badge and six steps logged into the caption
    const id = 'sha256:20b40d4285730000000000000000000000000000000000000000000000000000';
    const log = PRESET_IDS.flatMap((preset) => (['CR', 'SR'] as const).map((region) => ({ preset, region, dataset: id, datasetName: 'demo.arrow', time: '2026-12-02T11:28:00.000Z', appVersion: '0.1.0' })));
    stores.selection.setState({ preset: 'dump-mumu', blinding: { dataset: 'd1', applies: true, why: '', stages: Object.fromEntries(PRESET_IDS.map((p) => [p, 'sr'])) as never, identity: id, log } });
  }
  const snapshot: DisplaySnapshot = {
    mode: 'side', station: 'straw1', compression: 20, shown: {}, labels: true, theme: 'dark', event: ev, analysis,
    style: DEFAULT_STYLE, trackWidth: 3, fitTarget: undefined,
  };
  const canvas = { size: { width: 1400, height: 850 }, camera: new THREE.PerspectiveCamera(), invalidate: () => {} } as unknown as LiveCanvas;
  return { canvas, model, snapshot, stores };
}

interface SvgText { text: string; box: Box; x: number; y: number }
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The texts of an SVG picture with the boxes they take (the same metrics as the layout), its leaders, panels, badge and legend. */
export function parseSvg(svg: string) {
  const texts: SvgText[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const tag = m[1]!, text = unescape(m[2]!);
    const anchor = attr(tag, 'text-anchor'), base = attr(tag, 'dominant-baseline');
    const x = Number(attr(tag, 'x')), y = Number(attr(tag, 'y'));
    const box = textBox({
      x, y, text, size: Number(attr(tag, 'font-size')), bold: attr(tag, 'font-weight') === 'bold',
      align: anchor === 'middle' ? 'center' : anchor === 'end' ? 'right' : 'left',
      baseline: base === 'text-before-edge' ? 'top' : base === 'central' ? 'middle' : 'bottom',
      halo: attr(tag, 'stroke') ? Number(attr(tag, 'stroke-width')) : 0,
    });
    texts.push({ text, box, x, y });
  }
  const panels = [...svg.matchAll(/<na62:panel [^>]*\/>/g)].map((m) => {
    const n = (k: string) => Number(attr(m[0], k));
    return { x0: n('x'), y0: n('y'), x1: n('x') + n('width'), y1: n('y') + n('height') };
  });
  const leaders = [...svg.matchAll(/<polyline data-role="leader"[^>]* points="([^"]*)"/g)].map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]));
  const rects = [...svg.matchAll(/<rect data-role="(badge|legend)"([^>]*)\/>/g)].map((m) => {
    const n = (k: string) => Number(attr(m[2]!, k));
    return { role: m[1]!, box: { x0: n('x'), y0: n('y'), x1: n('x') + n('width'), y1: n('y') + n('height') } };
  });
  return { texts, panels, leaders, rects };
}

/** Everything wrong with an SVG picture's text, as messages. */
export function svgProblems(svg: string, W: number): string[] {
  const { texts, panels, leaders, rects } = parseSvg(svg);
  const out: string[] = [];
  const top = Math.min(...panels.map((p) => p.y0));
  const header: Box = { x0: 0, y0: 0, x1: W, y1: top };
  const regionOf = (t: SvgText) => panels.find((p) => t.x >= p.x0 && t.x <= p.x1 && t.y >= p.y0 && t.y <= p.y1) ?? header;
  for (const t of texts) if (!inside(t.box, regionOf(t), 0.6)) out.push(`"${t.text}" leaves its ${regionOf(t) === header ? 'header' : 'panel'}`);
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    // the box is rounded to 0.1 px in the SVG: allow that much
    const a = texts[i]!.box, b = texts[j]!.box;
    if (overlaps({ x0: a.x0 + 0.1, x1: a.x1 - 0.1, y0: a.y0 + 0.1, y1: a.y1 - 0.1 }, b)) out.push(`"${texts[i]!.text}" overlaps "${texts[j]!.text}"`);
  }
  for (const l of leaders) for (const t of texts) {
    const sh = { x0: t.box.x0 + 0.2, x1: t.box.x1 - 0.2, y0: t.box.y0 + 0.2, y1: t.box.y1 - 0.2 };
    if (segmentHitsBox(l[0]!, l[l.length - 1]!, sh)) out.push(`a leader line runs through "${t.text}"`);
  }
  for (const r of rects) {
    if (!inside(r.box, header, 0.6)) out.push(`the ${r.role} is not in the header band above the panels`);
    if (r.role === 'badge') {
      const t = texts.find((x) => x.x >= r.box.x0 && x.x <= r.box.x1 && x.y >= r.box.y0 && x.y <= r.box.y1);
      if (!t) out.push('the badge has no text');
      else if (!inside(t.box, r.box, 0.2)) out.push(`"${t.text}" overflows its badge`);
    }
  }
  return out;
}

describe('figure text layout (issue 18)', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  Object.entries(EVENTS).forEach(([evName, ev], k) => {
    const svgTheme = k % 2 ? 'dark' : 'paper';
    it(`${evName}${k === 0 ? ' (unblinded, six steps logged)' : ''}: every layout × theme × HD/4K keeps its text apart and inside its panel, in the engine and in the SVG`, async () => {
      const env = envFor(ev, k === 0);
      const problems: string[] = [];
      let texts = 0, labels = 0;
      for (const [layout, panels] of Object.entries(LAYOUTS)) for (const theme of ['dark', 'paper'] as const) for (const [sizeName, [W, H]] of Object.entries(SIZES)) {
        const spec: PictureSpec = { width: W, height: H, panels, theme, transparent: false, caption: ALL_CAPTION, overlays: ALL_OVERLAYS, lineWidth: 1, frame: 'event' };
        const tag = `${layout} ${theme} ${sizeName}`;
        for (const r of await pictureLayout(spec, env, { now })) {
          problems.push(...layoutProblems(r.entries, r.bounds).map((m) => `${tag} engine ${r.name}: ${m}`));
          labels += r.entries.filter((e) => e.kind === 'label').length;
          // the furniture is there, not dropped to make room: each panel's scale bars, 2D panels' axis titles
          if (r.name.startsWith('panel')) {
            if (!r.entries.some((e) => e.kind === 'scale-bar')) problems.push(`${tag} ${r.name}: no scale bar`);
            if (!/3d/.test(r.name) && r.entries.filter((e) => e.kind === 'axis-title').length !== 2) problems.push(`${tag} ${r.name}: axis titles missing`);
          }
        }
        // the SVG (the 2D views as vectors; ~0.1 s each): every layout at HD in one theme (the events
        // alternate), the figure at 4K in the other; the text's places do not depend on the theme
        if ((sizeName === 'HD' && theme === svgTheme) || (layout === 'figure' && sizeName === '4K' && theme !== svgTheme)) {
          const svg = await svgPicture(spec, env, { now }, () => 'data:,');
          texts += parseSvg(svg).texts.length;
          problems.push(...svgProblems(svg, W).map((m) => `${tag} svg: ${m}`));
        }
      }
      expect(problems).toEqual([]);
      // the pictures do carry text: element labels, ticks, captions
      expect(labels).toBeGreaterThan(60);
      expect(texts).toBeGreaterThan(200);
    }, 30_000);
  });
});
