import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';
import { AuditInput } from './audit.types';

/**
 * Writes audit entries. record() takes the caller's transaction so that the entry commits or rolls
 * back with the change it describes (PRODUCT.md section 11).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly repository: AuditRepository) {}

  record(manager: EntityManager, input: AuditInput): Promise<void> {
    return this.repository.insert(manager, input);
  }

  /** For events that change nothing else (a refused access, a failed login, a read). */
  async recordAlone(input: AuditInput): Promise<void> {
    await this.repository.insert(undefined, input);
  }

  /** For refusals on an error path: never let auditing a refusal turn it into a 500. */
  async recordRefusal(input: AuditInput): Promise<void> {
    try {
      await this.repository.insert(undefined, { ...input, outcome: input.outcome ?? 'denied' });
    } catch (err) {
      this.logger.error({ err: (err as Error).message, action: input.action }, 'could not audit a refusal');
    }
  }
}
