import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuditService } from '@ruta/audit';
import { ACCESS_METADATA, AccessDeclaration, Actor, ProblemException, requestMeta } from '@ruta/core';
import type { Request } from 'express';
import { AuthErrorCode } from './auth.exception';

/**
 * Deny by default (PRODUCT.md section 2): a route that declares neither @Public(), @SignedIn() nor
 * @Allow(...roles) is refused, and so is a role the route does not allow. Every refusal is audited.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector, private readonly audit: AuditService) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: Actor }>();
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [ctx.getHandler(), ctx.getClass()]);
    if (!declaration) {
      await this.refuse(req, null, 'route_not_declared');
      throw ProblemException.forbidden(AuthErrorCode.RouteNotDeclared);
    }
    if (declaration.kind === 'public') return true;
    try {
      await super.canActivate(ctx);
    } catch (err) {
      if (req.headers.authorization) await this.refuse(req, null, 'token_rejected');
      throw err;
    }
    const actor = req.user!;
    if (declaration.kind === 'roles' && !declaration.roles.some((role) => actor.roles.includes(role))) {
      await this.refuse(req, actor, 'role_not_allowed');
      throw ProblemException.forbidden();
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T | false, _info: unknown, ctx: ExecutionContext): T {
    if (err) throw err;
    if (!user) {
      const presented = Boolean(ctx.switchToHttp().getRequest<Request>().headers.authorization);
      throw ProblemException.unauthorized(presented ? AuthErrorCode.InvalidToken : 'unauthenticated');
    }
    return user;
  }

  private refuse(req: Request, actor: Actor | null, reason: string): Promise<void> {
    return this.audit.recordRefusal({
      actor, meta: requestMeta(req), action: 'access.refused', outcome: 'denied', subjectType: 'route',
      subjectId: `${req.method} ${req.route?.path ?? req.path}`.slice(0, 200), details: { reason },
    });
  }
}
