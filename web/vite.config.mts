import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedSource = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The console compiles the shared TypeScript source: one vocabulary, no separate shared build step.
    alias: { '@massline/shared': sharedSource },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The shared workspace is pure (vocabulary, rules, domain maths): what the console does not use is
        // dropped, instead of every module whose top level merely looks as if it could have side effects.
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
