import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under tests/ because the repository's top level is fixed; `root` points back at the repository.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
