import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/out/**', 'node_modules/**', '**/*.vsix', 'test/e2e/.cache/**', '.vscode-test/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test registers tests synchronously; their promises are the runner's.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // A leading underscore marks a parameter that is there for its type or position only.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Every pattern of the product reads text from reports, settings or the editor, hostile ones
  // included: none may backtrack or move super-linearly (README, Reliability).
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  // The levels (DEVELOPERS.md, "Layout"): adapters reach the engine through its index; the
  // client reaches the server only through the protocol; markdown/ knows no post-mortem words;
  // the engine uses no editor or Node API.
  {
    files: [
      'server/src/cli/**/*.ts',
      'server/src/lsp/**/*.ts',
      'server/src/remark/**/*.ts',
      'server/src/node/**/*.ts',
      'server/src/preview/**/*.ts',
      'server/src/server.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*'],
              message: 'Import the engine through its index (`engine`), not its modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src/*', '**/server/src/**', '!**/server/src/protocol'],
              message: 'The client imports only `server/src/protocol.ts`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-*/**', 'node:*', '**/lsp/**', '**/cli/**'],
              message: 'The engine uses no editor, server or Node API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/engine/markdown/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*'],
              message: 'markdown/ reads text only: it imports nothing above it.',
            },
            {
              group: ['vscode', 'vscode-*', 'vscode-*/**', 'node:*'],
              message: 'The engine uses no editor, server or Node API.',
            },
          ],
        },
      ],
    },
  },
);
