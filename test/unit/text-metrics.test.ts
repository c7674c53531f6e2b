/**
 * The layout engine measures text with a table of the bundled DejaVu fonts' advances and kerning
 * (scripts/gen-font-metrics.mjs): checked here against the TTFs themselves, read with fontkit, on
 * every element label of the detector and the strings of captions, legends, ticks and badges.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
// @ts-expect-error fontkit ships no type declarations (a dev dependency: the table's generator and this check)
import * as fontkit from 'fontkit';
import { measureText } from '../../src-shared/picture/text-layout/font-metrics';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';

interface Font { unitsPerEm: number; layout(s: string): { positions: { xAdvance: number }[] } }
const open = (f: string) => (fontkit as { openSync(p: string): Font }).openSync(path.join(__dirname, '../../assets/fonts', f));

const STRINGS = [
  ...NA62_DETECTOR.elements.map((e) => e.label),
  'NA62', 'Simulation', 'Run 8001 · Burst 0 · Event 16 · k2pi-dd', '2026-12-02', '|Σp| 26.55 GeV/c', 'BLIND · kaon-pi4e', 'UNBLINDED · dump-dilepton',
  'm_μμ 214.7 MeV/c² · m_ee 37.8 MeV/c² · CDA_TAX 24.3 mm', 'track, q > 0', 'beam K+ (GTK)', 'vertex ±σ', 'LKr cluster', 'fired straw',
  'z [m]', 'y [mm]', '−1500', '240', 'Side view (z–y) · z 1:20', "Beam's-eye view (x–y) at STRAW1", 'z compressed 1:20; bars in true length', 'To AV Wa',
];

describe('font metrics of the picture text', () => {
  for (const [file, bold] of [['DejaVuSans.ttf', false], ['DejaVuSans-Bold.ttf', true]] as const) {
    it(`${file}: the table gives the font's own widths (advances and kerning)`, () => {
      const font = open(file);
      const wrong = STRINGS.flatMap((s) => {
        const want = font.layout(s).positions.reduce((t, p) => t + p.xAdvance, 0) / font.unitsPerEm * 100;
        const got = measureText(s, 100, bold);
        return Math.abs(got - want) > 0.01 ? [`"${s}": table ${got.toFixed(2)} px, font ${want.toFixed(2)} px at 100 px`] : [];
      });
      expect(wrong).toEqual([]);
      // kerning is in: "To" is narrower than its two advances
      expect(measureText('To', 100, bold)).toBeLessThan(measureText('T', 100, bold) + measureText('o', 100, bold) - 5);
    });
  }
});
