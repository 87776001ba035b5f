/** A StreamPoint as the core stores it, with only what a test cares about filled in. */
export function makeStreamPoint(overrides: Partial<StreamPoint> = {}): StreamPoint {
  return {
    uuid: 'u-1',
    createdDate: '',
    modifiedDate: '',
    host: '127.0.0.1',
    port: 57120,
    useInput: false,
    janusInPort: null,
    janusOutPort: null,
    janusInRoom: null,
    janusOutRoom: null,
    janusPublicIp: null,
    scName: null,
    lastLive: null,
    ...overrides,
  }
}
import type { StreamPoint } from '../../src-main/contract/index.js'
