import type { Request, RequestHandler, Response } from 'express';
import { apiCodeOf, type ApiErrorCode } from '@massline/shared';
import { AppError, formatError } from '../common/app-error';
import { CsvReader, type CsvRecord } from '../common/csv';
import { normalizeArguments } from '../common/input-normalization';
import type { RequestContext } from '../common/request-context';
import type { CsvUpload, UploadRoute } from '../common/upload';
import { refuse } from './request-limits';

export interface UploadLimits {
  /** Bytes one upload may stream. */
  maxBytes: number;
  /** Uploads received at once, across all callers. */
  atOnce: number;
}

const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

const TOO_LARGE = (maxBytes: number) => new AppError('REQUEST_TOO_LARGE', `The file is larger than ${maxBytes} bytes`);

/** Whether the body has been read to its end: an upload stopped early is not, and its connection is closed. */
interface BodyState {
  complete: boolean;
}

function streamedCsv(req: Request, params: Readonly<Record<string, string>>, maxBytes: number, state: BodyState): CsvUpload {
  return {
    params,
    async *batches() {
      const reader = new CsvReader();
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let bytes = 0;
      const decode = (chunk?: Buffer) => {
        try {
          return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
        } catch {
          throw new AppError('MALFORMED_REQUEST', 'The file is not UTF-8 text');
        }
      };
      for await (const chunk of req as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw TOO_LARGE(maxBytes);
        reader.push(decode(chunk));
        const records = reader.take();
        if (records.length > 0) yield records;
      }
      reader.push(decode());
      state.complete = true;
      const last: CsvRecord[] = reader.end();
      if (last.length > 0) yield last;
    },
  };
}

/**
 * `POST /uploads/:name`: a module's CSV upload, streamed (UploadRoute). The caller's permission is
 * checked before the body is read (anonymous callers and those without it never get to send a byte);
 * the body must be `text/csv` — a type no HTML form can send, so a cross-site page cannot make a
 * signed-in browser post one (the same reason Apollo's CSRF prevention accepts JSON) — and is read
 * chunk by chunk into CSV records, up to `maxBytes`; at most `atOnce` uploads are received at a time.
 */
export function uploadsHandler(
  routes: readonly UploadRoute[],
  limits: UploadLimits,
  contextOf: (req: Request, res: Response) => RequestContext,
): RequestHandler {
  const byName = new Map(routes.map((route) => [route.name, route]));
  let inFlight = 0;
  const answer = (res: Response, error: unknown) => {
    const formatted = formatError({ message: 'Internal server error' }, error, (e) => console.error('[upload]', e));
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ApiErrorCode;
    const status = (error instanceof AppError && error.reason === 'REQUEST_TOO_LARGE' ? 413 : HTTP_STATUS[code]) ?? 500;
    res
      .status(status)
      .type('application/json')
      .send(JSON.stringify({ errors: [formatted] }));
  };
  return async (req, res, next) => {
    const route = byName.get(String(req.params.name));
    if (!route) return refuse(res, 404, 'NOT_FOUND', 'NOT_FOUND', `No upload named "${String(req.params.name)}"`);
    if (!req.is('text/csv')) {
      return refuse(res, 415, apiCodeOf('MALFORMED_REQUEST'), 'MALFORMED_REQUEST', 'Send the file as text/csv (UTF-8)');
    }
    const context = contextOf(req, res);
    const [action, subject] = route.allow;
    if (!context.ability.can(action, subject)) {
      const signedIn = context.principal.kind !== 'ANONYMOUS';
      await context.securityLog.record({
        kind: 'REFUSED',
        actor: context.principal,
        actorLabel: context.actorLabel,
        regionPath: context.principal.kind === 'USER' ? context.principal.regionPath : null,
        reason: signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        operation: `Upload.${route.name}`,
      });
      return signedIn
        ? refuse(res, 403, 'FORBIDDEN', 'FORBIDDEN', `You may not ${action} ${subject}`)
        : refuse(res, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'Sign in (or send an API token) to upload');
    }
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) return answer(res.set('connection', 'close'), TOO_LARGE(limits.maxBytes));
    if (inFlight >= limits.atOnce) {
      res.setHeader('retry-after', '5');
      return refuse(res, 429, 'TOO_MANY_REQUESTS', 'RATE_LIMITED', 'Too many uploads at once: try again in a few seconds');
    }
    inFlight++;
    res.once('close', () => inFlight--);
    const state: BodyState = { complete: false };
    // What is left of a body the upload stopped reading is not received: the connection closes after the answer.
    res.once('finish', () => {
      if (!state.complete) req.destroy();
    });
    try {
      const query = new URL(req.originalUrl, 'http://upload.invalid').searchParams;
      const params = normalizeArguments(Object.fromEntries(query));
      const data = await route.handle(context, streamedCsv(req, params, limits.maxBytes, state));
      if (!state.complete) res.set('connection', 'close');
      res.status(200).type('application/json').send(JSON.stringify({ data }));
    } catch (error) {
      if (res.headersSent) return next(error);
      if (!state.complete) res.set('connection', 'close');
      answer(res, error);
    }
  };
}
