/**
 * The headers every file the app serves carries, in Electron (`palimpseste://`) and in the web
 * edition alike. The CSP is sent as a header, not a `<meta>`: a header cannot be removed by markup
 * injected into the page, and it covers the worker scripts too.
 */

/**
 * Strict: only the app's own files. No inline script or style (`'unsafe-inline'` nowhere), no eval,
 * no remote origin; `data:` images only (icons inlined by the build). Chromium resolves `'self'` for
 * the standard, secure custom scheme `palimpseste://app` as it does for `http://127.0.0.1:PORT`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
