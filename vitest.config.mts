import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// One run, four projects: pure domain (shared), server units and schema tests,
// API end-to-end against a real PostgreSQL (api), and the console in Chromium (browser).
const decorators = () => swc.vite({ module: { type: 'es6' } });

export default defineConfig({
  resolve: {
    // One graphql-js in the process: our sources would otherwise get its ESM build while Apollo and
    // type-graphql (loaded by Node) get the CommonJS one, and errors would no longer be instanceof.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/src/**/*.spec.ts'], environment: 'node' },
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
          fileParallelism: false,
        },
      },
    ],
  },
});
