import type { ErrorObject } from 'ajv';
import { stringify } from 'yaml';
import type { Problem } from './problems.js';
import { joinPointer, lastSegment } from './pointer.js';
import { deref, exampleOf, propertyNames, propertySchema, type SchemaNode } from './schema.js';
import { closest, suggestKey } from './suggest.js';

/** What the mapper needs from the source: the text the user typed for a value. */
export interface RawLookup {
  rawValue(pointer: string): string | undefined;
}

/**
 * Turns ajv's errors into problems a person can act on: what is wrong, what is allowed,
 * and what to write instead.
 */
export function schemaProblems(errors: ErrorObject[], src: RawLookup): Problem[] {
  const out: Problem[] = [];
  for (const e of errors) {
    const p = explain(e, src);
    if (p) out.push(p);
  }
  return out;
}

function explain(e: ErrorObject, src: RawLookup): Problem | undefined {
  const at = e.instancePath;
  const schema = e.parentSchema as SchemaNode | undefined;
  const key = lastSegment(at);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const allowed = propertyNames(schema);
      const where = at === '' ? ' at the top level' : '';
      const s = suggestKey(name, allowed);
      const pointer = joinPointer(at, name);
      if (s.name) return { pointer, at: 'key', message: `is not a known key${where}; did you mean \`${s.name}\`?`, fix: `rename \`${name}\` to \`${s.name}\`` };
      if (s.under) {
        const blocks = s.under.map((b) => `\`${b}:\``).join(' or ');
        return { pointer, at: 'key', message: `is not a known key${where}; it belongs under ${blocks}`, fix: `move \`${name}\` under ${blocks}` };
      }
      return { pointer, at: 'key', message: `is not a known key${where}; allowed: ${allowed.join(', ')}`, fix: `remove \`${name}\` or use one of the allowed keys` };
    }
    case 'required': {
      const name = String(e.params.missingProperty);
      const prop = propertySchema(schema, name);
      const desc = typeof prop?.description === 'string' ? `: ${lowerFirst(firstSentence(prop.description))}` : '';
      const example = exampleOf(prop);
      const pointer = joinPointer(at, name);
      const fix = example === undefined ? `add \`${name}:\`` : `add ${name}: ${inlineYaml(example)}`;
      return { pointer, at: 'key', message: `is required${desc}`, fix };
    }
    case 'type':
      return typeProblem(e, src, schema, key);
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const near = typeof e.data === 'string' ? (ENUM_ALIASES[e.data.toLowerCase()] ?? closest(e.data, allowed)) : undefined;
      return {
        pointer: at,
        at: 'value',
        message: `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(e.data, src.rawValue(at))}`,
        fix: near ? `write ${key}: ${near}` : `pick one of the allowed values`,
      };
    }
    case 'pattern':
      if (e.propertyName !== undefined) return undefined; // reported by the propertyNames error
      return patternProblem(e, key);
    case 'propertyNames': {
      const name = String(e.params.propertyName);
      return {
        pointer: joinPointer(at, name),
        at: 'key',
        message: `is not a valid control field name (letters, digits and -, starting with a letter or digit)`,
        fix: `rename it, e.g. X-${name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+/, '')}`,
      };
    }
    case 'minLength':
      return { pointer: at, at: 'value', message: `must not be empty`, fix: `give \`${key}\` a value or remove the line` };
    case 'minItems': {
      const ex = exampleOf(schema);
      return { pointer: at, at: 'value', message: `must list at least one entry`, fix: ex === undefined ? `add an entry or remove \`${key}\`` : `add an entry, e.g. ${key}: ${inlineYaml(ex)}` };
    }
    case 'minimum':
      return { pointer: at, at: 'value', message: `must be ${e.params.comparison} ${String(e.params.limit)}, got ${describe(e.data, src.rawValue(at))}`, fix: `use ${key}: ${String(e.params.limit)} or more` };
    case 'uniqueItems':
      return {
        pointer: joinPointer(at, Number(e.params.i)),
        at: 'value',
        message: `repeats ${describe((e.data as unknown[])[Number(e.params.i)], undefined)} (already entry ${String(e.params.j)})`,
        fix: `remove the repeated entry`,
      };
    default:
      return { pointer: at, at: 'value', message: String(e.message), fix: `see schema/package-actions.schema.json for what \`${key}\` accepts` };
  }
}

/** Names other tools use for our enum values (uname, Debian, rpm, Node). */
const ENUM_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  x64: 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armv7: 'arm',
  armv7l: 'arm',
  armv6: 'arm',
  i386: '386',
  i686: '386',
  x86: '386',
  ia32: '386',
  macos: 'darwin',
  osx: 'darwin',
  mac: 'darwin',
  win: 'windows',
  win32: 'windows',
  gz: 'gzip',
  zst: 'zstd',
  lzma: 'xz',
};

