import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@ruta/core';
import { DataSource } from 'typeorm';
import { IdentificationErrorCode } from './identification.exception';
import { evaluateScreening, IndicatorCatalog, ScreeningInput, ScreeningInputError, ScreeningResult } from './screening';

/**
 * Indicator catalogs live in the database, one immutable row per version with its rule set (data, not
 * code). A published version never changes, so a cache of what was read is always right.
 */
@Injectable()
export class CatalogService {
  private readonly cache = new Map<string, IndicatorCatalog>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

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

  async get(version?: string): Promise<IndicatorCatalog> {
    if (version && this.cache.has(version)) return this.cache.get(version)!;
    const [row] = version
      ? await this.ds.query(`SELECT catalog FROM indicator_catalogs WHERE version = $1`, [version])
      : await this.ds.query(`SELECT catalog FROM indicator_catalogs ORDER BY substring(version from 2)::int DESC LIMIT 1`);
    if (!row) {
      throw ProblemException.unprocessable(IdentificationErrorCode.UnknownCatalogVersion, { errors: [{ path: 'catalogVersion', message: `unknown version ${version}` }] });
    }
    const catalog = row.catalog as IndicatorCatalog;
    this.cache.set(catalog.version, catalog);
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
