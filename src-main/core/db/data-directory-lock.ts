import { readFileSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'

/**
 * This boot of the machine (Linux), or '' where the system does not say. After a power cut the
 * old holder's pid may belong to another program: a lock from another boot is stale whatever
 * runs under that pid now.
 */
function currentBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return ''
  }
}

/**
 * The lock's name inside a data directory: a symbolic link whose target is the holder's pid and
 * the machine's boot id (`4242@8c1f…`).
 */
export const lockFileName = 'gencaster.lock'

/** Another Gencaster holds the data directory. */
export class DataDirectoryInUseError extends Error {
  override readonly name = 'DataDirectoryInUseError'
}

/** Data directories locked by this process (a second core in the same process is refused too). */
const heldHere = new Set<string>()

/** Whether a process with this pid runs (EPERM: it does, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the data directory for this process, before anything in it is written, and returns
 * the release. The lock is a symbolic link to the pid, made atomically (as Firefox's profile
 * lock): creating it needs no free data blocks, so it works on a full disk too. A lock left by a
 * process that no longer runs (`kill -9`, a power cut) is taken over.
 * @throws DataDirectoryInUseError naming the pid that holds it.
 */
export function lockDataDirectory(dataDir: string): () => void {
  const path = join(dataDir, lockFileName)
  if (heldHere.has(path)) throw inUse(dataDir, process.pid)
  const boot = currentBootId()
  const target = boot === '' ? String(process.pid) : `${process.pid}@${boot}`
  for (let attempt = 0; ; attempt += 1) {
    try {
      symlinkSync(target, path)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
    }
    const holder = readHolder(path)
    // Our own pid on a lock this process does not hold: a previous run with the same pid
    // (a container's pid 1 restarted). A lock of another boot: a power cut.
    if (
      holder !== undefined &&
      holder.pid !== process.pid &&
      (holder.boot === undefined || holder.boot === boot) &&
      isRunning(holder.pid)
    )
      throw inUse(dataDir, holder.pid)
    unlinkSync(path)
  }
  heldHere.add(path)
  return () => {
    if (!heldHere.delete(path)) return
    if (readHolder(path)?.pid === process.pid) unlinkSync(path)
  }
}

/** The pid of a lock, and its boot id when it names one (locks of older versions do not). */
function readHolder(path: string): { pid: number; boot: string | undefined } | undefined {
  try {
    const [pidText, boot] = readlinkSync(path).split('@', 2)
    const pid = Number(pidText)
    return Number.isInteger(pid) && pid > 0 ? { pid, boot: boot || undefined } : undefined
  } catch {
    return undefined
  }
}

function inUse(dataDir: string, pid: number): DataDirectoryInUseError {
  return new DataDirectoryInUseError(
    `data directory ${dataDir} is in use by another Gencaster (pid ${pid}); close it or choose another with --data-dir`,
  )
}
