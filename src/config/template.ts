import { ConfigurationError } from '../core/errors.js';
import { fieldToPointer } from './pointer.js';
import { closest } from './suggest.js';
import type { LoadedConfig } from './types.js';

/** The values `{{ .X }}` may refer to, named as in nfpm and GoReleaser. */
export interface TemplateVars {
  Name: string;
  Version: string;
  Release: number;
  Os: string;
  Arch: string;
  /** ".exe" on windows, "" elsewhere; derived from Os when not given. */
  Exe?: string;
}

export const TEMPLATE_VARS = ['Name', 'Version', 'Release', 'Os', 'Arch', 'Exe'] as const satisfies readonly (keyof TemplateVars)[];

const ALLOWED_TEXT = TEMPLATE_VARS.map((v) => `{{ .${v} }}`).join(', ');

/** One piece of a parsed template string. */
type Part = { text: string } | { variable: keyof TemplateVars };

export interface TemplateProblem {
  message: string;
  fix: string;
}

/**
 * Splits a string into text and variables. Only `{{ .Var }}` is supported: the config is
 * data, not a program, so Go template pipelines and functions are rejected rather than
 * half-implemented.
 */
export function parseTemplate(s: string): { parts: Part[]; problems: TemplateProblem[] } {
  const parts: Part[] = [];
  const problems: TemplateProblem[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{{', i);
    if (open < 0) {
      parts.push({ text: s.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: s.slice(i, open) });
    const close = s.indexOf('}}', open + 2);
    if (close < 0) {
      problems.push({ message: `has "{{" without a closing "}}"`, fix: `close it, e.g. {{ .Version }}; allowed: ${ALLOWED_TEXT}` });
      parts.push({ text: s.slice(open) });
      break;
    }
    const expr = s.slice(open + 2, close).trim();
    const problem = checkExpression(expr);
    if (problem) problems.push(problem);
    else parts.push({ variable: expr.slice(1) as keyof TemplateVars });
    i = close + 2;
  }
  return { parts, problems };
}

function checkExpression(expr: string): TemplateProblem | undefined {
  const m = /^(\.?)([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr);
  const name = m?.[2];
  if (m && name && (TEMPLATE_VARS as readonly string[]).includes(name)) {
    if (m[1] === '.') return undefined;
    return { message: `writes {{ ${expr} }} without the leading dot`, fix: `write {{ .${name} }}` };
  }
  const near = name ? closest(name, TEMPLATE_VARS) : undefined;
  return {
    message: `uses unknown template variable {{ ${expr} }}; allowed: ${ALLOWED_TEXT}`,
    fix: near ? `write {{ .${near} }} (names are case-sensitive)` : `use one of ${ALLOWED_TEXT}, or remove the braces`,
  };
}

/** Expands `{{ .Version }}` and friends in one string; unknown variables are configuration errors naming `field`. */
export function renderTemplate(s: string, vars: TemplateVars, field: string, loaded?: LoadedConfig): string {
  if (!s.includes('{{')) return s;
  const { parts, problems } = parseTemplate(s);
  const first = problems[0];
  if (first) {
    const at = loaded?.locate(fieldToPointer(field));
    throw new ConfigurationError(`${field} ${first.message}`, {
      location: { file: loaded?.file ?? '(config)', line: at?.line, column: at?.column, field },
      fix: first.fix,
    });
  }
  return parts.map((p) => ('text' in p ? p.text : String(p.variable === 'Exe' ? (vars.Exe ?? exeSuffix(vars.Os)) : vars[p.variable]))).join('');
}

/** The suffix Go gives executables for an OS: `{{ .Exe }}`. */
export function exeSuffix(os: string): string {
  return os === 'windows' ? '.exe' : '';
}
