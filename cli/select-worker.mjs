// Worker-thread entry: register tsx's TypeScript loader in this thread, then load the worker itself.
import { register } from 'tsx/esm/api';
register();
await import('./select-worker.ts');
