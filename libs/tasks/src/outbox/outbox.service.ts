import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export const OUTBOX_TOPIC_TIMER = 'timer.schedule';

/**
 * Transactional outbox: a message written in the same transaction as the change, relayed to BullMQ by
 * the worker. If Redis is down when the change commits, nothing is lost; the relay retries.
 */
@Injectable()
export class OutboxService {
  async add(m: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await m.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [topic, JSON.stringify(payload)]);
  }
}
