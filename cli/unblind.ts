/**
 * `--unblind cr|sr` on the command line: the same rules as the app. It opens the control region
 * (cr) or both regions (sr) of one preset on the files given, and only those; every step is
 * logged (preset, region, dataset content identity, time, app version) into the result. Files
 * that are pure simulation are not blind, so there is nothing to open on them.
 */
import type { EventFile } from '../src-engine/io/event-file';
import { SOFTWARE } from '../src-engine/selection/run';
import { ALL_BLIND, blindingApplies, type BlindStage, type BlindStages, type ResultBlinding, type UnblindEntry } from '../src-shared/selection/blinding';
import type { PresetId } from '../src-shared/selection/types';

export interface CliUnblinding {
  readonly stages: BlindStages;
  /** note a file given on the command line (its identity is computed when something is opened on it) */
  add(file: EventFile): Promise<void>;
  /** the result's blinding record, with this run's log */
  record(fromRun: ResultBlinding | undefined): ResultBlinding;
}

export function parseUnblind(value: string | undefined, fail: (msg: string) => never): BlindStage {
  if (value === undefined) return 'blind';
  if (value !== 'cr' && value !== 'sr') fail(`--unblind wants cr (the control region) or sr (the signal region, and the CR with it), got "${value}"`);
  return value as BlindStage;
}

export function cliUnblinding(value: string | undefined, preset: PresetId, fail: (msg: string) => never): CliUnblinding {
  const stage = parseUnblind(value, fail);
  const stages: BlindStages = { ...ALL_BLIND, [preset]: stage };
  const datasets: string[] = [];
  const log: UnblindEntry[] = [];
  return {
    stages,
    async add(file) {
      if (stage === 'blind') return;
      const { applies, why } = blindingApplies(file.meta);
      if (!applies) { process.stderr.write(`na62: ${file.name}: ${why}; --unblind changes nothing there\n`); return; }
      const identity = await file.identity();
      datasets.push(identity);
      const time = new Date().toISOString();
      for (const region of stage === 'sr' ? (['CR', 'SR'] as const) : (['CR'] as const)) {
        const entry: UnblindEntry = { preset, region, dataset: identity, datasetName: file.name.split(/[\\/]/).pop() ?? file.name, time, appVersion: SOFTWARE.version };
        log.push(entry);
        process.stderr.write(`na62: unblinded the ${region} of ${preset} on ${entry.datasetName} (${identity})\n`);
      }
    },
    record(fromRun) {
      const applies = fromRun?.applies ?? false;
      return { applies, stages, datasets: [...new Set(datasets)], log };
    },
  };
}
