/**
 * What a picture says about the event, read from the app's stores: caption lines (NA62,
 * Simulation/Data, run/burst/event, date, selection and region, key variables, blinding), and the
 * legend from the layer registry.
 */
import { BLIND_BADGE, blindStageOf } from '../state/selection-store';
import { shortIdentity, type UnblindEntry } from '../../../src-shared/selection/blinding';
import { selectedRegion } from '../../../src-shared/selection/candidate-columns';
import { keyVariableRows } from '../event/key-variables';
import { EVENT_LAYERS } from '../display/layers/registry';
import type { DisplaySnapshot } from '../display/types';
import type { CaptionParts } from '../../../src-shared/picture/picture-spec';
import type { CaptionLine, LegendEntry } from './picture-overlays';
import type { AppStores } from '../state/app-stores';

export function captionLines(stores: AppStores, parts: CaptionParts, now = new Date()): CaptionLine[] {
  const d = stores.data.getState();
  const sel = stores.selection.getState();
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
    const region = selectedRegion(sel.result, d.index);
    lines.push({ text: `${sel.result.selection.preset}: ${region !== undefined ? `selected${region ? ` · ${region}` : ' · outside SR/CR'}` : 'not selected'}` });
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
export function blindingRecord(stores: AppStores): string {
  const sel = stores.selection.getState();
  const stage = blindStageOf(sel);
  const log = sel.blinding?.log ?? [];
  return [`${sel.preset}: ${BLIND_BADGE[stage]}`, ...(sel.blinding?.identity ? [`dataset ${sel.blinding.identity}`] : []), ...log.map((e) => `${unblindLine(e)} (${e.dataset})`)].join('; ');
}

/**
 * The legend of what the picture shows: for each layer of the registry that draws something of
 * this event, its rows (the track colours follow the colour mode).
 */
export function legendEntries(snap: DisplaySnapshot): LegendEntry[] {
  const ev = snap.event;
  if (!ev) return [];
  return EVENT_LAYERS.filter((l) => !snap.style.hidden[l.id]).flatMap((l) => l.legend(ev, snap.analysis, snap.style));
}
