import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { parseDuration } from '../clock/clock.service';
import { Clock } from '../clock/clock.service';
import { ConfigError } from '../config/env.validation';
import { appConfig, authConfig, databaseConfig, redisConfig } from '../config/ruta.config';
import { problemBody } from '../errors/problem-body';
import { safeError } from '../errors/problem.filter';
import { ProblemException } from '../errors/problem.exception';
import { toProblem } from '../errors/to-problem';
import { POOL_TIMEOUT } from '../database/connection-guard';
import { pickLocale } from '../i18n/locale';
import { decodeCursor, encodeCursor, pageList, pageOf } from '../pagination/cursor';

describe('pickLocale', () => {
  it.each([
    [undefined, 'es'], ['', 'es'], ['en', 'en'], ['en-US,en;q=0.9', 'en'], ['fr, en;q=0.5', 'en'],
    ['es-EC', 'es'], ['en;q=0.2, es;q=0.8', 'es'], ['de', 'es'], ['en;q=0', 'es'],
  ])('%s -> %s', (header, expected) => expect(pickLocale(header)).toBe(expected));
});

describe('parseDuration', () => {
  it.each([
    ['P30D', 30 * 86400_000], ['PT1H', 3600_000], ['PT1M30S', 90_000], ['P1DT2H', 26 * 3600_000], ['PT0S', 0],
  ])('%s', (value, ms) => expect(parseDuration(value)).toBe(ms));
  it.each(['P', 'PT', '30D', 'P1W', '-P1D', 'P1.5D', 'tomorrow'])('refuses %s', (value) => expect(parseDuration(value)).toBeUndefined());
});

