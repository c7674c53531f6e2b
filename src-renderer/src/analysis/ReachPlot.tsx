/**
 * The A′ reach figure in the Analysis panel: the CSV that `na62 reach --model aprime` writes, drawn by
 * the same code as the CLI's figure (src-shared/reach/aprime-figure.ts), saved as SVG on demand.
 * The scan itself runs on the command line (minutes of generation), not in the display.
 */
import { useMemo, useState } from 'react';
import { aprimeFigure, parseReachCsv } from '../../../src-shared/reach/aprime-figure';

export function ReachPlot() {
  const [csv, setCsv] = useState<{ name: string; text: string } | undefined>();
  const figure = useMemo(() => {
    if (!csv) return undefined;
    try {
      const g = parseReachCsv(csv.text);
      return { svg: aprimeFigure(g.masses, g.epsilons, g.channels, g.points, 0), points: g.points.length };
    } catch (err) { return { error: `${csv.name}: ${err instanceof Error ? err.message : String(err)}` }; }
  }, [csv]);
  const url = figure && 'svg' in figure && figure.svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg)}` : undefined;
  return (
    <details className="reach-plot small" data-testid="reach-plot">
      <summary>A′ reach (N_exp contours from <code>na62 reach</code>)</summary>
      <label>reach CSV <input type="file" accept=".csv,text/csv" data-testid="reach-csv" onChange={(e) => {
        const f = e.target.files?.[0];
        if (f) void f.text().then((text) => setCsv({ name: f.name, text }));
      }} /></label>
      {figure && 'error' in figure && <div className="error-box small">{figure.error}</div>}
      {url && (
        <figure className="plot">
          <img src={url} alt="A′ reach: N_exp contours in the (m, ε) plane" data-testid="reach-figure" />
          <figcaption className="muted">{csv?.name} · {figure && 'points' in figure ? figure.points : 0} grid points · <a href={url} download="na62-reach-aprime.svg">save SVG</a></figcaption>
        </figure>
      )}
    </details>
  );
}
