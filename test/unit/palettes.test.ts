/**
 * Legend colours that cannot be confused (issue 18): every pair of the event's collections is at
 * least MIN_DELTA_E apart (CIEDE2000) in both themes, each stands out from the background, and the
 * colour-blind palette keeps them apart under simulated deuteranopia, protanopia and tritanopia
 * (culori's Machado et al. 2009 matrices). The legend the layer registry builds uses the palette.
 */
import { describe, expect, it } from 'vitest';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit } from 'culori';
import { COLOUR_KEYS, MIN_DELTA_E, MIN_DELTA_E_BACKGROUND, PALETTE_IDS, PALETTES, type ColourKey, type PaletteTheme } from '../../src-renderer/src/display/palettes';
import { BACKGROUND, BEAM_AXIS_CROSS } from '../../src-renderer/src/display/detector-scene';
import { EVENT_LAYERS } from '../../src-renderer/src/display/layers/registry';
import { DEFAULT_STYLE } from '../../src-renderer/src/display/types';
import { crowdedEvent } from '../crowded-event';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';

const de = differenceCiede2000();
// the CDA segment is drawn in the vertex's colour and has no legend row of its own
const LEGEND_KEYS = COLOUR_KEYS.filter((k) => k !== 'cda');
const BACKGROUNDS: Record<PaletteTheme, string[]> = { dark: [BACKGROUND.dark], light: [BACKGROUND.light, '#ffffff'] };
type Seeing = (c: string) => string;
/** culori's filters take and give colours; as hex strings in, colour objects out (CIEDE2000 takes both) */
const asSeeing = (f: (c: never) => unknown): Seeing => f as unknown as Seeing;
const VISION: Record<'normal' | 'deuteranopia' | 'protanopia' | 'tritanopia', Seeing> = {
  normal: (c) => c, deuteranopia: asSeeing(filterDeficiencyDeuter(1)), protanopia: asSeeing(filterDeficiencyProt(1)), tritanopia: asSeeing(filterDeficiencyTrit(1)),
};

/** The closest pair of a palette as seen with a given vision. */
function closest(pal: Record<ColourKey, string>, see: Seeing): { a: string; b: string; d: number } {
  let best = { a: '', b: '', d: Infinity };
  for (let i = 0; i < LEGEND_KEYS.length; i++) {
    for (let j = i + 1; j < LEGEND_KEYS.length; j++) {
      const [a, b] = [LEGEND_KEYS[i]!, LEGEND_KEYS[j]!];
      const d = de(see(pal[a]), see(pal[b]));
      if (d < best.d) best = { a, b, d };
    }
  }
  return best;
}

