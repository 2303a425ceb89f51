// Our manifests judged by winget's own JSON Schemas (microsoft/winget-cli, v1.12.0, pinned in
// shared/reference/schemas with their SHA-256) and by yamllint.
//
// How the YAML is read for the schema check: winget reads every scalar as text and converts it
// per field (winget-cli's manifest populator), and the 1.12.0 schemas type almost every field as
// a string. So each file is parsed with the `failsafe` schema (every scalar a string, exactly as
// written) and then only the values whose schema does not accept a string are converted: "true" /
// "false" where the schema wants a boolean (ArchiveBinariesDependOnPath and friends), digits
// where it wants an integer (return codes). Nothing else is touched, so `PackageVersion: 1.10`
// is checked as the text "1.10", and a boolean written `yes` stays "yes" and fails, as it would
// in winget. A generic parser (YAML 1.2 core) would instead turn 1.10 into 1.1 and fail or, worse,
// silently compare the wrong value.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/index.js';
import { IDENTIFIER_PATTERN, renderWingetManifests, type ManifestFile, type WingetInput } from '../../src/winget/index.js';
import { goldenCases, servinInput, trickyConfig, trickyInput } from '../fixtures/winget/inputs.js';
import { requireTool } from '../support/tools.js';

type Node = Record<string, unknown>;
const REPO = resolve(import.meta.dirname, '..', '..');
// CI lays shared/ next to the repository clone; so does the development tree.
const SCHEMAS = resolve(REPO, '..', 'shared', 'reference', 'schemas');
const TYPES = ['version', 'installer', 'defaultLocale'] as const;
type ManifestType = (typeof TYPES)[number];

/** The schema folder, or undefined to skip; under CI=true a missing folder fails the run. */
function schemaRoot(): string | undefined {
  if (existsSync(join(SCHEMAS, 'winget', '1.12.0'))) return SCHEMAS;
  const msg = `WinGet schemas not found at ${SCHEMAS} (shared/ must sit next to the repository)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI=true: schema tests must not skip`);
  console.warn(`skipping: ${msg}`);
  return undefined;
}

function readSchema(root: string, version: string, type: string): Node {
  return JSON.parse(readFileSync(join(root, 'winget', version, `manifest.${type}.${version}.json`), 'utf8')) as Node;
}

function compile(schema: Node): ValidateFunction {
  // strict: a schema feature ajv would ignore must fail loudly. The schemas use union types
  // (["string", "null"]) and two formats ajv does not define: `date` (ReleaseDate) and `long`.
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('long', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63 });
  return ajv.compile(schema);
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === s;
}

function deref(node: unknown, root: Node): Node | undefined {
  let n = node as Node | undefined;
  for (let hops = 0; n && typeof n.$ref === 'string' && hops < 10; hops++) {
    let target: unknown = root;
    for (const seg of n.$ref.replace(/^#\//, '').split('/')) target = (target as Node | undefined)?.[seg];
    n = target as Node | undefined;
  }
  return n;
}

/** Converts a failsafe string only where the schema refuses strings (see the file comment). */
function coerce(value: unknown, node: unknown, root: Node): unknown {
  const schema = deref(node, root);
  if (!schema) return value;
  if (Array.isArray(value)) return value.map((v) => coerce(v, schema.items, root));
  if (value !== null && typeof value === 'object') {
    const props = (schema.properties ?? {}) as Node;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerce(v, props[k], root)]));
  }
  if (typeof value !== 'string') return value;
  const types = [schema.type].flat();
  if (types.includes('string')) return value;
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

interface Checker {
  root: string;
  schemas: Record<ManifestType, Node>;
  validate: Record<ManifestType, ValidateFunction>;
}

function check(c: Checker, file: ManifestFile): { type: ManifestType; errors: string[] } {
  const raw = parse(file.content, { schema: 'failsafe' }) as Node;
  const type = raw.ManifestType as ManifestType;
  expect(TYPES).toContain(type);
  const v = c.validate[type];
  const ok = v(coerce(raw, c.schemas[type], c.schemas[type]));
  return { type, errors: ok ? [] : (v.errors ?? []).map((e) => `${file.path}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`) };
}

