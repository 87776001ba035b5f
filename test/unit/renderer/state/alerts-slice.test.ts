import { describe, expect, it } from 'vitest'
import { stopFailureText } from '../../../../src-renderer/state/actions'
import { createAppStore } from '../../../../src-renderer/state/store'

describe('alerts that stay until dismissed', () => {
  it('keeps one alert per key, the newest text, until it is dismissed', () => {
    const store = createAppStore()
    store.getState().raiseAlert('stop', 'first')
    store.getState().raiseAlert('save', 'tab not saved')
    store.getState().raiseAlert('stop', 'second')
    expect(store.getState().alerts.map(({ key, text }) => [key, text])).toEqual([
      ['save', 'tab not saved'],
      ['stop', 'second'],
    ])
    store.getState().dismissAlert('stop')
    expect(store.getState().alerts.map(({ key }) => key)).toEqual(['save'])
  })

  it('words a stop that did not go out apart from one that failed', () => {
    const at = new Date(2026, 11, 1, 21, 4, 5)
    expect(stopFailureText('not sent: not connected to the core', at)).toBe(
      'STOP NOT SENT (21:04:05): not connected to the core',
    )
    expect(stopFailureText('no answer from the core within 5 s', at)).toBe(
      'STOP FAILED (21:04:05): no answer from the core within 5 s',
    )
  })
})
