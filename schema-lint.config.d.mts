import type { ESLint, Linter } from 'eslint';

/** Types of schema-lint.config.mjs, for the spec that runs it (server/src/app/schema-lint.spec.ts). */
export declare const massline: ESLint.Plugin;
export declare const schemaLintRules: Linter.RulesRecord;
