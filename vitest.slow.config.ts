import { defineConfig } from 'vitest/config'

// The slow suite: real processes killed, frozen and racing on real files, kept out of `npm test` so that stays quick.
// One file at a time: the tests measure how long a save waits, which a neighbour's busy processes would skew.
export default defineConfig({
  test: {
    name: 'slow',
    environment: 'node',
    env: { TZ: 'UTC' },
    include: ['test/slow/**/*.slow.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
