// Worker-thread entry for `na62 select`: register tsx's TypeScript loader in this thread, then run the shared worker.
import { register } from 'tsx/esm/api';
register();
await import('../src-node/selection-worker.ts');
