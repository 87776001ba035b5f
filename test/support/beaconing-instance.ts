import { decodeOscDatagram } from '../../src-main/core/osc/osc-codec.js'
import { OscTestClient } from './osc-test-client.js'

/** A real UDP socket standing in for an instance: it beacons, sees instructions, may answer. */
export class BeaconingInstance {
  readonly instructions: { uuid: string; code: string }[] = []
  private constructor(
    readonly client: OscTestClient,
    private readonly corePort: number,
  ) {
    client.onMessage((datagram) => {
      for (const message of decodeOscDatagram(datagram)) {
        const [uuid, code] = message.args as [string, string]
        this.instructions.push({ uuid, code })
      }
    })
  }

  static async open(corePort: number): Promise<BeaconingInstance> {
    return new BeaconingInstance(await OscTestClient.open(), corePort)
  }

  beacon(name: string): Promise<void> {
    return this.client.send(this.corePort, '/beacon', [
      'name',
      name,
      'lang_port',
      this.client.port,
      'uuid',
      0,
      'status',
      'BEACON',
    ])
  }

  ack(uuid: string, status: string, returnValue: string): Promise<void> {
    return this.client.send(this.corePort, '/acknowledge', [
      'uuid',
      uuid,
      'status',
      status,
      'return_value',
      returnValue,
    ])
  }

  close(): Promise<void> {
    return this.client.close()
  }
}
