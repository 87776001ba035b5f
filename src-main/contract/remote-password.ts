/** Where a password set by the performer came from. */
export type ConfiguredPasswordSource = 'flag' | 'environment' | 'settings file' | 'password file'

/**
 * Where the remote-action password in use came from: set by the performer, or made by the core
 * on first start (`generated`) and kept in the data directory.
 */
export type RemotePasswordSource = ConfiguredPasswordSource | 'generated'
