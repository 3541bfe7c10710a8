import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewsReferralsPlacements1764200000000 implements MigrationInterface {
  name = 'CreateReviewsReferralsPlacements1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
        decision text CHECK (decision IN ('recognize', 'not_recognize', 'request_information')),
        rationale_enc text,
        lead_agency text REFERENCES agencies(code),
        plan jsonb,
        created_referral_ids uuid[] NOT NULL DEFAULT '{}',
        visa_request_id uuid,
        opened_by uuid NOT NULL REFERENCES users(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        CONSTRAINT reviews_decided CHECK ((status = 'decided') = (decision IS NOT NULL)),
        CONSTRAINT reviews_lead_only_on_recognize CHECK (decision = 'recognize' OR lead_agency IS NULL)
      )`);
    await q.query(`COMMENT ON TABLE reviews IS 'Case-analysis team reviews; every review is kept, a case can be reviewed again'`);
    await q.query(`CREATE UNIQUE INDEX reviews_one_open_per_case ON reviews (case_id) WHERE status = 'open'`);
    await q.query(`CREATE TABLE review_members (
        review_id uuid NOT NULL REFERENCES reviews(id),
        user_id uuid NOT NULL REFERENCES users(id),
        agency_code text NOT NULL REFERENCES agencies(code),
        PRIMARY KEY (review_id, user_id)
      )`);
    await q.query(`COMMENT ON TABLE review_members IS 'Committee members present at a decision, with their agency (quorum)'`);

    await q.query(`ALTER TABLE shelters ADD COLUMN pending_referrals integer NOT NULL DEFAULT 0 CHECK (pending_referrals >= 0)`);
    await q.query(`COMMENT ON COLUMN shelters.pending_referrals IS 'Referrals awaiting the shelter''s answer, kept by the referral module in the same transaction'`);

    await q.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        service_type text NOT NULL REFERENCES service_types(code),
        shelter_id uuid REFERENCES shelters(id),
        agency_code text NOT NULL REFERENCES agencies(code),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled', 'completed')),
        reason_enc text NOT NULL,
        parent_referral_id uuid REFERENCES referrals(id),
        review_id uuid REFERENCES reviews(id),
        consent_basis text NOT NULL CHECK (consent_basis IN ('consent', 'minor', 'override')),
        override_justification_enc text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        responded_by uuid REFERENCES users(id),
        responded_at timestamptz,
        response_reason_enc text,
        outcome_enc text,
        response_task_id uuid REFERENCES tasks(id),
        CONSTRAINT referrals_shelter_service CHECK ((service_type = 'shelter') = (shelter_id IS NOT NULL)),
        CONSTRAINT referrals_override_justified CHECK ((consent_basis = 'override') = (override_justification_enc IS NOT NULL))
      )`);
    await q.query(`COMMENT ON TABLE referrals IS 'Referrals of a case to a shelter or an agency for a service; free text encrypted'`);
    await q.query(`CREATE INDEX referrals_case_idx ON referrals (case_id)`);
    await q.query(`CREATE INDEX referrals_shelter_idx ON referrals (shelter_id, status) WHERE shelter_id IS NOT NULL`);
    await q.query(`CREATE INDEX referrals_agency_idx ON referrals (agency_code, status)`);

    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        shelter_id uuid NOT NULL REFERENCES shelters(id),
        referral_id uuid NOT NULL UNIQUE REFERENCES referrals(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
        admitted_at timestamptz NOT NULL,
        accompanying_children integer NOT NULL DEFAULT 0 CHECK (accompanying_children >= 0),
        discharged_at timestamptz,
        discharge_reason text CHECK (discharge_reason IN ('family_reintegration', 'transferred', 'returned_to_origin_country',
          'left_voluntarily', 'absconded', 'came_of_age', 'other')),
        risk_assessment_enc text,
        discharged_by uuid REFERENCES users(id),
        CONSTRAINT placements_discharge_complete CHECK ((status = 'discharged') = (discharged_at IS NOT NULL AND discharge_reason IS NOT NULL)),
        CONSTRAINT placements_risk_assessed CHECK (discharge_reason IS NULL
          OR discharge_reason NOT IN ('family_reintegration', 'returned_to_origin_country') OR risk_assessment_enc IS NOT NULL)
      )`);
    await q.query(`COMMENT ON TABLE placements IS 'Admissions to shelters; each active placement holds one place of shelters.occupied'`);
    await q.query(`CREATE UNIQUE INDEX placements_one_active_per_case ON placements (case_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX placements_shelter_idx ON placements (shelter_id, status)`);

    await q.query(`
      CREATE TABLE visa_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'under_review', 'granted', 'denied', 'withdrawn')),
        review_id uuid REFERENCES reviews(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        claimed_by uuid REFERENCES users(id),
        decided_at timestamptz,
        visa_number_enc text,
        issued_on date,
        expires_on date,
        reason_enc text,
        fee_amount numeric(10, 2) NOT NULL DEFAULT 0 CHECK (fee_amount = 0),
        fee_waived boolean NOT NULL DEFAULT true CHECK (fee_waived)
      )`);
    await q.query(`COMMENT ON TABLE visa_requests IS 'Article 104 exceptional visa requests; no fee is ever charged'`);
    await q.query(`CREATE UNIQUE INDEX visa_requests_one_active ON visa_requests (case_id) WHERE status IN ('requested', 'under_review')`);
    await q.query(`ALTER TABLE reviews ADD CONSTRAINT reviews_visa_fk FOREIGN KEY (visa_request_id) REFERENCES visa_requests(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reviews DROP CONSTRAINT reviews_visa_fk`);
    for (const t of ['visa_requests', 'placements', 'referrals', 'review_members', 'reviews']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE shelters DROP COLUMN pending_referrals`);
  }
}
