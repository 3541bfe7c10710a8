import { registerAs } from '@nestjs/config';
import path from 'node:path';
import {
  ConfigError, projectRoot, readBool, readDirectory, readEnum, readInt, readOptional, readSecret, readString, readUrl,
} from './env.validation';

function env() {
  return process.env;
}

function isProduction(): boolean {
  return env().NODE_ENV === 'production';
}

export const appConfig = registerAs('app', () => {
  const e = env();
  const production = isProduction();
  const demo = readBool(e, 'RUTA_DEMO', false);
  if (production && demo) throw new ConfigError('RUTA_DEMO', 'cannot be enabled with NODE_ENV=production');
  const testClock = readBool(e, 'RUTA_TEST_CLOCK', false);
  if (production && testClock) throw new ConfigError('RUTA_TEST_CLOCK', 'cannot be enabled with NODE_ENV=production');
  return {
    production,
    demo,
    testClock,
    port: readInt(e, 'PORT', 3000, 0, 65535),
    inlineWorker: readBool(e, 'RUTA_INLINE_WORKER', false),
    logLevel: readEnum(e, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    /** json for production and containers; pretty (one readable line each, start-up wiring hidden) for a terminal. */
    logFormat: readEnum(e, 'LOG_FORMAT', ['json', 'pretty'] as const, 'json'),
    trustProxy: readBool(e, 'TRUST_PROXY', false),
    /** The built web app (index.html and assets/); served at / when its index.html exists. */
    webDistDir: readDirectory(e, 'WEB_DIST_DIR', path.join(projectRoot(), 'dist', 'web')),
  };
});

export const databaseConfig = registerAs('database', () => {
  const e = env();
  const url = readUrl(e, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const appRole = readString(e, 'DATABASE_APP_ROLE', 'ruta_app');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(appRole)) {
    throw new ConfigError('DATABASE_APP_ROLE', 'must be a lower-case SQL identifier');
  }
  const appPassword = readString(e, 'DATABASE_APP_PASSWORD', isProduction() ? undefined : 'ruta-app-dev');
  const explicitAppUrl = readOptional(e, 'DATABASE_APP_URL');
  let appUrl = explicitAppUrl;
  if (!appUrl) {
    const derived = new URL(url);
    derived.username = appRole;
    derived.password = encodeURIComponent(appPassword);
    appUrl = derived.toString();
  } else {
    readUrl(e, 'DATABASE_APP_URL', ['postgres:', 'postgresql:']);
  }
  return {
    /** Owner role: runs migrations and seeds. */
    ownerUrl: url,
    /** Least-privileged role the application runs as. */
    appUrl,
    appRole,
    appPassword,
    poolSize: readInt(e, 'DATABASE_POOL_SIZE', 10, 1, 200),
    /** How long a unit of work waits for a pooled connection before the request answers 503. */
    poolWaitMs: readInt(e, 'DATABASE_POOL_WAIT_MS', 3000, 50, 60_000),
    /** Server-side limits for the application role's sessions (also set on the role by a migration). */
    statementTimeoutMs: readInt(e, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 100, 600_000),
    idleInTransactionTimeoutMs: readInt(e, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000, 100, 600_000),
    /** A second connection taken inside a transaction: refused (tests, development) or logged (production). */
    connectionGuard: readEnum(e, 'DATABASE_CONNECTION_GUARD', ['throw', 'log', 'off'] as const, isProduction() ? 'log' : 'throw'),
    runMigrations: readBool(e, 'RUTA_MIGRATE_ON_START', !isProduction()),
  };
});

export const redisConfig = registerAs('redis', () => {
  const e = env();
  const prefix = readOptional(e, 'REDIS_PREFIX');
  if (prefix !== undefined && !/^[A-Za-z0-9_:.-]{1,64}$/.test(prefix)) throw new ConfigError('REDIS_PREFIX', 'must be 1-64 of A-Z a-z 0-9 _ : . -');
  return {
    url: readUrl(e, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    /** Unset: derived from the database's identity at start-up (RedisNamespace), so installations never share one. */
    prefix,
  };
});

const ALL_ROLES = ['immigration_officer', 'committee_member', 'shelter_staff', 'service_focal_point', 'visa_officer', 'auditor', 'admin'];

export const authConfig = registerAs('auth', () => {
  const e = env();
  // Multi-factor authentication (TOTP) for these roles: production default admin and auditor; demo none.
  const mfaRoles = readString(e, 'MFA_ROLES', isProduction() ? 'admin,auditor' : 'none')
    .split(',').map((r) => r.trim()).filter((r) => r && r !== 'none');
  for (const role of mfaRoles) if (!ALL_ROLES.includes(role)) throw new ConfigError('MFA_ROLES', `names an unknown role "${role}"`);
  return {
    mfaRoles,
    jwtSecret: readSecret(e, 'JWT_SECRET', 32),
    jwtAudience: readString(e, 'JWT_AUDIENCE', 'ruta-api'),
    jwtIssuer: readString(e, 'JWT_ISSUER', 'ruta'),
    accessTtlSeconds: readInt(e, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTtlSeconds: readInt(e, 'REFRESH_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    argon2: {
      memoryCost: readInt(e, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576),
      timeCost: readInt(e, 'ARGON2_TIME_COST', 2, 1, 20),
      parallelism: readInt(e, 'ARGON2_PARALLELISM', 1, 1, 16),
    },
    loginLimits: {
      perUsername: readInt(e, 'LOGIN_FAILURES_PER_USERNAME', 5, 1, 1000),
      perAddress: readInt(e, 'LOGIN_FAILURES_PER_ADDRESS', 50, 1, 100000),
      windowSeconds: readInt(e, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86400),
    },
    demoPassword: readString(e, 'DEMO_PASSWORD', 'Ruta-Demo-2026'),
    /**
     * The web app's refresh-token cookie carries Secure on HTTPS requests (req.secure, with TRUST_PROXY
     * behind a proxy); this forces it on every answer, for a proxy that does not say it terminated TLS.
     */
    sessionCookieSecure: readBool(e, 'SESSION_COOKIE_SECURE', false),
  };
});

export const auditConfig = registerAs('audit', () => {
  const e = env();
  return {
    hmacKey: readSecret(e, 'AUDIT_HMAC_KEY', 32),
    headFile: readString(e, 'AUDIT_HEAD_FILE', '.data/audit-head.json'),
    sealIntervalMs: readInt(e, 'AUDIT_SEAL_INTERVAL_MS', 1000, 50, 600000),
  };
});

/** Reports (PRODUCT.md section 11): the small-cell threshold k and how the worker keeps the summaries. */
export const reportsConfig = registerAs('reports', () => {
  const e = env();
  return {
    minCell: readInt(e, 'REPORTS_MIN_CELL', 5, 2, 100),
    refreshIntervalMs: readInt(e, 'REPORTS_REFRESH_INTERVAL_MS', 300_000, 200, 86_400_000),
    refreshTimeoutMs: readInt(e, 'REPORTS_REFRESH_TIMEOUT_MS', 900_000, 1000, 3_600_000),
    maxMonths: readInt(e, 'REPORTS_MAX_MONTHS', 120, 1, 600),
  };
});

export const tasksConfig = registerAs('tasks', () => {
  const e = env();
  return {
    outboxIntervalMs: readInt(e, 'OUTBOX_RELAY_INTERVAL_MS', 500, 20, 600000),
    reconcileIntervalMs: readInt(e, 'TIMER_RECONCILE_INTERVAL_MS', 60000, 100, 3600000),
    /** How long a worker's hold on a timer job lasts unrenewed: a dead worker's job is retried after about twice this. */
    jobLockMs: readInt(e, 'TIMER_JOB_LOCK_MS', 30000, 1000, 600000),
  };
});

/**
 * Data encryption keys: DATA_ENCRYPTION_KEYS="id1:<base64 32 bytes>,id2:<...>", DATA_ENCRYPTION_ACTIVE_KEY=id
 * (new values are sealed with it; older ids stay to open older values), DATA_HASH_KEY for keyed hashes.
 */
export const cryptoConfig = registerAs('crypto', () => {
  const e = env();
  const raw = readString(e, 'DATA_ENCRYPTION_KEYS');
  const keys = raw.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [id, b64] = part.split(':');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || !b64) {
      throw new ConfigError('DATA_ENCRYPTION_KEYS', 'must be a comma-separated list of id:base64key');
    }
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError('DATA_ENCRYPTION_KEYS', `key "${id}" must decode to 32 bytes`);
    return { id, key };
  });
  if (keys.length === 0) throw new ConfigError('DATA_ENCRYPTION_KEYS', 'needs at least one key');
  const activeKeyId = readString(e, 'DATA_ENCRYPTION_ACTIVE_KEY', keys[0].id);
  if (!keys.some((k) => k.id === activeKeyId)) throw new ConfigError('DATA_ENCRYPTION_ACTIVE_KEY', `names no key of DATA_ENCRYPTION_KEYS`);
  return { keys, activeKeyId, hashKey: readSecret(e, 'DATA_HASH_KEY', 32) };
});

