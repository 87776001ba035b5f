import { homedir } from 'node:os'
import { join } from 'node:path'

/** The folder Electron uses as this app's user data, so that headless and app share state. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const appName = 'gencaster-desktop'
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName)
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName)
}
