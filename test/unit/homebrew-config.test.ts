import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { configSchema, parseConfig } from '../../src/config/index.js';
import { HOMEBREW_DEPENDENCY_TYPES } from '../../src/config/types.js';
import type { ConfigurationError } from '../../src/core/errors.js';
import { configErrors } from '../support/config-errors.js';

type Obj = Record<string, unknown>;
const FILE = '.github/package-actions.yml';
const BASE = ['name: servin', 'summary: Container runtime', 'maintainer: Jane Doe <jane@example.org>', 'platforms:', '  - { os: darwin, arch: arm64 }', 'contents:', '  - src: dist/servin', '    dst: /usr/bin/servin'];
const withLines = (...extra: string[]) => [...BASE, ...extra].join('\n') + '\n';

const errorsOf = (text: string): ConfigurationError[] => configErrors(() => parseConfig(text, FILE, '/repo'));

/** Property names of an interface in types.ts. */
function interfaceKeys(name: string): string[] {
  const file = ts.createSourceFile('types.ts', readFileSync('src/config/types.ts', 'utf8'), ts.ScriptTarget.Latest);
  let keys: string[] | undefined;
  file.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === name) keys = n.members.filter(ts.isPropertySignature).map((m) => (m.name as ts.Identifier).text);
  });
  if (!keys) throw new Error(`interface ${name} not found`);
  return keys.sort();
}

const definitions = (configSchema as Obj).definitions as Record<string, Obj>;
const props = (node: Obj | undefined) => Object.keys((node?.properties as Obj | undefined) ?? {}).sort();

describe('homebrew block in the schema', () => {
  it('is typed (not an open owned block) and matches types.ts key for key', () => {
    expect(((configSchema as Obj).properties as Record<string, Obj>).homebrew).toEqual({ $ref: '#/definitions/homebrew' });
    const homebrew = definitions.homebrew!;
    const sub = homebrew.properties as Record<string, Obj>;
    expect(homebrew.additionalProperties).toBe(false);
    expect(props(homebrew)).toEqual(interfaceKeys('HomebrewConfig'));
    expect(props(definitions.homebrewDependency)).toEqual(interfaceKeys('HomebrewDependencySpec'));
    expect(props(sub.service)).toEqual(interfaceKeys('HomebrewServiceSpec'));
    expect(props(sub.test)).toEqual(interfaceKeys('HomebrewTestSpec'));
    expect((definitions.homebrewDependency!.properties as Record<string, Obj>).type!.enum).toEqual([...HOMEBREW_DEPENDENCY_TYPES]);
  });
});

describe('loading a homebrew block', () => {
  it('keeps a valid block as written (defaults are applied when the formula is rendered)', () => {
    const block = [
      'homebrew:',
      '  tap: servin/homebrew-tap',
      '  formula: servin',
      '  desc: Container runtime',
      '  dependencies:',
      '    - { name: xz }',
      '    - { name: util-linux, os: linux, type: recommended }',
      '  caveats: "Uses #{HOME} and {{ .Version }}"',
      '  install: [\'etc.install "servin.toml"\']',
      '  service: { run: [servin, daemon], keep_alive: true, log_path: log/servin.log, environment_variables: { A: b } }',
      '  test: { command: servin --version, exit_code: 0 }',
    ];
    expect(parseConfig(withLines(...block), FILE, '/repo').config.homebrew).toEqual({
      tap: 'servin/homebrew-tap',
      formula: 'servin',
      desc: 'Container runtime',
      dependencies: [{ name: 'xz' }, { name: 'util-linux', os: 'linux', type: 'recommended' }],
      caveats: 'Uses #{HOME} and {{ .Version }}',
      install: ['etc.install "servin.toml"'],
      service: { run: ['servin', 'daemon'], keep_alive: true, log_path: 'log/servin.log', environment_variables: { A: 'b' } },
      test: { command: 'servin --version', exit_code: 0 },
    });
  });

  it.each([
    ['an unknown key, near a known one', ['homebrew:', '  formular: servin'], { line: 10, field: 'homebrew.formular', message: /is not a known key; did you mean `formula`\?/ }],
    ['an unknown key', ['homebrew:', '  url: "https://x"'], { line: 10, field: 'homebrew.url', message: /is not a known key; allowed: tap, formula, desc, dependencies, caveats, install, service, test/ }],
    ['dependencies as plain names', ['homebrew:', '  dependencies: [xz]'], { line: 10, field: 'homebrew.dependencies[0]', message: 'homebrew.dependencies[0] must be a mapping, got "xz"', fix: 'write it like - { name: xz }' }],
    ['a dependency OS by its marketing name', ['homebrew:', '  dependencies: [{ name: xz, os: macos }]'], { line: 10, field: 'homebrew.dependencies[0].os', message: /must be one of "darwin", "linux", got "macos"/, fix: 'write os: darwin' }],
    ['a dependency type Homebrew lacks', ['homebrew:', '  dependencies: [{ name: xz, type: runtime }]'], { line: 10, field: 'homebrew.dependencies[0].type', message: /must be one of "build", "test", "optional", "recommended"/ }],
    ['a dependency without a name', ['homebrew:', '  dependencies: [{ os: linux }]'], { line: 10, field: 'homebrew.dependencies[0].name', message: /is required: formula name/ }],
    ['test as a plain command', ['homebrew:', '  test: servin --version'], { line: 10, field: 'homebrew.test', message: 'homebrew.test must be a mapping, got "servin --version"', fix: 'write it like test: { command: servin --version }' }],
    ['a service without run', ['homebrew:', '  service: { keep_alive: true }'], { line: 10, field: 'homebrew.service.run', message: /is required: program/, fix: 'add run: [ servin, daemon ]' }],
    ['service run as a string', ['homebrew:', '  service: { run: servin daemon }'], { line: 10, field: 'homebrew.service.run', message: /must be a list of strings, got "servin daemon"/ }],
    ['an unknown template variable', ['homebrew:', '  caveats: "{{ .Verison }}"'], { line: 10, field: 'homebrew.caveats', message: /unknown template variable \{\{ \.Verison \}\}/, fix: /\{\{ \.Version \}\}/ }],
  ])('reports %s', (_name, lines, want) => {
    const errors = errorsOf(withLines(...lines));
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e.location?.line).toBe(want.line);
    expect(e.location?.field).toBe(want.field);
    if (typeof want.message === 'string') expect(e.message).toBe(want.message);
    else expect(e.message).toMatch(want.message);
    if ('fix' in want && want.fix !== undefined) {
      if (typeof want.fix === 'string') expect(e.fix).toBe(want.fix);
      else expect(e.fix).toMatch(want.fix);
    }
  });
});
