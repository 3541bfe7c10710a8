import type { INestApplication } from '@nestjs/common';
import { AuditService } from '@ruta/audit';
import { Actor, ProblemException, RefusalRecorder, requestMeta } from '@ruta/core';
import type { Request } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every refused access is audited (PRODUCT.md section 2): who, the route, the record it named (a case
 * when the route is about one), and the problem code. Never the request body.
 */
export function auditRefusals(app: INestApplication): RefusalRecorder {
  const audit = app.get(AuditService);
  return async (req: Request, problem: ProblemException) => {
    const route = `${req.method} ${(req.route?.path as string | undefined) ?? req.path}`.slice(0, 200);
    const id = typeof req.params?.id === 'string' && UUID.test(req.params.id) ? req.params.id : null;
    const aboutCase = id !== null && /\/cases\/:id/.test(route);
    await audit.recordRefusal({
      actor: (req as Request & { user?: Actor }).user ?? null, meta: requestMeta(req), action: 'access.refused', outcome: 'denied',
      subjectType: aboutCase ? 'case' : 'route', subjectId: aboutCase ? id : route, caseId: aboutCase ? id : null,
      details: { route, code: problem.code, status: problem.status, ...(id && !aboutCase ? { recordId: id } : {}) },
    });
  };
}