describe('Clock', () => {
  it('moves forward only and tells its listeners', async () => {
    const clock = new Clock();
    const seen: Date[] = [];
    clock.onAdvance((now) => { seen.push(now); });
    const before = clock.nowMs();
    clock.advance(60_000);
    await clock.notifyAdvanced();
    expect(clock.nowMs() - before).toBeGreaterThanOrEqual(60_000);
    expect(seen).toHaveLength(1);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('toProblem', () => {
  const pg = (code: string, constraint?: string) => new QueryFailedError('q', [], Object.assign(new Error('x'), { code, constraint }));
  it.each([
    ['23505', 409, 'already_exists'], ['23503', 422, 'reference_not_found'], ['23514', 422, 'constraint_violation'],
    ['22P02', 400, 'validation_failed'], ['40001', 409, 'conflict'],
  ])('maps PostgreSQL %s to %i %s', (code, status, problem) => {
    expect(toProblem(pg(code, 'c1'))).toMatchObject({ status, code: problem });
  });
  it('leaves unknown database errors to become 500', () => expect(toProblem(pg('XX000'))).toBeUndefined());
  it('names the request field a constraint guards, never the constraint (PRODUCT.md section 13)', () => {
    const mapped = toProblem(pg('23503', 'cases_border_point_fkey'));
    expect(mapped?.options.errors).toEqual([{ path: 'identification.borderPoint', message: expect.any(String) }]);
    expect(JSON.stringify(mapped?.options)).not.toContain('cases_border_point_fkey');
    const unmapped = toProblem(pg('23505', 'some_table_some_column_key'));
    expect(unmapped).toMatchObject({ status: 409, code: 'already_exists' });
    expect(JSON.stringify(unmapped?.options)).not.toContain('some_table');
  });
  it('answers a string the database cannot store (a NUL byte) with 400', () => {
    expect(toProblem(pg('22021'))).toMatchObject({ status: 400, code: 'validation_failed' });
  });
  it('answers 503 when the database is unreachable or shutting down', () => {
    expect(toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(toProblem(pg('57P01'))).toMatchObject({ status: 503 });
  });
  it('answers 503 with Retry-After when no pooled connection came in time or the server ended a statement', () => {
    const busy = toProblem(Object.assign(new Error('timeout exceeded when trying to connect'), { code: POOL_TIMEOUT }));
    expect(busy).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(busy?.options.headers).toMatchObject({ 'Retry-After': expect.stringMatching(/^\d+$/) });
    expect(toProblem(pg('57014'))).toMatchObject({ status: 503 });
    expect(toProblem(pg('25P03'))).toMatchObject({ status: 503 });
  });
  it('maps body-parser errors', () => {
    expect(toProblem(Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed', status: 400 }))).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(toProblem(Object.assign(new Error('x'), { type: 'entity.too.large', status: 413 }))).toMatchObject({ status: 413, code: 'payload_too_large' });
  });
  it('maps Nest HTTP exceptions', () => {
    expect(toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'route_not_found' });
    expect(toProblem(new BadRequestException())).toMatchObject({ status: 400, code: 'validation_failed' });
  });
  it('leaves programming errors alone', () => expect(toProblem(new TypeError('boom'))).toBeUndefined());
});

describe('problemBody', () => {
  it('renders RFC 9457 members in the caller\'s language', () => {
    const problem = ProblemException.conflict('version_conflict', { extensions: { currentVersion: 4 } });
    expect(problemBody(problem, 'en', 'r-1')).toEqual({
      type: 'urn:ruta:problem:version_conflict', title: 'The record changed since you read it; reload it', status: 409,
      detail: 'The record changed since you read it; reload it', code: 'version_conflict', requestId: 'r-1', currentVersion: 4,
    });
    expect(problemBody(problem, 'es').title).toBe('El registro cambió desde que lo leyó; vuelva a cargarlo');
  });
  it('does not let extensions override the standard members', () => {
    // @ts-expect-error an extension named like a member of the body does not compile
    const body = problemBody(ProblemException.badRequest('validation_failed', { extensions: { status: 200, code: 'ok', requestId: 'x', errors: [] } }), 'es');
    expect(body).toEqual(expect.objectContaining({ status: 400, code: 'validation_failed' }));
    expect(body).not.toHaveProperty('requestId');
    expect(body).not.toHaveProperty('errors');
  });
  it('shows a record\'s own status as recordStatus beside the HTTP status', () => {
    const body = problemBody(ProblemException.conflict('transition_not_allowed', { extensions: { recordStatus: 'closed', action: 'reopen' } }), 'en');
    expect(body).toEqual(expect.objectContaining({ status: 409, recordStatus: 'closed', action: 'reopen' }));
  });
});

describe('cursors', () => {
  it('round-trips and pages', () => {
    const cursor = encodeCursor([1, 'a']);
    expect(decodeCursor(cursor, 2)).toEqual([1, 'a']);
    expect(decodeCursor(undefined, 2)).toBeUndefined();
    const page = pageOf([1, 2, 3], 2, (n) => [n]);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([2]);
    expect(pageOf([1, 2], 2, (n) => [n]).nextCursor).toBeNull();
  });
  it('pages a short ordered list by the last key', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const first = pageList(all, { limit: 2 }, (x) => x);
    expect(first.items).toEqual(['a', 'b']);
    const second = pageList(all, { limit: 2, cursor: first.nextCursor! }, (x) => x);
    expect(second.items).toEqual(['c', 'd']);
    const third = pageList(all, { limit: 2, cursor: second.nextCursor! }, (x) => x);
    expect(third).toEqual({ items: ['e'], nextCursor: null });
    expect(pageList(all, {}, (x) => x)).toEqual({ items: all, nextCursor: null });
  });
  it.each(['not-base64!', encodeCursor([1]), Buffer.from('{"a":1}').toString('base64url')])('refuses a bad cursor %s', (bad) => {
    expect(() => decodeCursor(bad, 2)).toThrow(ProblemException);
  });
});

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });
  const base = { DATABASE_URL: 'postgresql://u@h:5432/d', JWT_SECRET: 'x'.repeat(32), AUDIT_HMAC_KEY: 'y'.repeat(32) };

  it('names the variable that is wrong', () => {
    process.env = { ...base, PORT: 'eighty' };
    expect(() => appConfig()).toThrow(new ConfigError('PORT', 'must be a whole number, got "eighty"'));
    process.env = { ...base, REDIS_URL: 'http://localhost' };
    expect(() => redisConfig()).toThrow(/REDIS_URL/);
    process.env = { ...base, JWT_SECRET: 'short' };
    expect(() => authConfig()).toThrow(/JWT_SECRET must be at least 32 characters/);
    process.env = { JWT_SECRET: 'x'.repeat(32) };
    expect(() => databaseConfig()).toThrow(/DATABASE_URL is required/);
  });

  it('refuses demo mode and the test clock in production, and requires the app password there', () => {
    process.env = { ...base, NODE_ENV: 'production', RUTA_DEMO: '1' };
    expect(() => appConfig()).toThrow(/RUTA_DEMO/);
    process.env = { ...base, NODE_ENV: 'production', RUTA_TEST_CLOCK: 'true' };
    expect(() => appConfig()).toThrow(/RUTA_TEST_CLOCK/);
    process.env = { ...base, NODE_ENV: 'production' };
    expect(() => databaseConfig()).toThrow(/DATABASE_APP_PASSWORD/);
  });

  it('derives the application role connection from the owner URL', () => {
    process.env = { ...base, DATABASE_APP_PASSWORD: 'p@ss word' };
    const db = databaseConfig();
    const app = new URL(db.appUrl);
    expect(app.username).toBe('ruta_app');
    expect(decodeURIComponent(app.password)).toBe('p@ss word');
    expect(app.pathname).toBe('/d');
  });
});

describe('safeError', () => {
  it('keeps kind, message and code of an error, never the failed query\'s parameters or detail', () => {
    const err = new QueryFailedError('INSERT INTO cases ...', ['María José', 'P-1234'], Object.assign(new Error('boom'), { code: 'XX000', detail: 'Key (name)=(María José)' }));
    const logged = JSON.stringify(safeError(err));
    expect(logged).toContain('QueryFailedError');
    expect(logged).toContain('XX000');
    expect(logged).not.toContain('María');
    expect(logged).not.toContain('P-1234');
  });
});
