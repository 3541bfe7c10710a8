import { Client } from 'pg';

/**
 * One connection of the generator. Statements that fail name themselves and where PostgreSQL stopped in
 * them; with RUTA_VOLUME_PROFILE set, the time spent per kind of statement is kept (printed at the end);
 * RUTA_VOLUME_EXPLAIN=<text> prints the plan (EXPLAIN ANALYZE) of the statements that contain the text.
 */
export class Session {
  readonly client: Client;
  readonly profile = new Map<string, number>();

  constructor(url: string, readonly name: string) {
    this.client = new Client({ connectionString: url, application_name: `ruta-seed-volume-${name}` });
  }

  async open(): Promise<void> {
    await this.client.connect();
    for (const setting of [`TimeZone = 'UTC'`, `work_mem = '256MB'`, `maintenance_work_mem = '1GB'`, `temp_buffers = '256MB'`,
      `synchronous_commit = off`, `statement_timeout = 0`, `jit = off`]) {
      await this.client.query(`SET ${setting}`);
    }
  }

  async run<T = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<T[]> {
    const started = Date.now();
    try {
      const explain = process.env.RUTA_VOLUME_EXPLAIN;
      let rows: T[];
      if (explain && statement.includes(explain)) {
        const plan = await this.client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement}`, params);
        process.stdout.write(`${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n`);
        rows = [];
      } else rows = (await this.client.query(statement, params)).rows;
      if (process.env.RUTA_VOLUME_PROFILE) {
        const label = `${this.name}: ${statement.trim().split('\n')[0].replace(/ruta_volume_stage\.(\w+?)_\d+/g, 'stage.$1').slice(0, 70)}`;
        this.profile.set(label, (this.profile.get(label) ?? 0) + Date.now() - started);
      }
      return rows;
    } catch (err) {
      const e = err as Error & { position?: string };
      const at = e.position ? Number(e.position) : 0;
      const around = at ? `\n  near: …${statement.slice(Math.max(0, at - 200), at)}⟨here⟩${statement.slice(at, at + 100)}…` : '';
      throw new Error(`${e.message}\n  in (${this.name}): ${statement.slice(0, 120).replace(/\s+/g, ' ')}…${around}`);
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
