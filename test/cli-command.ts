/** How the tests run the `na62` command line: the bundle made by cli-bundle.setup.ts, else through tsx. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'out-cli', 'na62.mjs');

/** [executable, ...arguments] that start the CLI; append the command's own arguments. */
export function cliCommand(): string[] {
  // NA62_CLI_TSX=1: run the TypeScript through tsx as `npm run na62` does (to compare, or to debug)
  return existsSync(CLI_BUNDLE) && process.env['NA62_CLI_TSX'] !== '1' ? [process.execPath, CLI_BUNDLE] : [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'cli', 'na62.ts')];
}
