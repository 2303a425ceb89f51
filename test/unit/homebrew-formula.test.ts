import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type PackageConfig } from '../../src/config/index.js';
import { formulaPath, renderFormula } from '../../src/homebrew/index.js';
import { servinAssets } from '../fixtures/homebrew/assets.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'homebrew', 'servin.rb');

let servin: PackageConfig;

beforeAll(async () => {
  servin = (await loadConfig('package-actions.yml', { cwd: join(ROOT, 'examples', 'servin') })).config;
});

/** Compares with a committed file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('renderFormula on the Servin example', () => {
  it('matches the golden formula', () => {
    expectGolden(GOLDEN, renderFormula({ config: servin, version: '0.9.2', assets: servinAssets('0.9.2') }));
  });

  it('lives at Formula/servin.rb', () => {
    expect(formulaPath(servin)).toBe('Formula/servin.rb');
  });
});
