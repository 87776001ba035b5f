import { describe, expect, it } from 'vitest'
import { isTrustedSender, type SenderFrame } from '../../../src-main/shell/ipc-sender-check'

const ownUrl = 'file:///app/out/renderer/index.html'
const isOwnPage = (url: string) => url.split(/[?#]/)[0] === ownUrl

/** Two windows' contents, each with its main frame and one subframe, as Electron shapes them. */
function contents(url: string) {
  const mainFrame: SenderFrame = { url }
  const subframe: SenderFrame = { url }
  return { mainFrame, subframe }
}

describe('which IPC senders the contract answers', () => {
  const own = contents(ownUrl)
  const other = contents(ownUrl)

  it('accepts the main frame of its own window showing its own page', () => {
    expect(isTrustedSender({ sender: own, senderFrame: own.mainFrame }, own, isOwnPage)).toBe(true)
  })

  it('accepts its own page with a query or a fragment', () => {
    const frame = { url: `${ownUrl}#logs` }
    const window = { mainFrame: frame }
    expect(isTrustedSender({ sender: window, senderFrame: frame }, window, isOwnPage)).toBe(true)
  })

  it('refuses another webContents, even one showing the same page', () => {
    expect(isTrustedSender({ sender: other, senderFrame: other.mainFrame }, own, isOwnPage)).toBe(
      false,
    )
    // Another window's main frame claimed by our own webContents' event: still not ours.
    expect(isTrustedSender({ sender: own, senderFrame: other.mainFrame }, own, isOwnPage)).toBe(
      false,
    )
  })

  it('refuses a subframe of its own window', () => {
    expect(isTrustedSender({ sender: own, senderFrame: own.subframe }, own, isOwnPage)).toBe(false)
  })

  it('refuses a sender whose frame is gone (null)', () => {
    expect(isTrustedSender({ sender: own, senderFrame: null }, own, isOwnPage)).toBe(false)
  })

  it('refuses its own main frame once it shows a foreign URL', () => {
    const navigated = contents('https://evil.example/index.html')
    expect(
      isTrustedSender(
        { sender: navigated, senderFrame: navigated.mainFrame },
        navigated,
        isOwnPage,
      ),
    ).toBe(false)
  })
})
