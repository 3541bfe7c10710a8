import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CommonErrorCode, problemTitle } from '@ruta/core';

/**
 * Every problem code (PRODUCT.md section 13) has one owner and its texts in both languages: the codes of
 * core's CommonErrorCode and of each module's *.exception.ts (its `…ErrorCode` enums), which register
 * their titles when they load.
 */
const LIBS = join(__dirname, '..', '..', '..', '..', 'libs');

function owners(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (owner: string, codes: object) => {
    for (const code of Object.values(codes) as string[]) found.set(code, [...(found.get(code) ?? []), owner]);
  };
  add('core CommonErrorCode', CommonErrorCode);
  for (const lib of readdirSync(LIBS)) {
    const src = join(LIBS, lib, 'src');
    if (!existsSync(src)) continue;
    for (const file of readdirSync(src).filter((name) => name.endsWith('.exception.ts'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(src, file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (name.endsWith('ErrorCode') && value !== null && typeof value === 'object') add(`${lib} ${name}`, value);
      }
    }
  }
  return found;
}

describe('Problem codes', () => {
  const codes = owners();

  it('are read from core and from every module that has a *.exception.ts', () => {
    const modules = new Set([...codes.values()].flat().map((owner) => owner.split(' ')[0]));
    const withExceptions = readdirSync(LIBS).filter((lib) => existsSync(join(LIBS, lib, 'src'))
      && readdirSync(join(LIBS, lib, 'src')).some((name) => name.endsWith('.exception.ts')));
    expect([...modules].sort()).toEqual(['core', ...withExceptions].sort());
    expect(codes.size).toBeGreaterThan(50);
  });

  it('each has exactly one owner', () => {
    const shared = [...codes].filter(([, by]) => by.length !== 1).map(([code, by]) => `${code}: ${by.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('each has its title in Spanish and in English', () => {
    const missing = [...codes.keys()].filter((code) => {
      const title = problemTitle(code);
      return !title?.es?.trim() || !title?.en?.trim() || title.es === title.en;
    });
    expect(missing).toEqual([]);
  });
});
