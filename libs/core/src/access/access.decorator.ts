import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ACCESS_METADATA = 'ruta:access';

export type AccessDeclaration =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'roles'; roles: Role[] };

/**
 * Every route declares who may call it; the global guard refuses a route that declares nothing
 * (deny by default, PRODUCT.md section 2).
 */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'signed_in' } satisfies AccessDeclaration);
export const Allow = (...roles: Role[]) => {
  if (roles.length === 0) throw new Error('@Allow needs at least one role');
  return SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessDeclaration);
};
