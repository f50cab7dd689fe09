import type http from 'node:http';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';

/** A middleware or an error middleware, told apart as Express tells them: by the number of parameters. */
export type Middleware = RequestHandler | ErrorRequestHandler;

const isErrorHandler = (handler: Middleware): handler is ErrorRequestHandler => handler.length === 4;

/**
 * Serves one exact path (`/graphql`, with or without a query string) by calling its middlewares one after
 * the other as plain functions, before Express's router: the router's per-request work (a match against
 * every layer in turn, parameter processing, prefix trimming, a closure per step) was a measurable share
 * of each GraphQL request, and every request of the API takes this one path. The request and response are
 * Express's all the same (its prototypes, `req.app` and its settings, `res.locals`), so that the
 * middlewares are the very functions Express mounts for every other spelling of the path, and behave
 * alike: an error skips to the next error middleware (a rejected promise too), an error nobody answers is
 * a destroyed socket once headers are sent. Returns whether it took the request (if not, Express serves it).
 */
export function directRoute(
  app: Express,
  path: string,
  middlewares: readonly Middleware[],
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const request = app.request as unknown as object;
  const response = app.response as unknown as object;
  return (rawReq, rawRes) => {
    const url = rawReq.url ?? '';
    if (!(url === path || url.startsWith(`${path}?`))) return false;
    // What Express's application and router do before a mounted middleware sees the request.
    Object.setPrototypeOf(rawReq, request);
    Object.setPrototypeOf(rawRes, response);
    const req = rawReq as Request;
    const res = rawRes as Response;
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as Response['locals'];
    req.originalUrl = url;
    req.baseUrl = path;
    req.url = `/${url.slice(path.length)}`;

    let index = 0;
    const next: NextFunction = (error?: unknown) => {
      // `next('route')` and `next('router')` leave the route: for a mounted chain, its end.
      const failure = error === 'route' || error === 'router' ? undefined : error;
      while (index < middlewares.length) {
        const middleware = middlewares[index++];
        if ((failure !== undefined) !== isErrorHandler(middleware)) continue;
        try {
          const returned: unknown =
            failure !== undefined
              ? (middleware as ErrorRequestHandler)(failure, req, res, next)
              : (middleware as RequestHandler)(req, res, next);
          if (returned instanceof Promise) returned.catch((rejection: unknown) => next(rejection ?? new Error('Rejected promise')));
        } catch (thrown) {
          next(thrown);
        }
        return;
      }
      // Past the last middleware: what Express's final handler does.
      if (failure !== undefined) {
        if (res.headersSent) req.socket.destroy();
        else res.status(500).type('text').send('Internal server error');
      } else if (!res.headersSent) res.status(404).type('text').send(`Cannot ${req.method} ${path}`);
    };
    next();
    return true;
  };
}
