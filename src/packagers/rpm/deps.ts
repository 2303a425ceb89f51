import { ConfigurationError } from '../../core/errors.js';
import { SENSE } from './tags.js';

/** One dependency as rpm stores it: three parallel arrays (NAME, FLAGS, VERSION). */
export interface Dependency {
  name: string;
  flags: number;
  /** `[epoch:]version[-release]`, or '' when unversioned. */
  version: string;
}

const OPERATORS: Record<string, number> = {
  '<<': SENSE.LESS,
  '<': SENSE.LESS,
  '<=': SENSE.LESS | SENSE.EQUAL,
  '=': SENSE.EQUAL,
  '==': SENSE.EQUAL,
  '>=': SENSE.GREATER | SENSE.EQUAL,
  '>': SENSE.GREATER,
  '>>': SENSE.GREATER,
};
const OP = '<<|>>|<=|>=|==|=|<|>';
/** Debian style: `foo (>= 1.2)`. */
const DEB_STYLE = new RegExp(`^(\\S+?)\\s*\\(\\s*(${OP})\\s*([^\\s()]+)\\s*\\)$`);
/** rpm style: `foo >= 1.2`. */
const RPM_STYLE = new RegExp(`^(\\S+)\\s+(${OP})\\s+(\\S+)$`);
const NAME = /^[^\s,]+$/;
const VERSION = /^[A-Za-z0-9._+~^:-]+$/;

/** What a list of relations needs from rpm itself (rpmlib() requirements). */
export interface DependencyFeatures {
  rich: boolean;
  tilde: boolean;
  caret: boolean;
}

export interface RelationContext {
  file: string;
  /** Config field for messages, e.g. `depends[2]`. */
  field: string;
}

function fail(text: string, why: string, ctx: RelationContext, fix: string): never {
  throw new ConfigurationError(`relation "${text}" ${why}`, { location: { file: ctx.file, field: ctx.field }, fix });
}

function simple(text: string, ctx: RelationContext): Dependency {
  if (/\[[^\]]*\]$|<[^<>=\s]+>$/.test(text)) {
    fail(text, 'has a Debian architecture or build-profile restriction, which rpm has no equivalent for', ctx, 'list it under overrides.deb, and give rpm its own list under overrides.rpm');
  }
  if (/^[A-Za-z0-9.+_-]+:[a-z0-9-]+(\s|\(|$)/.test(text)) {
    fail(text, 'has a Debian architecture qualifier (":any", ":native", ...)', ctx, 'drop the qualifier for rpm (use overrides.rpm to give rpm its own list)');
  }
  const m = DEB_STYLE.exec(text) ?? RPM_STYLE.exec(text);
  if (m) {
    const [, name, op, version] = m as unknown as [string, string, string, string];
    if (!NAME.test(name)) fail(text, `has an invalid name "${name}"`, ctx, 'names have no spaces or commas');
    if (!VERSION.test(version)) fail(text, `has an invalid version "${version}"`, ctx, 'versions hold letters, digits and . _ + ~ ^ : -');
    return { name, flags: OPERATORS[op]!, version };
  }
  if (/\s/.test(text) || /[<>=]/.test(text)) fail(text, 'is not a dependency rpm understands', ctx, 'write "name", "name (>= 1.2)" or "name >= 1.2"');
  if (!NAME.test(text)) fail(text, 'has an invalid name', ctx, 'names have no spaces or commas');
  return { name: text, flags: 0, version: '' };
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Parses one relation from the config. Accepts Debian style (`foo (>= 1.2)`, `<<`/`>>`), rpm
 * style (`foo >= 1.2`), Debian alternatives (`foo | bar`, written as the rich dependency
 * `(foo or bar)`) and rpm rich dependencies given as-is (`(foo if bar)`).
 */
export function parseRelation(raw: string, ctx: RelationContext): Dependency {
  const text = raw.trim();
  if (text === '') fail(raw, 'is empty', ctx, 'remove the empty entry');
  if (text.startsWith('(')) {
    if (!balanced(text) || !text.endsWith(')')) fail(text, 'has unbalanced parentheses', ctx, 'rich dependencies look like "(foo or bar >= 2)"');
    return { name: text, flags: 0, version: '' };
  }
  if (text.includes('|')) {
    const alternatives = text.split('|').map((a) => simple(a.trim(), ctx));
    const words = alternatives.map((d) => (d.version ? `${d.name} ${operator(d.flags)} ${d.version}` : d.name));
    return { name: `(${words.join(' or ')})`, flags: 0, version: '' };
  }
  return simple(text, ctx);
}

/** The comparison operator of a flags value, as rpm prints it. */
export function operator(flags: number): string {
  const lt = flags & SENSE.LESS ? '<' : '';
  const gt = flags & SENSE.GREATER ? '>' : '';
  const eq = flags & SENSE.EQUAL ? '=' : '';
  return `${lt}${gt}${eq}`;
}

export function parseRelations(list: string[] | undefined, key: string, file: string): Dependency[] {
  return (list ?? []).map((raw, i) => parseRelation(raw, { file, field: `${key}[${i}]` }));
}

export function features(deps: Dependency[]): DependencyFeatures {
  return {
    rich: deps.some((d) => d.name.startsWith('(')),
    tilde: deps.some((d) => d.version.includes('~') || (d.name.startsWith('(') && d.name.includes('~'))),
    caret: deps.some((d) => d.version.includes('^') || (d.name.startsWith('(') && d.name.includes('^'))),
  };
}

const encoder = new TextEncoder();
function bytewise(a: string, b: string): number {
  return Buffer.compare(encoder.encode(a), encoder.encode(b));
}

/** Sorted by name, version, flags and without exact duplicates, as rpmbuild stores them. */
export function normalise(deps: Dependency[]): Dependency[] {
  const sorted = [...deps].sort((a, b) => bytewise(a.name, b.name) || bytewise(a.version, b.version) || a.flags - b.flags);
  return sorted.filter((d, i) => {
    const p = sorted[i - 1];
    return !p || p.name !== d.name || p.version !== d.version || p.flags !== d.flags;
  });
}

/** rpmlib() requirement, as rpmbuild writes them: `rpmlib(X) <= version`. */
export function rpmlib(feature: string, version: string): Dependency {
  return { name: `rpmlib(${feature})`, flags: SENSE.RPMLIB | SENSE.LESS | SENSE.EQUAL, version };
}
