import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphql from '@graphql-eslint/eslint-plugin';
import { schemaLintRules, massline } from './schema-lint.config.mjs';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'web/src/graphql-env.d.ts', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      // Prettier's width, held for what it cannot wrap (comments, long expressions it leaves alone).
      // String and template literals are exempt: SQL, GraphQL documents and messages read better whole.
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // Entry points and tools report on the console by design.
    files: ['server/src/main.ts', 'server/src/emit-schema.ts', 'test/bench/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  { files: ['**/*.mjs', '**/*.mts', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The public contract as emitted (npm run codegen): graphql-eslint's schema rules, see schema-lint.config.mjs.
    files: ['schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: './schema.graphql' } } },
    plugins: { '@graphql-eslint': graphql, massline },
    rules: schemaLintRules,
  },
);