/** Every input whose manifests must be valid: the golden cases plus variants of them. */
async function allInputs(): Promise<{ name: string; input: WingetInput }[]> {
  const servin = await servinInput();
  const bare = { ...servin.config };
  delete bare.winget;
  const cases = await goldenCases();
  cases.push({ name: 'servin without a winget block (every default)', input: { ...servin, config: bare } });
  cases.push({ name: 'servin without date or notes', input: { ...servin, releaseDate: undefined, releaseNotesUrl: undefined } });
  for (const version of ['1.2.0-rc.1', 'v2.0.0+build.5', '2024.01.05', '007']) cases.push({ name: `servin ${version}`, input: { ...servin, version } });
  const tricky = trickyInput();
  const flat = { ...trickyConfig(), archives: {}, winget: { ...trickyConfig().winget, archive_binaries_depend_on_path: false } };
  cases.push({ name: 'tricky, files at the root, with aliases', input: { ...tricky, config: flat } });
  return cases;
}

let checker: Checker | undefined;

beforeAll(() => {
  const root = schemaRoot();
  if (!root) return;
  const schemas = Object.fromEntries(TYPES.map((t) => [t, readSchema(root, '1.12.0', t)])) as Record<ManifestType, Node>;
  const validate = Object.fromEntries(TYPES.map((t) => [t, compile(schemas[t])])) as Record<ManifestType, ValidateFunction>;
  checker = { root, schemas, validate };
});

describe('the official WinGet 1.12.0 schemas', () => {
  it('are the pinned copies listed in SOURCES.md, draft-07', () => {
    if (!checker) return;
    const sources = readFileSync(join(checker.root, 'SOURCES.md'), 'utf8');
    const pinned = new Map([...sources.matchAll(/^([0-9a-f]{64}) {2}(winget\/\S+)$/gm)].map((m) => [m[2]!, m[1]!]));
    for (const type of TYPES) {
      const rel = `winget/1.12.0/manifest.${type}.1.12.0.json`;
      expect({ rel, sha: createHash('sha256').update(readFileSync(join(checker.root, rel))).digest('hex') }).toEqual({ rel, sha: pinned.get(rel) });
      expect(checker.schemas[type].$schema).toBe('http://json-schema.org/draft-07/schema#');
    }
  });

  it('agree with our identifier and minimum OS rules (config schema and code)', () => {
    if (!checker) return;
    const defs = checker.schemas.installer.definitions as Record<string, Node>;
    const ours = ((configSchema.definitions as Record<string, Node>).winget!.properties as Record<string, Node>);
    expect(ours.package_identifier!.pattern).toBe(defs.PackageIdentifier!.pattern);
    expect(ours.minimum_os_version!.pattern).toBe(defs.MinimumOSVersion!.pattern);
    const official = new RegExp(defs.PackageIdentifier!.pattern as string, 'u');
    const ids = ['Servin.Servin', 'a.b', 'A.B.C.D.E.F.G.H', 'A.B.C.D.E.F.G.H.I', 'Servin', 'Ser vin.X', 'A..B', '.A.B', 'A.B.', 'A/B.C', 'A.B:C', 'A.B|C', 'Ä.ß', `${'x'.repeat(32)}.y`, `${'x'.repeat(33)}.y`, 'A.B\u0001', 'A.B\u007f', 'A.B\u00a0'];
    for (const id of ids) expect({ id, ours: IDENTIFIER_PATTERN.test(id) }).toEqual({ id, ours: official.test(id) });
  });
});

describe('rendered manifests', () => {
  it('validate against the official schemas, every file of every case', async () => {
    if (!checker) return;
    const errors: string[] = [];
    let checked = 0;
    for (const { name, input } of await allInputs()) {
      const files = renderWingetManifests(input);
      expect(files.map((f) => check(checker!, f).type)).toEqual([...TYPES]);
      for (const f of files) errors.push(...check(checker, f).errors.map((e) => `[${name}] ${e}`));
      checked += files.length;
    }
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(27);
  });

  it('name in their first line the schema they validate against', async () => {
    if (!checker) return;
    for (const f of renderWingetManifests(await servinInput())) {
      const type = (parse(f.content, { schema: 'failsafe' }) as Node).ManifestType as ManifestType;
      const url = /^# yaml-language-server: \$schema=(\S+)\n/.exec(f.content)?.[1];
      // aka.ms links ignore case; the defaultLocale schema's $id is spelt in lowercase.
      expect(url?.toLowerCase()).toBe(String(checker.schemas[type].$id).toLowerCase());
    }
  });

  it('would also pass the frozen 1.28.0 schemas (ready for the switch)', async () => {
    if (!checker) return;
    if (!existsSync(join(checker.root, 'winget', '1.28.0'))) return;
    const errors: string[] = [];
    for (const { input } of await goldenCases()) {
      for (const f of renderWingetManifests(input)) {
        const raw = parse(f.content, { schema: 'failsafe' }) as Node;
        const schema = readSchema(checker.root, '1.28.0', raw.ManifestType as string);
        const v = compile(schema);
        if (!v(coerce(raw, schema, schema))) errors.push(`${f.path}: ${JSON.stringify(v.errors)}`);
      }
    }
    expect(errors).toEqual([]);
  });
});

