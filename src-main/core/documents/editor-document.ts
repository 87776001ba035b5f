/** One editor tab: code the performer keeps between shows. */
export interface EditorDocument {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly title: string
  readonly text: string
  /** Tab order. */
  readonly position: number
}
