import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { pickLocale } from '@ruta/core';
import type { Request } from 'express';
import { map, Observable } from 'rxjs';

type Localized = { es: string; en: string };

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).es === 'string'
    && typeof (value as Localized).en === 'string' && Object.keys(value).length === 2;
}

/** Replaces each screening dimension's bilingual `reason` with the caller's language, wherever a result appears. */
export function localizeScreeningReasons(body: unknown, locale: 'es' | 'en'): unknown {
  if (Array.isArray(body)) return body.map((item) => localizeScreeningReasons(item, locale));
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'dimensions' && Array.isArray(value)) {
      out[key] = value.map((d) => (d && typeof d === 'object' && isLocalized((d as { reason?: unknown }).reason)
        ? { ...(d as object), reason: (d as { reason: Localized }).reason[locale] } : d));
    } else if (value !== null && typeof value === 'object') {
      out[key] = localizeScreeningReasons(value, locale);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The screening explanation is stored in both languages (a stored result never changes); responses carry
 * the one the caller asked for with Accept-Language (Spanish by default), like every human-readable text.
 */
@Injectable()
export class ScreeningLanguageInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const locale = pickLocale(ctx.switchToHttp().getRequest<Request>().headers['accept-language']);
    return next.handle().pipe(map((body) => (body && typeof body === 'object' && !(body as { getStream?: unknown }).getStream
      ? localizeScreeningReasons(body, locale) : body)));
  }
}
