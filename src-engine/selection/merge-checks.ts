/**
 * Whether selection results may be merged into one: made by the same software, the same selection
 * and blinding, each with a possible cut-flow, and covering each dataset's events once — no event
 * counted twice, none missing that the inputs' ranges show. Every refusal names the files.
 */
import { UserFacingError } from '../dispatch';
import type { ResultInput, SelectionResult } from '../../src-shared/selection/types';
import { shortIdentity } from '../io/dataset-identity';
import { blindingOf } from './run';

const stagesText = (r: SelectionResult) => (r.blinding ? (r.blinding.applies ? Object.entries(r.blinding.stages).map(([k, v]) => `${k} ${v}`).join(', ') : 'not blind') : r.blinded ? 'blind' : 'unblinded');

export interface NamedResult { readonly name: string; readonly result: SelectionResult }

const refuse = (msg: string): never => { throw new UserFacingError('bad-request', msg); };
const range = (x: ResultInput) => `events ${x.firstEvent}–${x.firstEvent + x.events - 1}`;
const dataset = (x: ResultInput) => `${x.file.split(/[\\/]/).pop()} (${shortIdentity(x.identity ?? '')})`;

/** Problems of one result alone: a cut-flow that cannot come from a selection, inputs without identity. */
export function resultProblems(r: SelectionResult): string[] {
  const out: string[] = [];
  if (r.formatVersion < 2 || r.inputs.some((x) => !x.identity)) out.push('it does not record the identity of its inputs (made by an older version): rerun the selection');
  r.cutflow.forEach((row, k) => {
    if (!Number.isInteger(row.n) || row.n < 0) out.push(`cut-flow row "${row.id}" counts ${row.n} events`);
    const prev = r.cutflow[k - 1];
    if (prev && row.n > prev.n) out.push(`cut-flow row "${row.id}" counts ${row.n} events, more than the ${prev.n} before it`);
  });
  const all = r.cutflow[0]?.n ?? 0, last = r.cutflow.at(-1)?.n ?? 0;
  const events = r.inputs.reduce((a, x) => a + x.events, 0);
  if (all + (r.corrupt?.n ?? 0) !== events) out.push(`the cut-flow starts with ${all} events${r.corrupt ? ` (+${r.corrupt.n} skipped as corrupt)` : ''}, but its inputs hold ${events}`);
  // masked events count among all events only (not in the rows after it): the last row lists them all
  if (r.candidates.length !== last) out.push(`${r.candidates.length} candidates, but the cut-flow ends with ${last}`);
  return out;
}

/**
 * Throws a UserFacingError saying what is wrong and in which files. `allowPartial`: a dataset
 * need not be covered whole (merging some shards now, the rest later); overlaps are refused anyway.
 */
export function checkMergeable(parts: readonly NamedResult[], opts: { allowPartial?: boolean } = {}): void {
  if (!parts.length) refuse('nothing to merge');
  for (const p of parts) {
    const problems = resultProblems(p.result);
    if (problems.length) refuse(`${p.name}: cannot be merged: ${problems.join('; ')}`);
  }
  const [head] = parts;
  const sw = (r: SelectionResult) => `${r.software.name} ${r.software.version}`;
  for (const p of parts) {
    if (sw(p.result) !== sw(head!.result)) refuse(`${head!.name} was made by ${sw(head!.result)}, ${p.name} by ${sw(p.result)}: merge results of one software version`);
    if (JSON.stringify(p.result.selection) !== JSON.stringify(head!.result.selection)) refuse(`${head!.name} and ${p.name} are results of different selections (preset, parameters, cuts or expressions differ)`);
    if (blindingOf(p.result) !== blindingOf(head!.result)) refuse(`${head!.name} and ${p.name} differ in blinding (${stagesText(head!.result)} vs ${stagesText(p.result)}): merge results made at one blinding stage`);
    if (p.result.keyVariables.join() !== head!.result.keyVariables.join()) refuse(`${head!.name} and ${p.name} list different variables with their candidates`);
  }

  // each dataset's ranges, from every part
  const byDataset = new Map<string, { x: ResultInput; part: string; k: number }[]>();
  for (const [k, p] of parts.entries()) for (const x of p.result.inputs) {
    if (x.events === 0) continue;
    const list = byDataset.get(x.identity!) ?? [];
    list.push({ x, part: p.name, k });
    byDataset.set(x.identity!, list);
  }
  for (const list of byDataset.values()) {
    list.sort((a, b) => a.x.firstEvent - b.x.firstEvent);
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1]!, b = list[k]!;
      if (a.x.firstEvent + a.x.events > b.x.firstEvent) {
        const who = a.k === b.k ? `${a.part} holds` : a.part === b.part ? `${a.part}, given twice, holds` : `${a.part} and ${b.part} both hold`;
        refuse(`${who} events ${b.x.firstEvent}–${Math.min(a.x.firstEvent + a.x.events, b.x.firstEvent + b.x.events) - 1} of ${dataset(b.x)}: they would be counted twice`);
      }
    }
    if (opts.allowPartial) continue;
    const total = list.find((e) => e.x.datasetEvents !== undefined)?.x.datasetEvents;
    let next = 0;
    const gaps: string[] = [];
    for (const { x } of list) {
      if (x.firstEvent > next) gaps.push(`${next}–${x.firstEvent - 1}`);
      next = x.firstEvent + x.events;
    }
    if (total !== undefined && next < total) gaps.push(`${next}–${total - 1}`);
    if (gaps.length) {
      const shards = [...new Set(list.map((e) => e.x.shard).filter((s) => s).map((s) => `${s!.index}/${s!.count}`))];
      refuse(`events ${gaps.join(', ')} of ${dataset(list[0]!.x)} are in none of the results (${list.map((e) => `${e.part}: ${range(e.x)}`).join('; ')})${shards.length ? `; shards given: ${shards.join(', ')}` : ''}. Add the missing results, or merge with --partial`);
    }
  }
}
