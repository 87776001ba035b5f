/** A SuperCollider instance that announced itself by beacon (seed: StreamPoint). */
export interface StreamPoint {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly host: string
  /** The instance's sclang port, where instructions go. */
  readonly port: number
  readonly useInput: boolean
  readonly janusInPort: number | null
  readonly janusOutPort: number | null
  readonly janusInRoom: number | null
  readonly janusOutRoom: number | null
  readonly janusPublicIp: string | null
  readonly scName: string | null
  readonly lastLive: string | null
}
