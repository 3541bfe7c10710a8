import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_METADATA, AccessDeclaration, Actor, ProblemException } from '@ruta/core';
import type { Request } from 'express';
import { AuthErrorCode } from './auth.exception';

/**
 * Deny by default (PRODUCT.md section 2): a route that declares neither @Public(), @SignedIn() nor
 * @Allow(...roles) is refused, and so is a role the route does not allow. The problem filter audits every
 * refusal (see apps/api bootstrap).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: Actor }>();
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [ctx.getHandler(), ctx.getClass()]);
    if (!declaration) throw ProblemException.forbidden(AuthErrorCode.RouteNotDeclared);
    if (declaration.kind === 'public') return true;
    await super.canActivate(ctx);
    const actor = req.user!;
    if (declaration.kind === 'roles' && !declaration.roles.some((role) => actor.roles.includes(role))) {
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

}
