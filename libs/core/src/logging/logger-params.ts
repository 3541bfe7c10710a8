import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { assignRequestId } from '../http/request-id';

/** Nest's start-up wiring (a line per module and route): useful in production logs, noise in a terminal. */
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Structured logs with request ids; never bodies, tokens or query strings (they may hold personal data).
 * `json` is the format for production and containers; `pretty` prints one readable line per event for a
 * person running `npm start`, without the start-up wiring.
 */
export function rutaLoggerParams(level: string, format: 'json' | 'pretty'): Params {
  const pretty = format === 'pretty';
  return {
    // Every route, in the path syntax of Nest 11+ (nestjs-pino 4's default '*' draws a warning at start-up).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      // The server's id, set by the first middleware (configureHttp); a client's X-Request-Id is not the id.
      genReqId: (req, res) => assignRequestId(req, res),
      // Only method, path, status and ids.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: (req) => ({ actorId: (req as { user?: { id: string } }).user?.id }),
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) => (res.writableFinished
        ? `${req.method} ${path(req)} ${res.statusCode} ${Math.round(ms)} ms`
        : `${req.method} ${path(req)}: the client left after ${Math.round(ms)} ms, before the answer`),
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${path(req)} ${res.statusCode}`,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/v1/health') },
      ...(pretty ? {
        transport: {
          target: 'pino-pretty',
          options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime,actorId,context', messageFormat: '{if context}[{context}] {end}{msg}' },
        },
        hooks: {
          logMethod(args: unknown[], method: (...a: unknown[]) => void) {
            const first = args[0] as { context?: string } | undefined;
            if (first && typeof first === 'object' && first.context && WIRING.has(first.context)) return;
            method.apply(this, args);
          },
        },
      } : {}),
    },
  };
}

function path(req: IncomingMessage): string {
  return ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
}
