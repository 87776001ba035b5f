/**
 * Whether the core refuses this page's link: its own origin answers 401 to a `HEAD` with the
 * page's cookie, as after the core restarted with a new token (its token file deleted). A
 * network error means the core is unreachable, not that the link is wrong: false.
 */
export async function linkRefused(probeUrl: string): Promise<boolean> {
  try {
    const response = await fetch(probeUrl, { method: 'HEAD', cache: 'no-store' })
    return response.status === 401
  } catch {
    return false
  }
}
