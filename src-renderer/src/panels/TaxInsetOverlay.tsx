/** The CDA_TAX inset at Z_TAX over a 2D view (laid out by display/tax-inset.ts; pictures draw the same layout). */
import { useStore } from 'zustand';
import { useEventDisplay, useLiveView, useView } from '../state/AppProvider';
import { eventColour } from '../display/colours';
import type { TaxInset } from '../display/tax-inset';
import type { PaletteId } from '../display/palettes';

const pts = (p: readonly (readonly [number, number])[]) => p.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

export function TaxInsetOverlay() {
  const inset = useStore(useLiveView().taxInset, (s) => s.inset);
  const hidden = useEventDisplay((s) => s.hidden.tax);
  const light = useView((s) => s.theme) === 'light';
  const on = useView((s) => s.taxInset);
  const palette = useEventDisplay((s) => s.palette);
  if (!inset || hidden || !on) return null;
  return (
    <svg className="labels-overlay tax-inset" aria-label="CDA_TAX inset" data-testid="tax-inset"
      data-anchor-x={inset.anchor.x.toFixed(1)} data-anchor-y={inset.anchor.y.toFixed(1)}
      data-box={[inset.x, inset.y, inset.w, inset.h].map((v) => v.toFixed(1)).join(',')}
      data-bar-mm={inset.bar.mm} data-zfrom={inset.zFrom.toFixed(0)} data-zto={inset.zTo.toFixed(0)}>
      <InsetDrawing inset={inset} light={light} palette={palette} />
    </svg>
  );
}

function InsetDrawing({ inset: i, light, palette }: { inset: TaxInset; light: boolean; palette: PaletteId }) {
  const c = (k: 'tax' | 'beam' | 'cda') => eventColour(k, light, palette);
  const bx = i.plot.x + i.plot.w + 14, by = i.plot.y + i.plot.h; // transverse bar, right of the plot
  const zx = i.plot.x, zy = i.y + i.h - 8;
  return (
    <g>
      <rect className="inset-source" x={i.source.x0} y={i.source.y0} width={i.source.x1 - i.source.x0} height={i.source.y1 - i.source.y0} />
      <line className="inset-leader" x1={i.leader[0][0]} y1={i.leader[0][1]} x2={i.leader[1][0]} y2={i.leader[1][1]} />
      <rect className="inset-panel" x={i.x} y={i.y} width={i.w} height={i.h} rx={4} />
      <text className="label event-label" x={i.x + i.w / 2} y={i.y + 15} textAnchor="middle" data-testid="cda-label">{i.title}</text>
      {i.note && <text className="label inset-note" x={i.x + i.w / 2} y={i.y + 29} textAnchor="middle">{i.note}</text>}
      <rect className="inset-plot" x={i.plot.x} y={i.plot.y} width={i.plot.w} height={i.plot.h} />
      {i.lines.map((l) => (
        <polyline key={l.role} points={pts(l.points)} stroke={c(l.role)} strokeWidth={l.role === 'cda' ? 2.5 : 2} fill="none" data-role={l.role} />
      ))}
      {i.tags.map((t) => <text key={t.role} className="label inset-tag" x={t.x} y={t.y} style={{ fill: c(t.role) }}>{t.text}</text>)}
      <g className="inset-bar" data-testid="tax-inset-bar">
        <polyline points={pts([[bx - 4, by], [bx + 4, by], [bx, by], [bx, by - i.bar.px], [bx - 4, by - i.bar.px], [bx + 4, by - i.bar.px]])} />
        <text className="label" x={bx + 6} y={by - i.bar.px / 2 + 4}>{i.axis}</text>
        <text className="label" x={bx + 6} y={by - i.bar.px / 2 + 18}>{i.bar.label}</text>
        <polyline points={pts([[zx, zy - 4], [zx, zy], [zx + i.zBar.px, zy], [zx + i.zBar.px, zy - 4]])} />
        <text className="label" x={zx + i.zBar.px + 6} y={zy + 3}>z {i.zBar.label}</text>
      </g>
    </g>
  );
}
