import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/csp-plugin.ts';

export default defineConfig({
  // Relative asset URLs: the built app works from any subpath (course sites, file servers).
  base: './',
  plugins: [react(), cspPlugin()],
  worker: { format: 'es' },
  // No source maps in the default build (they would ship the sources); TASK_LAB_SOURCEMAP=1 adds them.
  build: { target: 'es2022', sourcemap: process.env.TASK_LAB_SOURCEMAP === '1' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
