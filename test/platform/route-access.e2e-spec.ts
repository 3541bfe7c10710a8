import { Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttp } from '@ruta/core';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { applyEnv, bootApp, TestApp } from '../support/app';
import { listRouteDeclarations } from '../support/routes';

@Controller('undeclared')
class UndeclaredController {
  @Get()
  secret() {
    return { leaked: true };
  }
}

describe('Deny by default (PRODUCT.md section 2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(() => t.close());

  it('every route of the application declares who may call it', () => {
    const routes = listRouteDeclarations(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => r.access === 'UNDECLARED')).toEqual([]);
  });

  it('keeps a reviewed snapshot of every route and its permission (a change here is a permission change)', () => {
    expect(listRouteDeclarations(t.app).map((r) => `${r.route} -> ${r.access}`)).toMatchSnapshot();
  });

  it('refuses a route without a declaration with 403, and the check above would report it', async () => {
    applyEnv();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.register({ inlineWorker: false })],
      controllers: [UndeclaredController],
    }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
    configureHttp(app, { trustProxy: false });
    await app.init();
    try {
      const undeclared = listRouteDeclarations(app).filter((r) => r.access === 'UNDECLARED');
      expect(undeclared).toEqual([{ route: 'GET /api/v1/undeclared', access: 'UNDECLARED' }]);
      const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: 'Ruta-Demo-2026' }).expect(200);
      const res = await request(app.getHttpServer()).get('/api/v1/undeclared').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('route_access_not_declared');
      expect(JSON.stringify(res.body)).not.toContain('leaked');
    } finally {
      await app.close();
    }
  });
});
