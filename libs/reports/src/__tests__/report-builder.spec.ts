import { ReportBuilder } from '../report-builder';
import { FactRow } from '../reports.repository';

const f = (report: string, k1: string, n: number, k2 = '', month: string | null = null, bucket = 0): FactRow => ({ report, month, k1, k2, bucket, n });

/** Facts of the integration test's 40 cases (test/reports/reports.e2e-spec.ts), summed over March-April 2026. */
export const FORTY: FactRow[] = [
  f('sex', 'female', 13, '', '2026-03'), f('sex', 'male', 12, '', '2026-03'), f('sex', 'female', 7, '', '2026-04'), f('sex', 'male', 8, '', '2026-04'),
  f('age', '12-17', 6), f('age', '18-29', 20), f('age', '30-59', 12), f('age', '60+', 2),
  f('province', '17', 3), f('province', '07', 5), f('province', '21', 12), f('province', '04', 20),
  f('nationality', 'COL', 10), f('nationality', 'PER', 5), f('nationality', 'VEN', 25),
  f('route', '17', 3, 'VEN'), f('route', '07', 5, 'VEN'), f('route', '21', 10, 'COL'), f('route', '21', 2, 'VEN'),
  f('route', '04', 5, 'PER'), f('route', '04', 15, 'VEN'),
  f('agency', 'MDI', 40), f('status', 'presumed_victim', 37), f('status', 'recognized_victim', 3),
  f('form', 'begging', 3), f('form', 'labour_exploitation', 5), f('form', 'sexual_exploitation', 32),
  f('review', 'recognize', 3), f('referral', 'medical_care', 3, 'MSP'), f('referral_hours', 'medical_care', 3, 'MSP', null, 0),
  f('declined', 'medical_care', 1, 'no_capacity'), f('to_recognition', '', 3),
];

const directory = {
  agencyName: (code: string) => ({ es: code, en: code }),
  services: new Map([['medical_care', { es: 'Atención médica', en: 'Medical care' }]]),
  shelters: new Map<string, string>(),
  provinces: new Map([['04', 'Carchi'], ['07', 'El Oro'], ['17', 'Pichincha'], ['21', 'Sucumbíos']]),
};

describe('ReportBuilder', () => {
  it('hides the small cells and their complements, not the whole period', () => {
    const s = new ReportBuilder({ from: '2026-03', to: '2026-04', k: 5, locale: 'es', rows: FORTY, directory, refreshedAt: null, now: new Date() }).build();
    const show = (name: string) => {
      const r = s.reports.find((t) => t.name === name)!;
      return Object.fromEntries([...r.keys.map((k, i) => [k, r.series[0].data[i]]), ['total', r.series[0].total]]);
    };
    // The Sucumbíos row hides its total rather than 21|COL, which would have exposed the COL column and cascaded.
    expect(show('by-province')).toEqual({ '17': '<5', '07': 'x', '21': 'x', '04': 20, total: 40 });
    expect(show('by-route')).toEqual({ '04|PER': 5, '04|VEN': 15, '07|VEN': 'x', '17|VEN': '<5', '21|COL': 10, '21|VEN': '<5' });
    expect(show('by-nationality')).toEqual({ COL: 10, PER: 5, VEN: 25, total: 40 });
    // 60+ is paired with 30-59, not with 12-17, whose value the minors row would give away.
    expect(show('by-age-group')).toMatchObject({ '12-17': 6, '18-29': 20, '30-59': 'x', '60+': '<5', total: 40 });
    expect(show('minors')).toEqual({ minors: 6, adults: 34, total: 40 });
    expect(show('by-sex')).toMatchObject({ female: 20, male: 20, total: 40 });
    expect(s.totalCases).toBe(40);
  });
});
