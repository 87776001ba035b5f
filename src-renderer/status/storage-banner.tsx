import type { StorageHealth } from '../../src-main/contract'
import { useAppState } from '../state/store-context'

/** "disk full: writes paused since 20:14:03, 132 writes waiting, 10 log lines dropped" */
export function describeStorage(health: StorageHealth): string {
  const since =
    health.since === undefined ? '' : ` since ${new Date(health.since).toLocaleTimeString()}`
  const dropped = health.dropped > 0 ? `, ${health.dropped} log lines dropped` : ''
  const waiting = `${health.waiting} write${health.waiting === 1 ? '' : 's'} waiting`
  return (
    `${health.reason ?? 'storage error'}: writes paused${since}, ${waiting}${dropped}. ` +
    'The show goes on; what arrives is kept in memory.'
  )
}

/** A loud banner while the core cannot write its database; nothing when all is well. */
export function StorageBanner() {
  const storage = useAppState((state) => state.storage)
  if (storage.state === 'ok') return null
  return (
    <div className="storage-banner" role="alert" data-testid="storage-banner">
      <strong>Database not written.</strong> {describeStorage(storage)}
    </div>
  )
}
