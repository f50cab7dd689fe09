import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

// One run, five projects: pure domain (shared), the console's rules and registry (web, pure functions in
// Node), server units and schema tests, API end-to-end against a real PostgreSQL (api), and the console
// in Chromium (browser).
const decorators = () => swc.vite({ module: { type: 'es6' } });

// Vitest's default is one worker per core but one, which on a two-core machine runs every file in turn while
// PostgreSQL, the server under test and Chromium leave the second core idle. A file's work is mostly in
// those other processes, so two files at a time fit two cores.
const workers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  resolve: {
    // One graphql-js in the process: our sources would otherwise get its ESM build while Apollo and
    // type-graphql (loaded by Node) get the CommonJS one, and errors would no longer be instanceof.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    pool: 'forks',
    maxWorkers: workers,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        // As in web/vite.config.ts: the console compiles shared's TypeScript source.
        resolve: { alias: { '@massline/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) } },
        test: { name: 'web', include: ['web/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [decorators()],
        test: {
          name: 'server',
          include: ['server/src/**/*.spec.ts'],
          globalSetup: ['test/support/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [decorators()],
        test: {
          name: 'api',
          include: ['test/api/**/*.spec.ts'],
          globalSetup: ['test/support/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [decorators()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.spec.ts'],
          globalSetup: ['test/support/global-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // After the other projects (their own group), two consoles at a time: each file starts its own server,
          // database copy and Chromium, so files do not share state.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
