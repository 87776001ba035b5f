/** A StreamPoint assigned to listeners (seed: Stream). */
export interface Stream {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly streamPoint: string
  readonly numListeners: number
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
