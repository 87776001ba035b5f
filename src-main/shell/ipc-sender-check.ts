/**
 * Who may use the contract over IPC, as a pure rule: the shapes below are the parts of
 * Electron's objects it reads, so it runs (and is tested) under plain Node.
 */

/** The part of a frame (Electron's `WebFrameMain`) the rule reads. */
export interface SenderFrame {
  readonly url: string
}

/** The part of an IPC event (Electron's `IpcMainInvokeEvent`) the rule reads. */
export interface SenderEvent {
  readonly sender: unknown
  readonly senderFrame: SenderFrame | null
}

/** The part of the window's `webContents` the rule reads. */
export interface OwnContents {
  readonly mainFrame: SenderFrame
}

/**
 * Whether a request comes from the main frame of our own window showing our own page: not from
 * another webContents, a subframe, a frame already gone (null), or a page navigated elsewhere.
 */
export function isTrustedSender(
  event: SenderEvent,
  own: OwnContents,
  isOwnPage: (url: string) => boolean,
): boolean {
  return (
    event.sender === own &&
    event.senderFrame !== null &&
    event.senderFrame === own.mainFrame &&
    isOwnPage(event.senderFrame.url)
  )
}
