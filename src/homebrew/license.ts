/**
 * SPDX license expressions in Homebrew's `license` syntax: "MIT" → `"MIT"`, "MIT OR Apache-2.0" →
 * `any_of: ["MIT", "Apache-2.0"]`, "A AND B" → `all_of: [...]`, "GPL-2.0-only WITH
 * Classpath-exception-2.0" → `"GPL-2.0-only" => { with: "Classpath-exception-2.0" }`. A bare
 * array is rejected by brew style (LicenseArrays), and nested terms are written as explicit
 * hashes so that any nesting stays valid Ruby.
 */
import { rubyString } from './ruby.js';

type Term = { id: string; exception?: string } | { op: 'any_of' | 'all_of'; terms: Term[] };

/** Thrown for an expression we cannot read; the caller turns it into a ConfigurationError. */
export class LicenseSyntaxError extends Error {}

function tokenize(expr: string): string[] {
  const tokens = expr.match(/\(|\)|[^\s()]+/g) ?? [];
  for (const t of tokens) {
    if (t !== '(' && t !== ')' && !/^[A-Za-z0-9][A-Za-z0-9.+:-]*$/.test(t)) throw new LicenseSyntaxError(`"${t}" is not an SPDX license identifier`);
  }
  return tokens;
}

function parse(expr: string): Term {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (t: string | undefined, op: string) => t !== undefined && t.toUpperCase() === op;
  const list = (op: 'any_of' | 'all_of', word: string, next: () => Term): Term => {
    const terms = [next()];
    while (isOp(peek(), word)) {
      i++;
      terms.push(next());
    }
    return terms.length === 1 ? (terms[0] as Term) : { op, terms };
  };
  const orExpr = (): Term => list('any_of', 'OR', andExpr);
  const andExpr = (): Term => list('all_of', 'AND', withExpr);
  const withExpr = (): Term => {
    const t = primary();
    if (!isOp(peek(), 'WITH')) return t;
    i++;
    const exception = peek();
    if (!('id' in t) || t.exception !== undefined || exception === undefined || exception === '(' || exception === ')' || ['AND', 'OR', 'WITH'].includes(exception.toUpperCase())) {
      throw new LicenseSyntaxError('WITH must join a license identifier and an exception identifier');
    }
    i++;
    return { id: t.id, exception };
  };
  const primary = (): Term => {
    const t = peek();
    if (t === undefined) throw new LicenseSyntaxError('ends where a license identifier was expected');
    i++;
    if (t === '(') {
      const inner = orExpr();
      if (peek() !== ')') throw new LicenseSyntaxError('has a "(" without its ")"');
      i++;
      return inner;
    }
    if (t === ')' || ['AND', 'OR', 'WITH'].includes(t.toUpperCase())) throw new LicenseSyntaxError(`has "${t}" where a license identifier was expected`);
    return { id: t };
  };
  const term = orExpr();
  if (i < tokens.length) throw new LicenseSyntaxError(`has "${tokens[i]}" after a complete expression`);
  return term;
}

function render(t: Term, nested: boolean): string {
  if ('id' in t) {
    if (t.exception === undefined) return rubyString(t.id);
    const pair = `${rubyString(t.id)} => { with: ${rubyString(t.exception)} }`;
    return nested ? `{ ${pair} }` : pair;
  }
  const pair = `${t.op}: [${t.terms.map((x) => render(x, true)).join(', ')}]`;
  return nested ? `{ ${pair} }` : pair;
}

/** The arguments of `license` for an SPDX expression. */
export function licenseArgs(expr: string): string {
  return render(parse(expr), false);
}
