/**
 * The rows of a case's records read while one answer about the case is built: a module's part of the case
 * (CasePartsRegistry) and the actions it lists on it (CaseActionsRegistry) ask for the same rows, which are
 * read once, by whichever asks first. One instance per answer, and no writes to those rows while it lives.
 */
export class CaseReads {
  private readonly rows = new Map<string, Promise<unknown>>();

  /** The rows `read` gives, under `key` (the table they come from), read on the first call only. */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let rows = this.rows.get(key) as Promise<T> | undefined;
    if (!rows) {
      rows = read();
      this.rows.set(key, rows);
    }
    return rows;
  }
}
