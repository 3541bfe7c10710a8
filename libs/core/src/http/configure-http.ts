import { Logger as NestLogger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemException } from '../errors/problem.exception';
import { ProblemFilter, RefusalRecorder, sendProblem } from '../errors/problem.filter';
import { rutaValidationPipe } from '../errors/validation';
import { homePage } from './home-page';
import { BodyContractGuard, JSON_BODY_LIMIT, refuseForeignInput, refuseHostileJson } from './request-body';
import { assignRequestId } from './request-id';
import { isApiPath, serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/**
 * HTTP conventions of PRODUCT.md section 13, applied the same way by the API and the tests.
 * The app must be created with { bodyParser: false, bufferLogs: true }.
 */
export function configureHttp(app: NestExpressApplication, options: { trustProxy: boolean; onRefusal?: RefusalRecorder; webDistDir?: string }): void {
  app.useLogger(app.get(Logger));
  if (options.trustProxy) app.set('trust proxy', true);
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX);
  // First, so that every answer (a body-parser refusal too) carries the server's request id.
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(helmet());
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The web app at / when it is built (PRODUCT.md section 15); until then a short page pointing to the API.
  if (!options.webDistDir || !serveWebApp(app, options.webDistDir)) {
    app.getHttpAdapter().get('/', (req: unknown, res: unknown) => homePage(req as Request, res as Response));
  }
  // Outside /api nothing else answers: an unknown path is a 404 problem, not Express's own HTML page.
  app.use((req: Request, _res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : next(ProblemException.notFound())));
  // Section 13: JSON only (multipart where a route declares it), no NUL, at most 32 levels, 1 MB; all
  // before routing, so before any guard or handler reads the body (sign-in included).
  app.use(refuseForeignInput);
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(refuseHostileJson);
  // The web app's refresh token (libs/auth session cookie); read only by the auth routes, and only with their header.
  app.use(cookieParser());
  const bodyLogger = new NestLogger('BodyParser');
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(error, req, res, bodyLogger);
  });
  // Global guards run before the access guard and route guards: the body a route declares is checked first.
  app.useGlobalGuards(new BodyContractGuard());
  app.useGlobalPipes(rutaValidationPipe());
  app.useGlobalFilters(new ProblemFilter(options.onRefusal));
  app.enableShutdownHooks();
}

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Ruta API')
    .setDescription('Ruta: identificación, protección y seguimiento de víctimas de trata de personas (Ecuador). '
      + 'Identification, protection and follow-up of victims of human trafficking (Ecuador).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller}_${method}` });
}

/** The documentation at /api/docs (JSON at /api/docs-json), built on its first request rather than at every start. */
export function serveOpenApi(app: NestExpressApplication, document: () => OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
