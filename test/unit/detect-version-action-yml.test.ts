import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { detectVersionAction } from '../../src/actions/detect-version/definition.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe('actions/detect-version/action.yml', () => {
  const yml = parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'actions', 'detect-version', 'action.yml'), 'utf8')) as ActionYml;

  it('declares the same inputs, defaults and descriptions as the definition', () => {
    const fromDef = Object.fromEntries(Object.entries(detectVersionAction.inputs).map(([k, v]) => [k, { description: v.description, ...(v.default === undefined ? {} : { default: v.default }) }]));
    expect(yml.inputs).toEqual(fromDef);
  });

  it('declares the same outputs as the definition', () => {
    expect(yml.outputs).toEqual(detectVersionAction.outputs);
  });

  it('runs the bundled entry on node24', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: '../../dist/detect-version/index.js' });
  });
});
