import type { FastifyInstance } from 'fastify';

/** A CSP the app itself passes: no inline scripts, nothing from elsewhere. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * The headers helmet sent with our options, written out once: they never vary by request, and
 * helmet rebuilt them (CSP parsing included) on every request, 6% of the CPU of `/api/auth/me`.
 * A route may still replace one (chat attachments send their own sandboxing CSP).
 */
export function securityHeaders(secure: boolean): Record<string, string> {
  return {
    'content-security-policy': (secure ? [...CSP, 'upgrade-insecure-requests'] : CSP).join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
  };
}

export function registerSecurityHeaders(app: FastifyInstance, secure: boolean) {
  const headers = securityHeaders(secure);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
