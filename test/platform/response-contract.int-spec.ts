import { OpenApiDocument, ResponseContract } from '../support/response-contract';

/** The checker the whole suite relies on (test/support/response-contract.ts) must be able to fail. */
describe('Response contract checker', () => {
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const document: OpenApiDocument = {
    paths: {
      '/api/v1/things/{id}': {
        get: {
          responses: {
            200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            404: { content: problem },
          },
        },
      },
      '/api/v1/things/special': { get: { responses: { 204: { description: 'nothing' } } } },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'owner'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            owner: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Owner' }] },
            note: { type: 'string', nullable: true },
          },
        },
        Owner: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
        Problem: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      },
    },
  };
  const contract = new ResponseContract(document);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const id = '7f0c3b52-3d3c-4c2b-9a55-1d2f3f4e5a6b';

  it('accepts a body that matches, with nullable values and references', () => {
    expect(contract.check('GET', `/api/v1/things/${id}`, 200, 'application/json; charset=utf-8', json({ id, owner: null, note: null })).violations).toEqual([]);
    expect(contract.check('GET', `/api/v1/things/${id}`, 200, 'application/json', json({ id, owner: { code: 'MIES' } })).violations).toEqual([]);
  });

  it('flags a wrong body: a missing required key, a wrong type, an undeclared key', () => {
    expect(contract.check('GET', `/api/v1/things/${id}`, 200, 'application/json', json({ id })).violations).toEqual([`/ must have required property 'owner'`]);
    expect(contract.check('GET', `/api/v1/things/${id}`, 200, 'application/json', json({ id: 'x', owner: { code: 3 } })).violations)
      .toEqual(expect.arrayContaining(['/id must match format "uuid"', '/owner/code must be string']));
    expect(contract.check('GET', `/api/v1/things/${id}`, 200, 'application/json', json({ id, owner: null, secret: 1 })).violations)
      .toEqual(['/ must NOT have additional properties (secret)']);
  });

  it('flags an undeclared status and an undeclared content type', () => {
    expect(contract.check('GET', `/api/v1/things/${id}`, 409, 'application/problem+json', json({ code: 'conflict' })).violations)
      .toEqual(['status 409 is not declared']);
    expect(contract.check('GET', `/api/v1/things/${id}`, 404, 'application/json', json({ code: 'x' })).violations[0]).toMatch(/content type application\/json is not declared/);
  });

  it('matches literal segments before parameters and skips what is not an operation', () => {
    expect(contract.operationFor('GET', '/api/v1/things/special')).toBe('GET /api/v1/things/special');
    expect(contract.check('GET', '/api/v1/things/special', 204, undefined, Buffer.alloc(0)).violations).toEqual([]);
    expect(contract.check('POST', `/api/v1/things/${id}`, 201, 'application/json', json({})).operation).toBeUndefined();
  });
});
