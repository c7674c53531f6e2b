/**
 * What a picture says about the event, read from the app's stores: caption lines (NA62,
 * Simulation/Data, run/burst/event, date, selection and region, key variables, blinding) and the
 * legend entries that follow the track colour mode.
 */
import { useDataStore } from '../state/data-store';
import { BLIND_BADGE, blindStageOf, useSelectionStore } from '../state/selection-store';
import { shortIdentity, type UnblindEntry } from '../../../src-shared/selection/blinding';
import { useEventDisplayStore, type ColourBy } from '../state/event-display-store';
import { keyVariableRows } from '../event/key-variables';
import { eventColour, type EVENT_COLOURS, HYPOTHESIS_COLOURS, HYPOTHESIS_LABELS, MOMENTUM_STOPS, VERTEX_COLOURS } from '../event/event-geometry';
import type { CaptionParts } from './picture-spec';
import type { CaptionLine, LegendEntry } from './picture-overlays';

export function captionLines(parts: CaptionParts, now = new Date()): CaptionLine[] {
  const d = useDataStore.getState();
  const sel = useSelectionStore.getState();
  const ds = d.datasets.find((x) => x.id === d.current);
  const ev = d.event;
  const lines: CaptionLine[] = [];
  const kind = ds ? (ds.meta.kind === 'data' ? 'Data' : 'Simulation') : '';
  if (parts.experiment || (parts.kind && kind)) {
    lines.push(parts.experiment ? { text: 'NA62', style: 'title', ...(parts.kind && kind ? { suffix: kind } : {}) } : { text: kind, style: 'title' });
  }
  if (ev && parts.runBurstEvent) {
    const h = ev.header;
    lines.push({ text: `Run ${h.run} · Burst ${h.burst} · Event ${h.event}${ds?.meta.kind === 'simulation' ? ` · ${h.process}` : ''}` });
  }
  if (parts.date) lines.push({ text: now.toISOString().slice(0, 10) });
  if (ev && parts.selection && sel.result && sel.resultDataset === d.current) {
    const c = sel.result.candidates.find((x) => x.index === d.index);
    lines.push({ text: `${sel.result.selection.preset}: ${c ? `selected${c.region ? ` · ${c.region}` : ' · outside SR/CR'}` : 'not selected'}` });
  }
  if (ev && d.analysis && parts.keyVariables) {
    const rows = keyVariableRows(ev, d.analysis, ds?.meta.source?.absent).filter(([, v]) => !v.startsWith('—'));
    for (let i = 0; i < rows.length; i += 3) lines.push({ text: rows.slice(i, i + 3).map(([k, v]) => `${k} ${v}`).join(' · ') });
  }
  if (parts.blinding) {
    const stage = blindStageOf(sel);
    lines.push({ text: `${BLIND_BADGE[stage]}${stage === 'none' ? '' : ` · ${sel.preset}`}`, style: stage === 'blind' || stage === 'cr' ? 'badge-blind' : 'badge-open' });
    // every unblinding step of this dataset goes on the picture (the collaboration's record)
    for (const e of sel.blinding?.log ?? []) lines.push({ text: unblindLine(e) });
  }
  return lines;
}

const unblindLine = (e: UnblindEntry) => `${e.region} of ${e.preset} unblinded ${e.time.replace('T', ' ').slice(0, 16)} UTC · app ${e.appVersion} · dataset ${shortIdentity(e.dataset)}`;

/** The blinding record for a picture's metadata (PNG text chunk, SVG <metadata>, glTF extras). */
export function blindingRecord(): string {
  const sel = useSelectionStore.getState();
  const stage = blindStageOf(sel);
  const log = sel.blinding?.log ?? [];
  return [`${sel.preset}: ${BLIND_BADGE[stage]}`, ...(sel.blinding?.identity ? [`dataset ${sel.blinding.identity}`] : []), ...log.map((e) => `${unblindLine(e)} (${e.dataset})`)].join('; ');
}

const HITS: [keyof typeof EVENT_COLOURS, string][] = [
  ['kaon', 'beam K+ (GTK)'], ['vertex', 'vertex ±σ'], ['tax', 'P line to the TAX'], ['beam', 'proton beam'],
  ['lkr', 'LKr cluster'], ['muv3', 'MUV3 tile'], ['newchod', 'NewCHOD hit'], ['lav', 'LAV hit'], ['anti0', 'ANTI0 hit'], ['straw', 'fired straw'], ['truth', 'MC truth (dashed)'],
];

export function trackLegend(by: ColourBy, light = false): LegendEntry[] {
  return by === 'momentum' ? [[MOMENTUM_STOPS[0], 'track p 0 GeV/c'], [MOMENTUM_STOPS[2], 'track p 37.5 GeV/c'], [MOMENTUM_STOPS[4], 'track p 75 GeV/c']]
    : by === 'hypothesis' ? (Object.keys(HYPOTHESIS_COLOURS) as (keyof typeof HYPOTHESIS_COLOURS)[]).map((h) => [HYPOTHESIS_COLOURS[h], HYPOTHESIS_LABELS[h]])
    : by === 'vertex' ? [[VERTEX_COLOURS.in, 'track in the vertex'], [VERTEX_COLOURS.out, 'other track']]
    : [[eventColour('positive', light), 'track, q > 0'], [eventColour('negative', light), 'track, q < 0']];
}

/** The legend of what the picture shows: track colours, then the collections present in the event. */
export function legendEntries(light: boolean): LegendEntry[] {
  const d = useDataStore.getState();
  const e = useEventDisplayStore.getState();
  const ev = d.event;
  if (!ev) return [];
  const present: Partial<Record<keyof typeof EVENT_COLOURS, boolean>> = {
    kaon: !!ev.beamKaon && !e.hidden.kaon, vertex: !!d.analysis?.vertex && !e.hidden.vertex, tax: !!d.analysis?.tax && !e.hidden.tax, beam: !!d.analysis?.tax && !e.hidden.tax,
    lkr: ev.lkrClusters.length > 0 && !e.hidden.lkr, muv3: ev.muv3Hits.length > 0 && !e.hidden.muv3, newchod: ev.newchodHits.length > 0 && !e.hidden.newchod,
    lav: ev.lavHits.length > 0 && !e.hidden.lav, anti0: ev.anti0Hits.length > 0 && !e.hidden.anti0, straw: (ev.strawHits?.length ?? 0) > 0 && !e.hidden.straws, truth: d.showTruth && (ev.truth?.length ?? 0) > 0,
  };
  return [...(e.hidden.tracks ? [] : trackLegend(e.colourBy, light)), ...HITS.filter(([k]) => present[k]).map(([k, label]): LegendEntry => [eventColour(k, light), label])];
}
