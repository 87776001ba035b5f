/** One numbered schema step. Versions start at 1 and have no gaps. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}
