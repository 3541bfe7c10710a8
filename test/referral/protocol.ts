import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { CHILD_ANSWERS, intake, POSSIBLE_ANSWERS } from '../identification/fixtures';

/** Boots an app of the suite's own and signs the given demo users in: `beforeAll(async () => ({ t, p, ds } = await protocolApp([...])))`. */
export async function protocolApp(users: string[], env: Record<string, string> = {}): Promise<{ t: TestApp; p: Protocol; ds: DataSource }> {
  const t = await bootApp(env);
  const p = new Protocol(t);
  await p.login(...users);
  return { t, p, ds: t.app.get(DataSource) };
}

/** Drives a case through the protocol over HTTP, as the web app would. */
export class Protocol {
  readonly tokens: Record<string, string> = {};
  readonly ids: Record<string, string> = {};

  constructor(private readonly t: TestApp) {}

  async login(...users: string[]): Promise<void> {
    for (const u of users) {
      const res = await this.t.http().post('/api/v1/auth/login').send({ username: u, password: 'Ruta-Demo-2026' }).expect(200);
      this.tokens[u] = res.body.accessToken;
      this.ids[u] = res.body.user.id;
    }
  }

  as(user: string) {
    return { Authorization: `Bearer ${this.tokens[user]}` };
  }

  quorum(): string[] {
    return [this.ids['committee.mdi'], this.ids['committee.mies'], this.ids['committee.sdh']];
  }

  async shelterId(code: string): Promise<string> {
    const res = await this.t.http().get('/api/v1/shelters').set(this.as('committee.mdi')).expect(200);
    return res.body.items.find((s: { code: string }) => s.code === code).id;
  }

  async shelter(code: string) {
    const res = await this.t.http().get('/api/v1/shelters').set(this.as('committee.mdi')).expect(200);
    return res.body.items.find((s: { code: string }) => s.code === code);
  }

  /** Intake by officer.rumichaca, sent to review if needed, and a review opened by committee.mdi. */
  async underReview(kind: 'girl' | 'girl_no_child_protection' | 'adult_woman' | 'adult_man', extra: Parameters<typeof intake>[0] = {}): Promise<{ caseId: string; reviewId: string }> {
    const body = kind === 'girl' ? intake({ dateOfBirth: '2011-04-03', answers: CHILD_ANSWERS, ...extra })
      : kind === 'girl_no_child_protection' ? intake({ dateOfBirth: '2011-04-03', answers: POSSIBLE_ANSWERS, ...extra })
        : kind === 'adult_man' ? intake({ sex: 'male', givenNames: `Carlos ${Math.random().toString(36).slice(2, 8)}`, ...extra })
          : intake(extra);
    if (kind === 'adult_man') body.identification.exploitationForms = ['labour_exploitation'];
    const created = await this.t.http().post('/api/v1/cases').set(this.as('officer.rumichaca')).send(body).expect(201);
    if (created.body.status === 'screening') {
      await this.t.http().post(`/api/v1/cases/${created.body.id}/submit-for-review`).set(this.as('officer.rumichaca')).send({ rationale: 'Indicios suficientes' }).expect(200);
    }
    const review = await this.t.http().post(`/api/v1/cases/${created.body.id}/reviews`).set(this.as('committee.mdi')).expect(201);
    return { caseId: created.body.id, reviewId: review.body.id };
  }

  decide(reviewId: string, body: Record<string, unknown>, user = 'committee.mdi') {
    return this.t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(this.as(user)).send({ rationale: 'Análisis del equipo', members: this.quorum(), ...body });
  }

  inbox(user: string, type: string) {
    return this.t.http().get('/api/v1/tasks').query({ type, limit: 200 }).set(this.as(user)).expect(200)
      .then((r) => r.body.items as { id: string; caseId: string; details: Record<string, string> }[]);
  }
}
