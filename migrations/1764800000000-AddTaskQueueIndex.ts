import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox reads open tasks most urgent first: overdue, then priority, then due time (PRODUCT.md
 * section 10). With the priority's rank stored beside it, one index gives each addressee's open tasks
 * in that order, so a page costs the same with a hundred open tasks or a hundred thousand
 * (bench/README.md).
 */
export class AddTaskQueueIndex1764800000000 implements MigrationInterface {
  name = 'AddTaskQueueIndex1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN priority_rank smallint
      GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END) STORED`);
    await q.query(`COMMENT ON COLUMN tasks.priority_rank IS 'Sort rank of the priority (urgent 0, high 1, normal 2), for the inbox index'`);
    // coalesce: PostgreSQL orders an index scan by the later columns only after equality on the earlier
    // ones, and "IS NULL" does not count as one; '' stands for "addressed to the role alone".
    await q.query(`CREATE INDEX tasks_queue_idx ON tasks (addressee_role, coalesce(addressee_agency, ''), priority_rank, due_at, id) WHERE status = 'open'`);
    // Addressee and status go together (a committee's queue is all open case reviews): without these
    // statistics the planner takes a large queue for a small one and sorts it instead of reading the index.
    await q.query(`CREATE STATISTICS tasks_queue_stats (mcv, dependencies) ON addressee_role, (coalesce(addressee_agency, '')), status FROM tasks`);
    await q.query(`CREATE INDEX tasks_shelter_queue_idx ON tasks (addressee_shelter_id, priority_rank, due_at, id) WHERE status = 'open' AND addressee_shelter_id IS NOT NULL`);
    await q.query(`DROP INDEX tasks_inbox_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_inbox_idx ON tasks (addressee_role, addressee_agency, due_at) WHERE status = 'open'`);
    await q.query(`DROP INDEX tasks_shelter_queue_idx`);
    await q.query(`DROP STATISTICS tasks_queue_stats`);
    await q.query(`DROP INDEX tasks_queue_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN priority_rank`);
  }
}
