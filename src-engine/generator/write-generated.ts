/** Generate events straight into an event file: the one routine behind the CLI, the app's Generate… and the demo data. */
import type { FileMeta } from '../../src-shared/event/file-meta';
import { GEOMETRY_VERSION } from '../../src-shared/geometry/na62-detector';
import { writeEventFile } from '../io/event-file';
import type { ByteSink } from '../io/source';
import { createGenerator, type GeneratorConfigInput } from './generate';

export interface GenerateProgress { readonly done: number; readonly total: number }

export async function generateToSink(
  input: GeneratorConfigInput,
  sink: ByteSink,
  opts: {
    batchSize?: number; onProgress?: (p: GenerateProgress) => boolean | void; description?: string; yieldToHost?: () => Promise<void>;
    /** mark the file as mock data: simulation that stands in for data, blind like data (the demo) */
    mockData?: boolean;
  } = {},
): Promise<FileMeta> {
  let gen: ReturnType<typeof createGenerator>;
  try {
    gen = createGenerator(input);
  } catch (err) {
    // the sink is open already: a refused configuration must not leave its temporary behind
    await sink.abort();
    throw err;
  }
  const total = gen.config.numEvents;
  return writeEventFile(sink, total, (start, count) => gen.events(start, count), {
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    meta: {
      geometryVersion: GEOMETRY_VERSION, strawHits: gen.config.strawHits, truth: gen.config.truth, chodHits: true, kind: 'simulation', generator: gen.info,
      ...(opts.description ? { description: opts.description } : {}),
      ...(opts.mockData ? { mockData: true } : {}),
    },
    onProgress: (done) => opts.onProgress?.({ done, total }),
    ...(opts.yieldToHost ? { yieldToHost: opts.yieldToHost } : {}),
  });
}