export const caseAnalysisConfig = registerAs('caseAnalysis', () => {
  const e = env();
  return {
    quorumMembers: readInt(e, 'REVIEW_QUORUM_MEMBERS', 3, 1, 50),
    quorumAgencies: readInt(e, 'REVIEW_QUORUM_AGENCIES', 3, 1, 20),
  };
});

export const visaConfig = registerAs('visa', () => ({
  decisionDays: readInt(env(), 'VISA_DECISION_DAYS', 15, 1, 365),
}));

/** Retention (PRODUCT.md section 12): closed cases are pseudonymized this many days after closing. */
export const retentionConfig = registerAs('retention', () => {
  const e = env();
  return {
    closedCaseDays: readInt(e, 'RETENTION_CLOSED_CASE_DAYS', 1826, 1, 36500),
    /** How often the worker looks for closed cases past the period (moving the test clock also triggers it). */
    sweepIntervalMs: readInt(e, 'RETENTION_SWEEP_INTERVAL_MS', 3600_000, 1000, 86_400_000),
  };
});

export const rutaConfigs = [appConfig, databaseConfig, redisConfig, authConfig, auditConfig, reportsConfig, tasksConfig, cryptoConfig, caseAnalysisConfig, visaConfig,
  retentionConfig];

/** Runs every namespace once so that a bad variable stops start-up before anything connects. */
export function validateRutaConfig(): void {
  for (const factory of rutaConfigs) factory();
}

