import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException, refreshInBackground } from '@ruta/core';
import { DataSource, EntityManager } from 'typeorm';
import { IdentificationErrorCode } from './identification.exception';
import { evaluateScreening, IndicatorCatalog, ScreeningInput, ScreeningInputError, ScreeningResult } from './screening';

const REFRESH_MS = 60_000;

/**
 * Indicator catalogs live in the database, one immutable row per version with its rule set (data, not
 * code). A published version never changes, so a cache of what was read is always right. Every version
 * is loaded at start-up and the list is refreshed in the background; a version not yet in memory is
 * read through the caller's transaction, never with a second connection (PRODUCT.md section 14).
 */
@Injectable()
export class CatalogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache = new Map<string, IndicatorCatalog>();
  private latest?: IndicatorCatalog;
  private stop?: () => void;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    this.stop = await refreshInBackground('CatalogService', REFRESH_MS, () => this.refresh());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  private async refresh(): Promise<void> {
    const rows: { catalog: IndicatorCatalog }[] = await this.ds.query(`SELECT catalog FROM indicator_catalogs`);
    for (const { catalog } of rows) this.remember(catalog);
  }

  private remember(catalog: IndicatorCatalog): void {
    this.cache.set(catalog.version, catalog);
    if (!this.latest || versionNumber(catalog.version) > versionNumber(this.latest.version)) this.latest = catalog;
  }

  /** For the read route: an unknown version does not exist (404). */
  async read(version?: string): Promise<IndicatorCatalog> {
    try {
      return await this.get(version);
    } catch (err) {
      if (err instanceof ProblemException && err.code === IdentificationErrorCode.UnknownCatalogVersion) {
        throw ProblemException.notFound(IdentificationErrorCode.UnknownCatalogVersion);
      }
      throw err;
    }
  }

  /** The named version (else the latest); `m` is the caller's transaction, if it holds one. */
  async get(version?: string, m?: EntityManager): Promise<IndicatorCatalog> {
    if (version && this.cache.has(version)) return this.cache.get(version)!;
    if (!version && this.latest) return this.latest;
    const db = m ?? this.ds.manager;
    const [row] = version
      ? await db.query(`SELECT catalog FROM indicator_catalogs WHERE version = $1`, [version])
      : await db.query(`SELECT catalog FROM indicator_catalogs ORDER BY substring(version from 2)::int DESC LIMIT 1`);
    if (!row) {
      throw ProblemException.unprocessable(IdentificationErrorCode.UnknownCatalogVersion, { errors: [{ path: 'catalogVersion', message: `unknown version ${version}` }] });
    }
    const catalog = row.catalog as IndicatorCatalog;
    this.remember(catalog);
    return catalog;
  }

  /** Runs the engine; invalid answers answer 422 with the failing paths under `pathPrefix`. */
  evaluate(catalog: IndicatorCatalog, input: ScreeningInput, pathPrefix = ''): ScreeningResult {
    try {
      return evaluateScreening(catalog, input);
    } catch (err) {
      if (err instanceof ScreeningInputError) {
        throw ProblemException.unprocessable(IdentificationErrorCode.InvalidScreening, {
          errors: err.errors.map((e) => ({ path: `${pathPrefix}${e.path}`, message: e.message })),
        });
      }
      throw err;
    }
  }
}

function versionNumber(version: string): number {
  return Number.parseInt(version.slice(1), 10) || 0;
}
