import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, CommonErrorCode, LocalizedText, ProblemException, RequestMeta } from '@ruta/core';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryErrorCode } from './directory.exception';
import { DirectoryRepository } from './directory.repository';
import { AgencyNames } from './agency-names.service';
import { AgencyView, ShelterView } from './directory.types';
import { CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { CreateShelterDto, UpdateShelterDto } from './dto/shelter.dto';

function changed(dto: object): string[] {
  return Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
}

/** Reference data: agencies, shelters, service catalog, provinces, border points (PRODUCT.md section 3). */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: DirectoryRepository,
    private readonly audit: AuditService,
    private readonly names: AgencyNames,
  ) {}

  listAgencies() {
    return this.repository.listAgencies();
  }

  async requireAgency(code: string): Promise<AgencyView> {
    const agency = await this.repository.findAgency(code);
    if (!agency) throw ProblemException.unprocessable(DirectoryErrorCode.AgencyNotFound, { errors: [{ path: 'agency', message: `unknown agency ${code}` }] });
    return agency;
  }

  /**
   * The agency a case is to be led by, read through the caller's transaction: only an agency with a
   * protection mandate can lead a case (PRODUCT.md section 2, "Separation of duties"). 422 naming `path`
   * otherwise, so that the caller changes nothing.
   */
  async requireLeadCapable(m: EntityManager, code: string, path: string): Promise<AgencyView> {
    const agency = await this.repository.findAgency(code, m);
    if (!agency) throw ProblemException.unprocessable(DirectoryErrorCode.AgencyNotFound, { errors: [{ path, message: `unknown agency ${code}` }] });
    if (!agency.protectionMandate) {
      throw ProblemException.unprocessable(DirectoryErrorCode.NoProtectionMandate, { errors: [{ path, message: `${code} has no protection mandate` }] });
    }
    return agency;
  }

  async createAgency(dto: CreateAgencyDto, actor: Actor, meta: RequestMeta): Promise<AgencyView> {
    const created = await this.ds.transaction(async (m) => {
      const protectionMandate = dto.protectionMandate ?? false;
      await this.repository.insertAgency(m, { code: dto.code, es: dto.name.es, en: dto.name.en, kind: dto.kind, protectionMandate });
      await this.audit.record(m, {
        actor, meta, action: 'agency.create', subjectType: 'agency', subjectId: dto.code, changedFields: ['code', 'name', 'kind', 'protectionMandate'],
        details: { after: { protectionMandate } },
      });
      return (await this.repository.findAgency(dto.code, m))!;
    });
    await this.names.refreshAfterChange();
    return created;
  }

  async updateAgency(code: string, dto: UpdateAgencyDto, actor: Actor, meta: RequestMeta): Promise<AgencyView> {
    const updated = await this.ds.transaction(async (m) => {
      const before = await this.repository.findAgency(code, m);
      const found = await this.repository.updateAgency(m, code, {
        es: dto.name?.es, en: dto.name?.en, kind: dto.kind, active: dto.active, protectionMandate: dto.protectionMandate,
      });
      if (!found || !before) throw ProblemException.notFound(DirectoryErrorCode.AgencyNotFound);
      const mandate = dto.protectionMandate !== undefined && dto.protectionMandate !== before.protectionMandate
        ? { before: { protectionMandate: before.protectionMandate }, after: { protectionMandate: dto.protectionMandate } } : undefined;
      await this.audit.record(m, { actor, meta, action: 'agency.update', subjectType: 'agency', subjectId: code, changedFields: changed(dto), details: mandate });
      return (await this.repository.findAgency(code, m))!;
    });
    await this.names.refreshAfterChange();
    return updated;
  }

  /** Every shelter with its occupancy; through the caller's transaction when it has one. */
  listShelters(m?: EntityManager): Promise<ShelterView[]> {
    return this.repository.listShelters(m);
  }

  async createShelter(dto: CreateShelterDto, actor: Actor, meta: RequestMeta): Promise<ShelterView> {
    checkAges(dto.eligibility.minAge, dto.eligibility.maxAge);
    return this.ds.transaction(async (m) => {
      const id = await this.repository.insertShelter(m, {
        code: dto.code, name: dto.name, operator: dto.operator, capacity: dto.capacity, sexes: dto.eligibility.sexes,
        minAge: dto.eligibility.minAge, maxAge: dto.eligibility.maxAge, forms: dto.eligibility.exploitationForms,
        children: dto.eligibility.accompanyingChildren,
      });
      await this.audit.record(m, { actor, meta, action: 'shelter.create', subjectType: 'shelter', subjectId: id, changedFields: changed(dto) });
      return (await this.repository.findShelter(id, m))!;
    });
  }

  async updateShelter(id: string, version: number | undefined, dto: UpdateShelterDto, actor: Actor, meta: RequestMeta): Promise<ShelterView> {
    return this.ds.transaction(async (m) => {
      const current = await this.repository.findShelter(id, m);
      if (!current) throw ProblemException.notFound(DirectoryErrorCode.ShelterNotFound);
      const e = dto.eligibility ?? {};
      checkAges(e.minAge !== undefined ? e.minAge : current.eligibility.minAge, e.maxAge !== undefined ? e.maxAge : current.eligibility.maxAge);
      if (dto.capacity !== undefined && dto.capacity < current.occupied) {
        throw ProblemException.unprocessable(DirectoryErrorCode.CapacityBelowOccupancy, { extensions: { occupied: current.occupied } });
      }
      const result = await this.repository.updateShelter(m, id, version, {
        name: dto.name, operator: dto.operator, capacity: dto.capacity, sexes: e.sexes, minAge: e.minAge, maxAge: e.maxAge,
        forms: e.exploitationForms, children: e.accompanyingChildren, active: dto.active,
      });
      if (result === 'stale') throw ProblemException.conflict(CommonErrorCode.VersionConflict);
      if (result === 'missing') throw ProblemException.notFound(DirectoryErrorCode.ShelterNotFound);
      await this.audit.record(m, { actor, meta, action: 'shelter.update', subjectType: 'shelter', subjectId: id, changedFields: changed(dto) });
      return (await this.repository.findShelter(id, m))!;
    });
  }

  async listServices() {
    const rows = await this.repository.listServices();
    return rows.map((r: Record<string, string | number>) => ({
      code: r.code,
      name: { es: r.name_es, en: r.name_en } as LocalizedText,
      defaultAgency: { code: r.agency_code, name: { es: r.agency_es, en: r.agency_en } },
      responseHours: r.response_hours,
    }));
  }

  listProvinces() {
    return this.repository.listProvinces();
  }

  async listBorderPoints() {
    const rows = await this.repository.listBorderPoints();
    return rows.map((r: Record<string, string | boolean>) => ({
      code: r.code, name: { es: r.name_es, en: r.name_en }, kind: r.kind, province: r.province_code, active: r.active,
    }));
  }
}

function checkAges(min: number | null | undefined, max: number | null | undefined): void {
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw ProblemException.unprocessable(DirectoryErrorCode.InvalidAgeRange, { errors: [{ path: 'eligibility.minAge', message: 'must not exceed maxAge' }] });
  }
}
