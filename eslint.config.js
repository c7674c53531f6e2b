// One lint config for every process. Layering is enforced: shared and engine code stay pure
// (no Electron, DOM libraries or Node I/O), the renderer never reaches into the main process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const pure = (forbidden) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: 'This layer must stay pure: it runs in the main process, a Web Worker and the CLI.' })) }],
});

/** no-restricted-imports with one message for a layer boundary */
const layer = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

/** what the renderer may not import: Node, Electron, the main process, the preload */
const RENDERER_FORBIDDEN = ['electron', 'node:*', '**/src-main/**', '**/src-node/**', '**/src-preload/**'];
/** …and of the engine, anything but its public module (src-engine/public) */
const ENGINE_INTERNALS = { regex: '(^|/)src-engine(/(?!public(/|$)).*)?$', message: 'The renderer reaches the engine only through the API (src-shared/api) or src-engine/public.' };
/** …the worker that hosts the engine may use its index, not its internals */
const ENGINE_BELOW_INDEX = { regex: '(^|/)src-engine/(?!index$).+', message: 'The worker hosts the engine through its index (src-engine/index.ts), not its internals.' };
/**
 * The renderer's state lives in per-window stores made by createAppStores (state/app-stores.ts) in
 * the AppProvider, so a test or a second window makes its own: no module-level store instance.
 */
const STORE_CALL = '[callee.name=/^create([A-Za-z]*Stores?)?$/]';
const CURRIED_STORE_CALL = '[callee.callee.name=/^create([A-Za-z]*Stores?)?$/]';
const MODULE_LEVEL = ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > CallExpression';
const NO_MODULE_STORES = {
  'no-restricted-syntax': ['error',
    { selector: "ImportDeclaration[source.value='zustand'] > ImportSpecifier[imported.name='create']", message: "zustand's create() makes a module-level store: add the store to createAppStores (state/app-stores.ts) and read it through the AppProvider's hooks." },
    { selector: `${MODULE_LEVEL}${STORE_CALL}`, message: 'No module-level store: stores are made per window by createAppStores in the AppProvider (state/app-stores.ts).' },
    { selector: `${MODULE_LEVEL}${CURRIED_STORE_CALL}`, message: 'No module-level store: stores are made per window by createAppStores in the AppProvider (state/app-stores.ts).' },
  ],
};
const rendererLayer = (engineRule) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: RENDERER_FORBIDDEN, message: 'The renderer never reaches Node, Electron, the main process or the preload.' }, engineRule] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'out-cli/', 'dist-web/', 'test-output/', 'bench-output/', '.gl/', '.whl/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      // the UI thread reaches the engine through the typed API, or its small public module
      ...rendererLayer(ENGINE_INTERNALS),
      ...NO_MODULE_STORES,
    },
  },
  // the browser build's engine host: the one renderer file that runs the engine (in a Web Worker), through its index
  { files: ['src-renderer/src/api/engine.worker.ts'], rules: rendererLayer(ENGINE_BELOW_INDEX) },
  { files: ['src-shared/**/*.ts', 'src-engine/**/*.ts'], rules: pure(['electron', 'react', 'react-dom', 'three', 'three/*', '@react-three/*', 'node:*', 'fs', 'path', '**/src-main/**', '**/src-node/**', '**/src-renderer/**']) },
  // Node code shared by Electron main and the CLI: no Electron, no UI, nothing of main's
  { files: ['src-node/**/*.ts'], rules: layer(['electron', 'react', 'react-dom', 'three', 'three/*', '@react-three/*', '**/src-main/**', '**/src-renderer/**', '**/src-preload/**'], 'src-node is plain Node code shared by Electron main and the CLI.') },
  // the command line: the engine, src-node and src-shared; never the UI or Electron main
  { files: ['cli/**/*.ts'], rules: layer(['electron', '**/src-main/**', '**/src-renderer/**', '**/src-preload/**'], 'The CLI uses src-engine, src-node and src-shared; shared picture code belongs in src-shared.') },
  { files: ['src-preload/**/*.ts'], rules: pure(['zod', 'node:*', '**/src-main/**', '**/src-renderer/**', '**/api/schemas', '**/api/client']) },
  { files: ['scripts/**/*.mjs', 'bench/**/*.mjs'], languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', window: 'readonly', performance: 'readonly' } } },
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' } },
);
