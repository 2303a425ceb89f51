import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validate } from '../../src/config/schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('the precompiled config validator', () => {
  test('matches the schema: regenerating it from schema/package-actions.schema.json gives the committed file', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-config-validator.mjs'), '--print'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const committed = readFileSync(join(ROOT, 'src', 'config', 'validate-config.generated.js'), 'utf8');
    // Fix when this fails: node scripts/gen-config-validator.mjs
    expect(committed === r.stdout ? 'up to date' : 'stale: run node scripts/gen-config-validator.mjs').toBe('up to date');
  });

  test('reports every problem with the data and the schema that failed (allErrors, verbose)', () => {
    const errors = validate({ name: 'demo', maintainer: 'A <a@b.c>', platforms: [{ os: 'plan9', arch: 'amd64' }], contents: [], bogus: 1 });
    const byKeyword = Object.fromEntries(errors.map((e) => [e.keyword, e]));
    expect(byKeyword.additionalProperties?.params).toEqual({ additionalProperty: 'bogus' });
    expect(byKeyword.enum?.instancePath).toBe('/platforms/0/os');
    expect(byKeyword.enum?.data).toBe('plan9');
    expect((byKeyword.enum?.parentSchema as { enum?: unknown[] }).enum).toEqual(byKeyword.enum?.schema);
    expect(byKeyword.minItems?.instancePath).toBe('/contents');
  });
});