const TYPE_WORDS: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

function typeProblem(e: ErrorObject, src: RawLookup, schema: SchemaNode | undefined, key: string): Problem {
  const at = e.instancePath;
  const want = String(e.params.type);
  let expected = TYPE_WORDS[want] ?? want;
  if (want === 'integer' && typeof schema?.minimum === 'number') expected += ` ≥ ${schema.minimum}`;
  if (want === 'array') {
    const items = deref(schema?.items);
    if (items?.type === 'string') expected = 'a list of strings';
    if (items?.type === 'object') expected = 'a list of mappings';
  }
  const raw = src.rawValue(at);
  const message = `must be ${expected}, got ${describe(e.data, raw)}`;
  const data = e.data;
  const label = /^\d+$/.test(key) ? '-' : `${key}:`;
  let fix: string;
  if (want === 'string' && (typeof data === 'number' || typeof data === 'boolean')) fix = `quote it: ${label} "${raw ?? String(data)}"`;
  else if (want === 'integer' && typeof data === 'string' && /^\d+$/.test(data.trim())) fix = `write ${label} ${data.trim()} without quotes`;
  else if (want === 'integer' && key === 'release' && data !== null && typeof data === 'object' && !Array.isArray(data))
    fix = '`release` is the package revision number; the GitHub release settings block is called `github_release:`';
  else if (want === 'array' && (typeof data === 'string' || typeof data === 'number')) fix = `write it as a list: ${label} [${inlineYaml(data)}]`;
  else if (data === null) fix = `give \`${key}\` a value or remove the line`;
  else {
    const ex = exampleOf(schema);
    fix = ex === undefined ? `write ${expected} here` : `write it like ${label} ${inlineYaml(ex)}`;
  }
  return { pointer: at, at: 'value', message, fix };
}

/** Per-field wording for pattern failures; the raw regex means nothing to most people. */
function patternProblem(e: ErrorObject, key: string): Problem {
  const at = e.instancePath;
  const got = describe(e.data, undefined);
  switch (key) {
    case 'mode':
      return { pointer: at, at: 'value', message: `must be an octal mode of 3 or 4 digits (0-7), such as "0755" or "0644", got ${got}`, fix: `write mode: "0755" (quoted, octal)` };
    case 'homepage':
      return { pointer: at, at: 'value', message: `must be an http:// or https:// URL, got ${got}`, fix: `write homepage: https://${String(e.data).replace(/^[a-z]+:\/\//, '')}` };
    case 'maintainer': {
      const s = String(e.data).trim();
      const fix = s.includes('<') ? `write maintainer: "Full Name <email@example.org>"` : `add an email: maintainer: "${s} <email@example.org>"`;
      return { pointer: at, at: 'value', message: `must look like "Full Name <email@example.org>", got ${got}`, fix };
    }
    case 'compression': {
      const names = at.startsWith('/rpm') || at.includes('/rpm/') ? 'gzip, xz or zstd' : 'gzip, xz, zstd or none';
      return { pointer: at, at: 'value', message: `must be ${names}, optionally with a level after a colon (zstd:19), got ${got}`, fix: 'write compression: xz, or with a level: compression: zstd:19' };
    }
    case 'summary':
      return { pointer: at, at: 'value', message: `must be a single line`, fix: `keep summary to one line and put the rest in description` };
    default:
      return { pointer: at, at: 'value', message: `must match ${String(e.params.pattern)}, got ${got}`, fix: `see the description of \`${key}\` in schema/package-actions.schema.json` };
  }
}

/** A value as the user will recognise it: strings quoted, numbers with what YAML saw. */
export function describe(data: unknown, raw: string | undefined): string {
  if (data === null || data === undefined) return 'nothing (the key has no value)';
  if (typeof data === 'string') return JSON.stringify(data.length > 60 ? data.slice(0, 57) + '...' : data);
  if (typeof data === 'number') return raw !== undefined && raw !== String(data) ? `the number ${String(data)} (YAML reads ${raw} as a number)` : `the number ${String(data)}`;
  if (typeof data === 'boolean') return raw !== undefined && raw !== String(data) ? `the boolean ${String(data)} (YAML reads ${raw} as a boolean)` : `the boolean ${String(data)}`;
  if (Array.isArray(data)) return 'a list';
  return 'a mapping';
}

function inlineYaml(v: unknown): string {
  return stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function firstSentence(s: string): string {
  const i = s.indexOf('. ');
  return (i < 0 ? s : s.slice(0, i)).replace(/\.$/, '');
}
