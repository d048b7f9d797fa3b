import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    // Forms take times on the computer's clock and the record shows them on the team's: every machine runs the tests
    // as a computer set to UTC, so the expected texts do not depend on where the tests run.
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
})
