import { EntityManager } from 'typeorm';

/**
 * Runs UPDATE/DELETE ... RETURNING and gives back the rows. TypeORM's postgres driver answers such
 * statements as [rows, affectedCount] while SELECT and INSERT answer rows; this hides the difference.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function modifyReturning<T = any>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await m.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
