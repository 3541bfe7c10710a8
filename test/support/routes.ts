import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessDeclaration } from '@ruta/core';

export interface RouteDeclaration {
  route: string;
  access: string;
}

function join(...parts: (string | undefined)[]): string {
  return `/${parts.filter(Boolean).map((p) => p!.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
}

function describeAccess(access: AccessDeclaration | undefined): string {
  if (!access) return 'UNDECLARED';
  if (access.kind === 'roles') return `roles: ${[...access.roles].sort().join(', ')}`;
  return access.kind;
}

/** Every HTTP route of the application with its access declaration, read from the controllers' metadata. */
export function listRouteDeclarations(app: INestApplication): RouteDeclaration[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const out: RouteDeclaration[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: object } & (new (...args: never[]) => unknown);
      if (!controller?.prototype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, () => unknown>)[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const access = reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [handler, controller]);
        out.push({ route: `${RequestMethod[method]} ${join('api/v1', base, path)}`, access: describeAccess(access) });
      }
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}