describe('collection palettes', () => {
  for (const id of PALETTE_IDS) {
    for (const theme of ['dark', 'light'] as const) {
      it(`${id}, ${theme}: every pair of collections at least ΔE ${MIN_DELTA_E} apart, each clear of the background`, () => {
        const pal = PALETTES[id][theme];
        const c = closest(pal, VISION.normal);
        expect(c.d, `${c.a} / ${c.b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
        for (const bg of BACKGROUNDS[theme]) for (const k of LEGEND_KEYS) expect(de(pal[k], bg), `${k} on ${bg}`).toBeGreaterThanOrEqual(MIN_DELTA_E_BACKGROUND);
      });
    }
  }

  it('colour-blind safe: every pair stays apart under deuteranopia, protanopia and tritanopia, in both themes', () => {
    for (const theme of ['dark', 'light'] as const) {
      for (const [vision, see] of Object.entries(VISION)) {
        const c = closest(PALETTES['colour-blind'][theme], see);
        expect(c.d, `${theme}, ${vision}: ${c.a} / ${c.b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      }
    }
    // the standard palette is not (that is what the option is for): red and green collections merge
    expect(closest(PALETTES.standard.dark, VISION.deuteranopia).d).toBeLessThan(MIN_DELTA_E);
  });

  it('the spectrometer magnet, which every track crosses, stands apart from both charges\' colours in every palette and theme', () => {
    // it was drawn in schematic red (#c9463d): ΔE 5 from the positive tracks in the light theme, which vanished inside it
    const magnet = NA62_DETECTOR.elements.find((e) => e.id === 'mnp33')!.colour;
    for (const id of PALETTE_IDS) {
      for (const theme of ['dark', 'light'] as const) {
        for (const k of ['positive', 'negative'] as const) expect(de(magnet, PALETTES[id][theme][k]), `${id}/${theme} ${k}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('every element a track can cross or run along stands apart from both charges\' colours in every palette and theme', () => {
    // a screenshot review found the colour-blind palette's positive tracks (orange) lost in the
    // RICH's ochre (ΔE 5) and the LKr's gold (9), its negative ones (sky blue) in the LAV rings'
    // cyan (10), and the negative tracks in the blue decay vessel (6 in the light theme) and
    // the GTK stations (4). Only the proton beam's elements upstream of every track are exempt:
    // the target, the TAX and the proton impact marker (nothing charged is drawn there).
    const UPSTREAM_OF_EVERY_TRACK = new Set(['t10', 'tax1-cu', 'tax1-fe', 'tax2-fe', 'proton-impact']);
    const clashes: string[] = [];
    for (const e of NA62_DETECTOR.elements) {
      if (UPSTREAM_OF_EVERY_TRACK.has(e.id)) continue;
      for (const id of PALETTE_IDS) {
        for (const theme of ['dark', 'light'] as const) {
          for (const k of ['positive', 'negative'] as const) {
            const d = de(e.colour, PALETTES[id][theme][k]);
            if (d < 20) clashes.push(`${e.id} ${e.colour} against ${id}/${theme} ${k}: ΔE ${d.toFixed(1)}`);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
    // the exemptions are real elements (a renamed one would silently leave the rule)
    for (const id of UPSTREAM_OF_EVERY_TRACK) expect(NA62_DETECTOR.elements.some((e) => e.id === id), id).toBe(true);
  });

  it("the beam's-eye cross on the beam axis stands apart from both charges' colours (it was red, read as a positive track's ring)", () => {
    for (const id of PALETTE_IDS) {
      for (const theme of ['dark', 'light'] as const) {
        for (const k of ['positive', 'negative'] as const) expect(de(BEAM_AXIS_CROSS[theme], PALETTES[id][theme][k]), `${id}/${theme} ${k}`).toBeGreaterThanOrEqual(20);
        for (const bg of BACKGROUNDS[theme]) expect(de(BEAM_AXIS_CROSS[theme], bg), `on ${bg}`).toBeGreaterThanOrEqual(MIN_DELTA_E_BACKGROUND);
      }
    }
  });

  it('each collection of hits stands apart from the element it is drawn on, in every palette and theme', () => {
    // fired MUV3 tiles (standard green) on the MUV3 element's green were ΔE 6 apart, the
    // colour-blind CHOD slabs on the CHOD's green 5: a hit is drawn over its translucent element
    const HOST: Record<string, ColourKey> = { lkr: 'lkr', muv3: 'muv3', newchod: 'newchod', chod: 'chod', anti0: 'anti0' };
    const hostOf = (id: string): ColourKey | undefined => HOST[id] ?? (/^lav\d+$/.test(id) ? 'lav' : /^straw\d$/.test(id) ? 'straw' : undefined);
    const clashes: string[] = [];
    let hosts = 0;
    for (const e of NA62_DETECTOR.elements) {
      const key = hostOf(e.id);
      if (!key) continue;
      hosts++;
      for (const id of PALETTE_IDS) {
        for (const theme of ['dark', 'light'] as const) {
          const d = de(e.colour, PALETTES[id][theme][key]);
          if (d < 15) clashes.push(`${e.id} ${e.colour} against ${id}/${theme} ${key} hits ${PALETTES[id][theme][key]}: ΔE ${d.toFixed(1)}`);
        }
      }
    }
    expect(clashes).toEqual([]);
    expect(hosts).toBe(1 + 1 + 1 + 1 + 1 + 12 + 4); // the elements above, the twelve LAV stations, the four STRAW chambers
  });

  it('the legend of an event with every collection has distinct colours, from the chosen palette', () => {
    const ev = crowdedEvent(0.01);
    const analysis = { tracks: [], vars: {}, vertex: { x: 0, y: 0, z: 1e5, sx: 1, sy: 1, sz: 100 }, tax: { cda: 3, zTax: 2e4 } } as never;
    for (const palette of PALETTE_IDS) {
      for (const light of [false, true]) {
        const rows = EVENT_LAYERS.flatMap((l) => l.legend(ev, analysis, { ...DEFAULT_STYLE, showTruth: true, light, palette }));
        const colours = rows.map(([c]) => c);
        expect(rows.length).toBeGreaterThanOrEqual(10);
        expect(new Set(colours).size, rows.map((r) => r.join(' ')).join(', ')).toBe(colours.length);
        expect(colours.every((c) => Object.values(PALETTES[palette][light ? 'light' : 'dark']).includes(c))).toBe(true);
      }
    }
  });
});
