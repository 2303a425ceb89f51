import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { manifestYaml, needsQuotes } from '../../src/winget/index.js';

// What YAML 1.1 (PyYAML, PowerShell modules, yamllint's truthy rule) or 1.2 core would retype.
const RETYPED = ['1.10', '1.0', '10', '007', '0x10', '0o10', '0b101', '1_000', '1e3', '+1', '.5', '.inf', '-.Inf', '.NaN', 'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'False', 'null', 'Null', '~', '', '1:20', '2026-11-25', '2026-11-25T10:00:00Z', '0'.repeat(64), `1E${'0'.repeat(62)}`];
const PLAIN = ['1.2.0', '0.9.2', '1.2.0-rc.1', '10.0.17763.0', 'servin', 'Servin.Servin', 'en-US', 'x64', 'arm64', 'zip', 'portable', 'MIT', 'Apache-2.0', 'https://servin.example/a?b=c', 'servin.exe', 'ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789'];

describe('needsQuotes', () => {
  it.each(RETYPED)('quotes %j', (s) => {
    expect(needsQuotes(s)).toBe(true);
  });

  it.each(PLAIN)('leaves %j plain', (s) => {
    expect(needsQuotes(s)).toBe(false);
  });
});

describe('manifestYaml', () => {
  it('writes every retyped value so that YAML 1.1 and 1.2 both read back the same text', () => {
    const data = Object.fromEntries(RETYPED.map((v, i) => [`K${i}`, v]));
    const text = manifestYaml(['c'], { ...data, List: RETYPED });
    for (const version of ['1.1', '1.2'] as const) {
      const back = parse(text, { version }) as Record<string, unknown>;
      expect(back).toEqual({ ...data, List: RETYPED });
    }
  });

  it('double-quotes exactly the values that need it', () => {
    const text = manifestYaml(['c'], { A: '1.10', B: 'yes', C: '1.2.0', D: '0x10', E: 'servin', F: '007' });
    expect(text).toBe('# c\n\nA: "1.10"\nB: "yes"\nC: 1.2.0\nD: "0x10"\nE: servin\nF: "007"\n');
  });

  it('starts with the comment lines and a blank line; LF only; one final newline', () => {
    const text = manifestYaml(['first', 'second'], { A: 'b' });
    expect(text).toBe('# first\n# second\n\nA: b\n');
  });

  it('writes sequences unindented, as wingetcreate and komac do, and never folds long lines', () => {
    const long = `https://example.org/${'a'.repeat(150)} with spaces and more words to fold`;
    const text = manifestYaml(['c'], { L: ['x', 'z'], M: [{ A: 'b', C: 'd' }], Long: long });
    expect(text).toContain('\nL:\n- x\n- z\nM:\n- A: b\n  C: d\n');
    expect(text).toContain(`\nLong: ${long}\n`);
  });

  it('writes multi-line text as a literal block that reads back unchanged', () => {
    const description = 'Line one: with a colon\n\n  indented # not a comment\n"quoted"\nyes';
    const text = manifestYaml(['c'], { Description: description });
    expect(text).toContain('Description: |');
    expect(parse(text, { version: '1.1' })).toEqual({ Description: description });
    expect(parse(text)).toEqual({ Description: description });
  });

  it.each([
    ['trailing spaces on a line', 'first line   \nsecond'],
    ['a tab', 'a\tb\nc'],
    ['a leading blank line', '\nafter a blank line'],
    ['a leading indented line', '  indented first\nsecond'],
    ['non-ASCII text', 'Servin läuft überall\n日本語の説明'],
    ['a document marker', 'one\n---\ntwo\n...'],
  ])('round-trips multi-line text with %s', (_what, text) => {
    const yaml = manifestYaml(['c'], { Description: text });
    expect(parse(yaml, { version: '1.1' })).toEqual({ Description: text });
    expect(parse(yaml, { schema: 'failsafe' })).toEqual({ Description: text });
  });

  it('leaves out keys whose value is undefined and keeps the insertion order', () => {
    expect(manifestYaml(['c'], { B: 'b', A: undefined, C: [{ X: undefined, Z: 'z' }], D: true })).toBe('# c\n\nB: b\nC:\n- Z: z\nD: true\n');
  });

  it('quotes y and n, which YAML 1.1 reads as booleans, even as keys', () => {
    expect(manifestYaml(['c'], { Y: 'y', N: ['n'] })).toBe('# c\n\n"Y": "y"\n"N":\n- "n"\n');
  });

  it('quotes keys-looking and comment-looking text', () => {
    const values = ['a: b', '# not a comment', '- item', '@at', '`tick', 'trailing ', ' leading', 'x #y', "it's", 'say "hi"'];
    const text = manifestYaml(['c'], { V: values });
    expect(parse(text, { version: '1.1' })).toEqual({ V: values });
  });
});
