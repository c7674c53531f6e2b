// One lint config for every process. Layering is enforced: shared and engine code stay pure
// (no Electron, DOM libraries or Node I/O), the renderer never reaches into the main process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const pure = (forbidden) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: 'This layer must stay pure: it runs in the main process, a Web Worker and the CLI.' })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist-web/', 'test-output/', 'bench-output/', '.gl/', '.whl/'] },
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
      ...pure(['electron', 'node:*', '**/src-main/**', '**/src-preload/**']),
    },
  },
  { files: ['src-shared/**/*.ts', 'src-engine/**/*.ts'], rules: pure(['electron', 'react', 'react-dom', 'three', 'three/*', '@react-three/*', 'node:*', 'fs', 'path', '**/src-main/**', '**/src-renderer/**']) },
  { files: ['src-preload/**/*.ts'], rules: pure(['zod', 'node:*', '**/src-main/**', '**/src-renderer/**', '**/api/schemas', '**/api/client']) },
  { files: ['scripts/**/*.mjs', 'bench/**/*.mjs'], languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', window: 'readonly', performance: 'readonly' } } },
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' } },
);
