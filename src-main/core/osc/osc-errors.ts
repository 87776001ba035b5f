// Errors are classes named `…Error`; their `name`, which log lines and answers show, keeps the
// word users read: the seed's exception names (OscBackendAuthException) and the protocol's.

/** An OSC packet or message that does not follow the Gencaster protocol (README, "OSC protocol"). */
export class MalformedOscMessageError extends Error {
  override readonly name = 'MalformedOscMessage'
}

/**
 * A remote action with a missing or wrong password. The message never carries the password
 * that was sent, so it is safe to log.
 */
export class OscBackendAuthError extends Error {
  override readonly name = 'OscBackendAuthException'
}
