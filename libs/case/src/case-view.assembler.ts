import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@ruta/core';
import { AgencyNames } from '@ruta/directory';
import { EntityManager } from 'typeorm';
import { FullCase } from './access/full-case';
import { CasePartsRegistry } from './case-parts.registry';
import { CaseReads } from './case-reads';
import { CasePrefetch, CaseRepository, CaseRow } from './case.repository';

/**
 * Builds the complete internal case (decrypting identity fields) that the field matrix then projects
 * for the caller. Only the service layer sees a FullCase; responses never do.
 */
@Injectable()
export class CaseViewAssembler {
  constructor(private readonly repository: CaseRepository, private readonly cipher: FieldCipher, private readonly parts: CasePartsRegistry,
    private readonly agencies: AgencyNames) {}

  /**
   * @param only the case keys that will be shown (the viewer's, from the field matrix): parts outside it are
   *   not read at all. Omitted: the whole case.
   * @param reads the rows of the case's records read for this answer, shared with its available actions
   */
  async assemble(m: EntityManager, row: CaseRow, only?: readonly string[], prefetched?: CasePrefetch, reads?: CaseReads): Promise<FullCase> {
    const wants = (key: string) => !only || only.includes(key);
    // One connection per transaction: its queries run one after the other.
    const documents = !wants('victim') ? [] : prefetched ? prefetched.documents.get(row.id) ?? [] : await this.repository.documents(m, row.id);
    const consent = !wants('consent') ? undefined : prefetched ? prefetched.consents.get(row.id) : await this.repository.latestConsent(m, row.id);
    const screening = !wants('screening') ? undefined : prefetched ? prefetched.screenings.get(row.id) : await this.repository.latestScreening(m, row.id);
    return this.parts.fill(m, row, {
      id: row.id,
      caseNumber: row.case_number,
      status: row.status,
      traffickingStatus: row.trafficking_status,
      isMinor: row.is_minor,
      leadAgency: row.lead_agency ? { code: row.lead_agency, name: { es: row.lead_es!, en: row.lead_en! } } : null,
      version: row.version,
      victim: {
        givenNames: this.cipher.decrypt(row.given_names_enc),
        familyNames: this.cipher.decrypt(row.family_names_enc),
        sex: row.sex,
        genderIdentity: this.cipher.decrypt(row.gender_identity_enc),
        dateOfBirth: this.cipher.decrypt(row.date_of_birth_enc),
        estimatedAge: row.estimated_age,
        nationality: row.nationality,
        documents: documents.map((d) => ({ type: d.type, number: this.cipher.decrypt(d.number_enc), issuingCountry: d.issuing_country })),
        languages: row.languages,
        contact: this.cipher.decryptJson(row.contact_enc),
        accompanyingChildren: row.accompanying_children_count > 0 || row.accompanying_children_ages.length > 0
          ? { count: row.accompanying_children_count, ages: row.accompanying_children_ages } : null,
      },
      ageGroup: row.age_group,
      identification: {
        date: row.identification_date,
        province: row.province_code,
        canton: row.canton,
        place: this.cipher.decrypt(row.place_enc),
        borderPoint: row.border_point,
        identifyingAgency: (await this.agencies.ref(row.identifying_agency))!,
        unit: row.identifying_unit,
        officerId: row.identifying_officer,
        cameToAttention: row.came_to_attention,
        circumstances: this.cipher.decrypt(row.circumstances_enc),
        exploitationForms: row.exploitation_forms,
        locatedAbroad: row.located_abroad,
      },
      consent: consent
        ? { dataProcessing: consent.data_processing, referral: consent.referral, shareWith: consent.share_with, withdrawn: consent.withdrawn,
          recordedBy: consent.recorded_by, recordedAt: consent.recorded_at.toISOString(),
          childView: this.cipher.decrypt(consent.child_view_enc), guardian: this.cipher.decryptJson(consent.guardian_enc) }
        : { dataProcessing: false, referral: false, shareWith: [], withdrawn: false, recordedBy: null, recordedAt: null, childView: null, guardian: null },
      screening: screening
        ? { ...(screening.result as object), performedAt: screening.performed_at.toISOString() } as FullCase['screening']
        : null,
      // Filled in by the protocol steps that own them (case analysis, referral, care, regularization, follow-up).
      reviews: [],
      referrals: [],
      carePlan: null,
      visa: null,
      followUp: null,
    }, only, reads);
  }
}
