import { localizeScreeningReasons } from '../screening-language.interceptor';

describe('localizeScreeningReasons', () => {
  const result = () => ({
    outcome: 'presumed_victim',
    dimensions: [
      { dimension: 'exploitation', positive: true, reason: { es: 'dos indicadores', en: 'two indicators' } },
      { dimension: 'coercion', positive: false, reason: 'ya traducido' },
    ],
  });

  it('gives each dimension\'s reason in the caller\'s language, wherever a result appears, without touching the input', () => {
    const body = { id: 'c1', screening: result(), items: [{ screening: result() }, { other: 1 }] };
    const before = JSON.stringify(body);
    const es = localizeScreeningReasons(body, 'es') as typeof body;
    const en = localizeScreeningReasons(body, 'en') as typeof body;
    expect(es.screening.dimensions.map((d) => d.reason)).toEqual(['dos indicadores', 'ya traducido']);
    expect((en.items[0] as { screening: ReturnType<typeof result> }).screening.dimensions[0].reason).toBe('two indicators');
    expect(JSON.stringify(body)).toBe(before);
    // Parts without a result are shared, not copied.
    expect(en.items[1]).toBe(body.items[1]);
  });

  it('returns a body without a screening result as the same object', () => {
    const body = { items: [{ id: 't1', addressee: { role: 'committee_member', agency: { code: 'MDI', name: { es: 'Ministerio', en: 'Ministry' } } } }], nextCursor: null };
    expect(localizeScreeningReasons(body, 'en')).toBe(body);
    expect(localizeScreeningReasons([1, 'a', null], 'es')).toEqual([1, 'a', null]);
  });
});
