import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-renderer.ts'],
    // Integration tests drive real sclang processes and UDP sockets: one file at a time keeps
    // the two cores of a CI machine from starving sclang's timers.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
