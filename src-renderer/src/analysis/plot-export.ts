/**
 * Plots as files: the SVG as drawn (themed background, no interaction overlays), and a PNG of
 * any width rasterised from that SVG, so the picture stays sharp at any resolution.
 */
export const MAX_PNG_WIDTH = 12_000;
const MAX_PNG_PIXELS = 80e6;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of a plot, with its background painted in. */
export function plotSvgText(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  Array.from(copy.querySelectorAll('[data-interaction]')).forEach((el) => el.remove());
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const w = copy.getAttribute('width') ?? '640', h = copy.getAttribute('height') ?? '400';
  const bg = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', w); bg.setAttribute('height', h); bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Rasterise a plot's SVG document (of w0 × h0 px) at `width` pixels; the height keeps the aspect ratio. */
export async function svgToPng(text: string, size: { width: number; height: number }, width: number): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { width: w0, height: h0 } = size;
  if (!(w0 > 0 && h0 > 0)) throw new Error('the plot has no size');
  const W = Math.round(Math.min(MAX_PNG_WIDTH, Math.max(16, width)));
  const H = Math.round((W * h0) / w0);
  if (W * H > MAX_PNG_PIXELS) throw new Error(`${W} × ${H} px is larger than ${MAX_PNG_PIXELS / 1e6} megapixels`);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image(W, H);
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W; canvas.height = H;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, W, H);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error(`the browser could not encode a ${W} × ${H} PNG`);
    return { png: new Uint8Array(await blob.arrayBuffer()), width: W, height: H };
  } finally {
    URL.revokeObjectURL(url);
  }
}
