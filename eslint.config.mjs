// ESLint: Next.js's rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's;
// formatting is Prettier's job, so eslint-config-prettier turns off the rules that would argue with it.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // An underscore marks a binding that is deliberately unused (a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'next-env.d.ts',
    '.e2e-data/**',
    'test-results/**',
    'playwright-report/**',
    'bench-results/**',
    'data/**',
    '.scratch/**',
    'lib/seed/*.cjs',
  ]),
]);
