// The rendered manifests, byte for byte. After an intended change: UPDATE_GOLDEN=1 npm test -- winget-golden
// and review the diff of test/fixtures/winget/.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { renderWingetManifests } from '../../src/winget/index.js';
import { goldenCases } from '../fixtures/winget/inputs.js';

const ROOT = 'test/fixtures/winget';

/** Files under test/fixtures/winget/<name>, as `<name>/<path>` with `/`. */
function listFiles(name: string): string[] {
  const dir = join(ROOT, name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => `${name}/${p.split(sep).join('/')}`);
}

describe('golden manifests', () => {
  it('render exactly the committed files (UPDATE_GOLDEN=1 rewrites them)', async () => {
    for (const { name, input } of await goldenCases()) {
      const files = renderWingetManifests(input).map((f) => ({ path: `${name}/${f.path}`, content: f.content }));
      if (process.env.UPDATE_GOLDEN === '1') {
        rmSync(join(ROOT, name), { recursive: true, force: true });
        for (const f of files) {
          mkdirSync(dirname(join(ROOT, f.path)), { recursive: true });
          writeFileSync(join(ROOT, f.path), f.content);
        }
      }
      // No stale or missing files, then the bytes.
      expect(listFiles(name).sort()).toEqual(files.map((f) => f.path).sort());
      for (const f of files) expect({ path: f.path, content: readFileSync(join(ROOT, f.path), 'utf8') }).toEqual(f);
    }
  });
});
