/** What the fast Monte Carlo is asked to make: part of the API (the app's Generate… dialog, the CLI). */
import { z } from 'zod';
import { DUMP_PROCESSES, KAON_PROCESSES, PROCESSES, type ProcessLabel } from './model';

export const GeneratorConfigSchema = z.object({
  mode: z.enum(['dump', 'kaon']),
  /** process → relative share of the events */
  mix: z.partialRecord(z.enum(PROCESSES), z.number().nonnegative()).refine((m) => Object.values(m).some((v) => v > 0), 'choose at least one process'),
  numEvents: z.number().int().nonnegative().max(100_000_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  run: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  eventsPerBurst: z.number().int().positive().default(10_000),
  strawHits: z.boolean().default(false),
  truth: z.boolean().default(true),
  massMeV: z.number().positive().max(5000).optional(),
  epsilon: z.number().positive().max(1).optional(),
  /** proper decay length cτ, mm: the ALP's, or an A' lifetime instead of the one ε implies */
  ctauMm: z.number().positive().optional(),
  brProduct: z.number().positive().max(1).optional(),
  scalarMassMeV: z.number().positive().max(500).optional(),
  /** halo backgrounds (combinatorial, prompt): importance-sampled where the selections keep them, or natural */
  haloSampling: z.enum(['biased', 'natural']).default('biased'),
}).superRefine((c, ctx) => {
  const allowed = c.mode === 'dump' ? DUMP_PROCESSES : KAON_PROCESSES;
  for (const [p, share] of Object.entries(c.mix)) {
    if (share > 0 && !allowed.includes(p as ProcessLabel)) ctx.addIssue({ code: 'custom', path: ['mix', p], message: `${p} is not a ${c.mode}-mode process` });
  }
});
export type GeneratorConfig = z.output<typeof GeneratorConfigSchema>;
export type GeneratorConfigInput = z.input<typeof GeneratorConfigSchema>;

/** Parse a process mix as the CLI and the Generate dialog take it: "label[:share],label[:share]…". */
export function parseProcessMix(spec: string): { mix: Partial<Record<ProcessLabel, number>> } | { error: string } {
  const mix: Partial<Record<ProcessLabel, number>> = {};
  const parts = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return { error: 'no process given' };
  for (const part of parts) {
    const [label = '', share = '1', ...extra] = part.split(':');
    if (extra.length) return { error: `bad process entry "${part}" (use label or label:share)` };
    if (!(PROCESSES as readonly string[]).includes(label)) return { error: `unknown process "${label}" (known: ${PROCESSES.join(', ')})` };
    const v = Number(share);
    if (!(v >= 0) || !Number.isFinite(v)) return { error: `bad share "${share}" for ${label}` };
    mix[label as ProcessLabel] = v;
  }
  return { mix };
}

/** The run mode a mix implies: dump unless it names a kaon-mode process. */
export const modeOfMix = (mix: Partial<Record<ProcessLabel, number>>): 'dump' | 'kaon' =>
  Object.keys(mix).every((p) => DUMP_PROCESSES.includes(p as ProcessLabel)) ? 'dump' : 'kaon';
