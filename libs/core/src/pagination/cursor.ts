import { ProblemException } from '../errors/problem.exception';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Opaque keyset cursors: base64url of a JSON tuple, checked on the way in. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity
      && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed;
    }
  } catch {
    // fall through to the problem below
  }
  throw ProblemException.badRequest('validation_failed', { errors: [{ path: 'cursor', message: 'cursor is not valid' }] });
}

export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

/**
 * Pages a short, already ordered list (reference data, a case's reviews or referrals) with the same
 * {items, nextCursor} contract as the keyset-paged lists; the cursor is the last item's key.
 */
export function pageList<T>(all: T[], query: { limit?: number; cursor?: string }, keyOf: (item: T) => string): Page<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, 1);
  const start = after ? all.findIndex((item) => keyOf(item) === String(after[0])) + 1 : 0;
  const items = all.slice(start, start + limit);
  const nextCursor = start + limit < all.length && items.length > 0 ? encodeCursor([keyOf(items[items.length - 1])]) : null;
  return { items, nextCursor };
}
