import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from './temp-dir.js'

/** A real, tiny filesystem (tmpfs) that a test can fill up. */
export interface SmallFilesystem {
  readonly path: string
  /** Writes a file until the filesystem is full (ENOSPC). */
  fill(): void
  /** Deletes that file again. */
  free(): void
  unmount(): void
}

/**
 * Mounts a tmpfs of `size` (e.g. "2m"). Needs root: elsewhere it returns undefined with a
 * printed reason, and under CI=true it fails instead.
 */
export function mountSmallFilesystem(size: string): SmallFilesystem | undefined {
  const dir = makeTempDir('tmpfs')
  try {
    if (process.getuid?.() !== 0) throw new Error('not running as root')
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir.path], {
      stdio: 'pipe',
    })
  } catch (error) {
    dir.remove()
    const reason = `cannot mount a ${size} tmpfs (${(error as Error).message.trim()}): disk-full tests need root`
    if (process.env.CI === 'true') throw new Error(`CI: ${reason}`)
    console.warn(`skipping: ${reason}`)
    return undefined
  }
  const filler = join(dir.path, 'filler')
  mkdirSync(join(dir.path, 'data'))
  let mounted = true
  const unmount = (): void => {
    if (!mounted) return
    mounted = false
    execFileSync('umount', ['-l', dir.path], { stdio: 'pipe' })
    dir.remove()
  }
  // Should the test's afterAll never run (a worker that dies), the mount still goes.
  process.once('exit', unmount)
  return {
    path: join(dir.path, 'data'),
    fill: () => {
      const fd = openSync(filler, 'a')
      const chunk = Buffer.alloc(4096, 1)
      try {
        for (;;) writeSync(fd, chunk)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      } finally {
        closeSync(fd)
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount,
  }
}
