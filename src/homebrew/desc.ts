/**
 * Homebrew's `desc` rules (rubocops/shared/desc_helper.rb, FormulaAudit/Desc): present, at most
 * 80 characters, no leading/trailing spaces, no leading article, starts with a capital letter
 * (iOS, iPhone and macOS may stay), doesn't start with the formula name, "command-line" spelt
 * so, no trailing period (except "etc."), no emoji or other symbols. Our summaries follow
 * Debian's synopsis style ("container runtime with ..."), so the formula needs a fixed-up copy.
 */

export const MAX_DESC_LENGTH = 80;

const LOWERCASE_WORDS = ['iOS', 'iPhone', 'macOS'];

export interface DescResult {
  /** The text after every automatic fix. */
  desc: string;
  /** What could not be fixed; empty when `desc` passes Homebrew's checks. */
  problems: string[];
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Homebrew's pattern for "starts with the formula name": dashes optional, spaces or dashes between letters. */
function namePattern(formula: string): RegExp {
  const chars = [...formula.replace(/-/g, '')].map(escapeRegExp);
  return new RegExp(`^${chars.join('[\\s-]?')}(?![A-Za-z0-9_])`, 'i');
}

const length = (s: string) => [...s].length;

/** Applies Homebrew's fixes to a summary; reports what is left that needs a person. */
export function fixDesc(text: string, formula: string): DescResult {
  let s = text.trim();
  const dropArticle = () => void (s = s.replace(/^(the|an?)\s+/i, ''));
  dropArticle();
  const name = namePattern(formula).exec(s);
  const problems: string[] = [];
  if (name) {
    // "servin: container runtime" loses "servin: "; "Servin runs containers" has no fix a program can make.
    const rest = s.slice(name[0].length);
    const sep = /^(\s*[:,;]\s*|\s+[-–—]\s+|\s*[–—]\s*)/.exec(rest);
    if (sep) {
      s = rest.slice(sep[0].length);
      dropArticle();
    } else {
      problems.push(`starts with the formula name "${formula}"`);
    }
  }
  s = s.replace(/(c)ommand ?line/gi, (_m, c: string) => `${c}ommand-line`);
  s = s.replace(/\s?\p{So}/gu, '').trim();
  while (s.endsWith('.') && !s.endsWith('etc.')) s = s.slice(0, -1).trimEnd();
  const first = s.split(/\s+/)[0] ?? '';
  if (/^[a-z]/.test(s) && !LOWERCASE_WORDS.includes(first)) s = (s[0] as string).toUpperCase() + s.slice(1);
  if (s === '') problems.push('is empty once Homebrew\'s style fixes are made');
  if (length(s) > MAX_DESC_LENGTH) problems.push(`is ${length(s)} characters long; Homebrew allows at most ${MAX_DESC_LENGTH}`);
  return { desc: s, problems };
}

/** Problems of a desc written for Homebrew: anything fixDesc would change, or cannot fix. */
export function descProblems(desc: string, formula: string): { problems: string[]; suggestion?: string } {
  const fixed = fixDesc(desc, formula);
  const problems = [...fixed.problems];
  if (fixed.desc !== desc && fixed.problems.length === 0) problems.unshift(describeChange(desc, formula));
  return { problems, suggestion: fixed.problems.length === 0 && fixed.desc !== desc ? fixed.desc : undefined };
}

/** What Homebrew's audit would say about a desc that fixDesc changes. */
function describeChange(desc: string, formula: string): string {
  const t = desc.trim();
  if (t !== desc) return 'has leading or trailing spaces';
  if (/^(the|an?)\s/i.test(t)) return 'starts with an article';
  if (namePattern(formula).test(t)) return `starts with the formula name "${formula}"`;
  if (/command ?line/i.test(t)) return 'should spell "command-line" with a hyphen';
  if (/\p{So}/u.test(t)) return 'contains an emoji or other symbol';
  if (t.endsWith('.') && !t.endsWith('etc.')) return 'ends with a period';
  return 'should start with a capital letter';
}
