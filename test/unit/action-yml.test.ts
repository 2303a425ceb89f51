import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { commands } from '../../src/cli/commands.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const actionDirs = readdirSync(join(ROOT, 'actions'));

interface ActionYml {
  inputs?: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe('action.yml files match the action definitions (one source of truth for inputs)', () => {
  test('every action directory has a definition and a README, and every definition a directory', () => {
    const defined = commands.filter((c) => c.name !== 'pipeline').map((c) => c.name).sort();
    expect(actionDirs.sort()).toEqual(defined);
    for (const name of actionDirs) expect(existsSync(join(ROOT, 'actions', name, 'README.md'))).toBe(true);
  });

  test.each(actionDirs)('%s: runtime, entry, inputs, their descriptions and defaults, and outputs', (name) => {
    const yml = parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as ActionYml;
    const def = commands.find((c) => c.name === name);
    expect(def).toBeDefined();
    expect(yml.runs.using).toBe('node24');
    expect(yml.runs.main).toBe(`../../dist/${name}/index.js`);
    const inputs = Object.fromEntries(Object.entries(yml.inputs ?? {}).map(([k, v]) => [k, v.default === undefined ? undefined : String(v.default)]));
    const expected = Object.fromEntries(Object.entries(def!.inputs).map(([k, v]) => [k, v.default]));
    expect(inputs).toEqual(expected);
    // The descriptions too: a stale action.yml would tell users what the code no longer does.
    const described = Object.fromEntries(Object.entries(yml.inputs ?? {}).map(([k, v]) => [k, v.description]));
    expect(described).toEqual(Object.fromEntries(Object.entries(def!.inputs).map(([k, v]) => [k, v.description])));
    expect(Object.keys(yml.outputs ?? {}).sort()).toEqual(Object.keys(def!.outputs).sort());
  });
});
