/** An OSC packet or message that does not follow the Gencaster protocol (README, "OSC protocol"). */
export class MalformedOscMessage extends Error {
  override readonly name = 'MalformedOscMessage'
}

/**
 * A remote action with a missing or wrong password. The message never carries the password
 * that was sent, so it is safe to log.
 */
export class OscBackendAuthException extends Error {
  override readonly name = 'OscBackendAuthException'
}
