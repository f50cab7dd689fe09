import type { IncomingMessage } from 'node:http';
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

/**
 * The length of a body that the plain reader takes (`readJsonBody`): a declared length within the limit,
 * not chunked, not compressed, a JSON media type in UTF-8. Null for any other body, which body-parser
 * reads (inflating, counting a chunked body against the limit, refusing a charset or a declared length
 * past the limit).
 */
function plainJsonLength(req: IncomingMessage, limit: number): number | null {
  const { headers } = req;
  if (headers['transfer-encoding'] !== undefined) return null;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return null;
  const declared = headers['content-length'];
  if (declared === undefined || !/^[0-9]{1,10}$/.test(declared)) return null;
  const length = Number(declared);
  if (length === 0 || length > limit) return null;
  const [essence, ...parameters] = (headers['content-type'] ?? '').split(';');
  if (!JSON_TYPES.includes(essence.trim().toLowerCase())) return null;
  const plain = parameters.every((parameter) => /^\s*charset\s*=\s*("?)utf-8\1\s*$/i.test(parameter));
  return plain && parameters.length <= 1 ? length : null;
}

/** A JSON text as body-parser's strict mode takes it: an object or an array, a byte-order mark dropped. */
const STRICT_JSON_START = /^[ \t\n\r]*[{[]/;

/**
 * Reads a body of a known length and parses it as body-parser does, with the same error types for
 * `bodyErrors` (a body cut short, JSON that does not parse). The length was checked against the limit
 * before reading, and Node's parser delivers exactly the declared length.
 */
function readJsonBody(req: IncomingMessage & { body?: unknown }, length: number, next: (error?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let done = false;
  const finish = (error?: unknown) => {
    if (done) return;
    done = true;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('close', onClose);
    next(error);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  const onEnd = () => {
    if (received !== length) return finish({ type: 'request.size.invalid', status: 400 });
    let text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, received).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!STRICT_JSON_START.test(text)) return finish({ type: 'entity.parse.failed', status: 400 });
    try {
      req.body = JSON.parse(text) as unknown;
    } catch {
      return finish({ type: 'entity.parse.failed', status: 400 });
    }
    finish();
  };
  const onClose = () => {
    if (!req.complete) finish({ type: 'request.aborted', status: 400 });
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('close', onClose);
}

/**
 * The JSON body, up to `limit` bytes, whoever sends it: large files are streamed to /uploads instead
 * (uploads.ts). The common body (a declared length, plain UTF-8 JSON) is read by a few lines here:
 * body-parser's general path (media type matching, charset decoding, inflation, stream plumbing) cost
 * every GraphQL request about as much as its routing. Every other body goes through body-parser.
 */
export function jsonBody(limit: number): RequestHandler {
  const general = express.json({ limit, type: JSON_TYPES });
  return (req, res, next) => {
    // A body nobody has read yet. (Not `!req.complete`: a small body comes in the headers' packet, so the
    // message is complete before anyone reads it, and every such request went to body-parser.)
    const length = req.body === undefined && !req.readableDidRead ? plainJsonLength(req, limit) : null;
    if (length === null) return general(req, res, next);
    readJsonBody(req, length, next);
  };
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
