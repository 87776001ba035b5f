import { chromium, type BrowserContext } from 'playwright-core'
import { makeTempDir } from './temp-dir.js'

/** Debian's Chromium, headless, with the flags this closed network needs (REAL_STACK.md). */
export async function launchChromium(): Promise<{
  context: BrowserContext
  close: () => Promise<void>
}> {
  const profile = makeTempDir('chromium')
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      profile.remove()
    },
  }
}
