import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// One key, one shape (issue 19): a screen that cached its own shape under a key another screen read
// replaced the whole app with an error page. Every key comes from `queryKeys`, and the reads screens
// share are made in one file, each under its one key.
const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

/** The reads shared between screens: only lib/api/shared-queries.ts requests them. */
const SHARED_READS = [
  '/api/v1/cases/{id}', '/api/v1/cases/{id}/timeline', '/api/v1/cases/{id}/reviews', '/api/v1/cases/{id}/referrals',
  '/api/v1/catalog/services', '/api/v1/catalog/provinces', '/api/v1/catalog/border-points', '/api/v1/catalog/indicators',
  '/api/v1/shelters', '/api/v1/agencies',
];

describe('web app query keys', () => {
  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => f.path)).toContain(join('lib', 'api', 'shared-queries.ts'));
  });

  it('takes every query key from the factory (lib/api/query-keys.ts)', () => {
    const written = files.flatMap(({ path, text }) =>
      [...text.matchAll(/queryKey:\s*([^,\n}]*)/g)].filter((m) => !m[1].startsWith('queryKeys.')).map((m) => `${path}: ${m[0]}`));
    expect(written).toEqual([]);
  });

  it('requests each shared read in lib/api/shared-queries.ts only', () => {
    const elsewhere = files.filter((f) => f.path !== join('lib', 'api', 'shared-queries.ts')).flatMap(({ path, text }) =>
      [...text.matchAll(/api\.GET\(\s*'([^']+)'/g)].filter((m) => SHARED_READS.includes(m[1])).map((m) => `${path}: ${m[1]}`));
    expect(elsewhere).toEqual([]);
  });
});
