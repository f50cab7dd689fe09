import type { RequestHandler } from 'express';

/**
 * The console's Content-Security-Policy: scripts, styles, fonts and data only from this origin, no
 * plugins, no framing, no form posts elsewhere. Styles allow inline attributes: the charts (ECharts'
 * SVG renderer) style their elements inline. Images may be data: URLs (the favicon is one).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries: what a browser may do with it, and with the console it is part of. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  next();
};

/** Source maps stay on the build machine: they are never served (they would publish the sources). */
export const noSourceMaps: RequestHandler = (req, res, next) => {
  if (req.path.endsWith('.map')) return void res.status(404).type('text').send('Not found');
  next();
};
