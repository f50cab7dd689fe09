import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { ApiErrorCode, ErrorReason } from '@massline/shared';
import type { RateWindow } from './rate-window';

/** A GraphQL-shaped error for refusals made before GraphQL runs (bad token, rate limit, body). */
export function refuse(res: Response, status: number, code: ApiErrorCode, reason: ErrorReason | null, message: string): void {
  const extensions = reason ? { code, reason } : { code };
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** Requests per address and minute, counted before anything else is done for them (authentication included). */
export function perAddressLimit(window: RateWindow): RequestHandler {
  return (req, res, next) => {
    const key = req.ip ?? 'unknown';
    if (window.take(key)) return next();
    res.setHeader('retry-after', String(window.retryAfterSeconds(key)));
    refuse(res, 429, 'TOO_MANY_REQUESTS', 'RATE_LIMITED', `At most ${window.limit} requests a minute from one address`);
  };
}

const JSON_TYPES = ['application/json', 'application/graphql-response+json'];

/** The JSON body, up to `limit` bytes, whoever sends it: large files are streamed to /uploads instead (uploads.ts). */
export function jsonBody(limit: number): RequestHandler {
  return express.json({ limit, type: JSON_TYPES });
}

/** What body-parser says of a body it refused, as coded errors (never a 500). */
export const bodyErrors: ErrorRequestHandler = (error: { type?: string; limit?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  switch (error?.type) {
    case 'entity.too.large':
      return refuse(res, 413, 'BAD_USER_INPUT', 'REQUEST_TOO_LARGE', `The request body is larger than ${error.limit} bytes`);
    case 'entity.parse.failed':
      return refuse(res, 400, 'BAD_USER_INPUT', 'MALFORMED_REQUEST', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return refuse(res, 415, 'BAD_USER_INPUT', 'MALFORMED_REQUEST', 'Unsupported body encoding or charset');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return refuse(res, 400, 'BAD_USER_INPUT', 'MALFORMED_REQUEST', 'The request body was not received whole');
    default:
      return next(error);
  }
};
