/**
 * The renderer's own policy (the meta tag of `src-renderer/index.html`), plus what only a
 * header can say: no other page may frame the control room (its STOP button and editor live).
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

/** Sent with every HTTP answer of browser mode, whatever its status. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}