describe('the schema check is not a pushover', () => {
  const edit = async (type: ManifestType, change: (text: string) => string) => {
    const f = renderWingetManifests(trickyInput()).find((x) => (parse(x.content, { schema: 'failsafe' }) as Node).ManifestType === type)!;
    return { ...f, content: change(f.content) };
  };

  it.each<[string, ManifestType, (t: string) => string, RegExp]>([
    ['a boolean written yes', 'installer', (t) => t.replace('ArchiveBinariesDependOnPath: true', 'ArchiveBinariesDependOnPath: yes'), /ArchiveBinariesDependOnPath must be boolean/],
    ['a missing ShortDescription', 'defaultLocale', (t) => t.replace(/^ShortDescription: .*\n/m, ''), /must have required property 'ShortDescription'/],
    ['a 63-digit hash', 'installer', (t) => t.replace(/InstallerSha256: "?(\w)\w{63}"?/, 'InstallerSha256: $1' + 'A'.repeat(62)), /InstallerSha256 must match pattern/],
    ['an unknown architecture', 'installer', (t) => t.replace('Architecture: x86', 'Architecture: amd64'), /Architecture must be equal to one of the allowed values/],
    ['a one-part identifier', 'version', (t) => t.replace('PackageIdentifier: Yes.No.On', 'PackageIdentifier: YesNoOn'), /PackageIdentifier must match pattern/],
    ['an impossible release date', 'installer', (t) => t.replace('ReleaseDate: "2026-01-05"', 'ReleaseDate: "2026-02-30"'), /ReleaseDate must match format "date"/],
  ])('rejects %s', async (_what, type, change, message) => {
    if (!checker) return;
    const { errors } = check(checker, await edit(type, change));
    expect(errors.join('\n')).toMatch(message);
  });

  it('a generic YAML 1.2 reader would retype PackageVersion 1.10 written plain, and the schema would refuse it', async () => {
    if (!checker) return;
    const f = await edit('version', (t) => t.replace('PackageVersion: "1.10"', 'PackageVersion: 1.10'));
    const generic = parse(f.content) as Node;
    expect(generic.PackageVersion).toBe(1.1);
    expect(checker.validate.version(generic)).toBe(false);
    // Our own output, read the same generic way, keeps the text.
    const ours = renderWingetManifests(trickyInput())[0]!;
    expect((parse(ours.content) as Node).PackageVersion).toBe('1.10');
    expect(checker.validate.version(parse(ours.content))).toBe(true);
  });
});

describe('yamllint -d relaxed', () => {
  it('has nothing to say about any rendered file', async () => {
    if (!requireTool('yamllint')) return;
    const dir = mkdtempSync(join(tmpdir(), 'winget-yamllint-'));
    const paths: string[] = [];
    for (const [i, { input }] of (await allInputs()).entries()) {
      for (const f of renderWingetManifests(input)) {
        const p = join(dir, String(i), f.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, f.content);
        paths.push(p);
      }
    }
    const r = spawnSync('yamllint', ['-f', 'parsable', '-d', 'relaxed', ...paths], { encoding: 'utf8' });
    // The one allowed remark: line 1 is the yaml-language-server comment every winget-pkgs
    // manifest starts with, 89-95 characters, over relaxed's 80-column warning.
    const header = /:1:81: \[warning\] line too long \(\d+ > 80 characters\) \(line-length\)$/;
    const remarks = (r.stdout + r.stderr).split('\n').filter((l) => l !== '');
    expect(remarks.filter((l) => !header.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    expect(remarks).toHaveLength(paths.length);
    // And it does lint: a broken file is reported.
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'A: b\nA: c\n  - x\n');
    expect(spawnSync('yamllint', ['-f', 'parsable', '-d', 'relaxed', bad], { encoding: 'utf8' }).status).not.toBe(0);
  });
});
