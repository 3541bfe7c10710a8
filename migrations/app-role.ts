/**
 * The least-privileged role the application connects as (PRODUCT.md section 14). Migrations run as the
 * schema owner and grant this role only what it needs; the audit log and its seals get SELECT and
 * INSERT only.
 */
export function appRole(): string {
  const role = process.env.DATABASE_APP_ROLE || 'ruta_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error('DATABASE_APP_ROLE must be a lower-case SQL identifier');
  return role;
}

export function appPasswordLiteral(): string {
  const password = process.env.DATABASE_APP_PASSWORD || 'ruta-app-dev';
  return `'${password.replace(/'/g, "''")}'`;
}
