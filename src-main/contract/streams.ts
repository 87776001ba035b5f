/** A StreamPoint assigned to listeners (seed: Stream). */
export interface Stream {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly streamPoint: string
  readonly numListeners: number
}

/** What a point carries now: its streams that have listeners, and how many listen in all. */
export interface PointStreams {
  readonly streams: number
  readonly listeners: number
}

/** A key/value pair of a stream session, both stored as text (seed: StreamVariable). */
export interface StreamVariable {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly stream: string
  readonly key: string
  readonly value: string
  readonly streamToSc: boolean
}
