/**
 * Every query key of the web app, in one place (STYLE.md: server state lives in TanStack Query).
 *
 * One key holds one shape: the API's answer as it came. A screen that needs another shape (a map of
 * names, the items only) derives it with the query's `select`, never by caching its own shape under a
 * key another screen reads. Keys nest: invalidating a key invalidates every key that starts with it
 * (`cases.detail(id)` covers the case's timeline, reviews and referrals).
 */
export const queryKeys = {
  cases: {
    all: ['cases'] as const,
    lists: () => ['cases', 'list'] as const,
    list: (filters: object) => ['cases', 'list', filters] as const,
    /** GET /cases/:id; its parts below it. */
    detail: (id: string) => ['cases', 'detail', id] as const,
    timeline: (id: string) => ['cases', 'detail', id, 'timeline'] as const,
    reviews: (id: string) => ['cases', 'detail', id, 'reviews'] as const,
    referrals: (id: string) => ['cases', 'detail', id, 'referrals'] as const,
    /** GET /cases/:id/shelters: every shelter with its occupancy and the API's word on the case's eligibility. */
    shelters: (id: string) => ['cases', 'detail', id, 'shelters'] as const,
  },
  catalog: {
    services: () => ['catalog', 'services'] as const,
    provinces: () => ['catalog', 'provinces'] as const,
    borderPoints: () => ['catalog', 'border-points'] as const,
    indicators: () => ['catalog', 'indicators'] as const,
    countries: () => ['catalog', 'countries'] as const,
  },
  /** GET /shelters: names and occupancy. */
  shelters: () => ['shelters'] as const,
  agencies: () => ['agencies'] as const,
  committeeMembers: () => ['committee-members'] as const,
  referrals: {
    all: ['referrals'] as const,
    /** GET /referrals: those addressed to the user, by status (`all` without a filter). */
    addressed: (statuses: readonly string[] | undefined) => ['referrals', 'addressed', statuses ?? 'all'] as const,
  },
  tasks: {
    all: ['tasks'] as const,
    inbox: () => ['tasks', 'inbox'] as const,
    inboxPage: (filters: object) => ['tasks', 'inbox', filters] as const,
  },
  reports: {
    summary: (from: string, to: string, lang: string) => ['reports', 'summary', from, to, lang] as const,
  },
  intake: {
    duplicates: (victim: unknown) => ['intake', 'duplicates-check', victim] as const,
    screening: (catalogVersion: string | undefined, isMinor: boolean | undefined, answers: string, lang: string) =>
      ['intake', 'screening-dry-run', catalogVersion, isMinor, answers, lang] as const,
  },
};
