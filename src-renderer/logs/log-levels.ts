/** Level names by value, as the core stores them (Python's logging levels). */
export const logLevelNames: Record<number, string> = {
  0: 'NOTSET',
  10: 'DEBUG',
  20: 'INFO',
  30: 'WARNING',
  40: 'ERROR',
  50: 'CRITICAL',
}
