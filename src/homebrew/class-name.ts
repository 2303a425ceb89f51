/**
 * Formula names and the Ruby class names Homebrew derives from them. Homebrew loads
 * Formula/<name>.rb and then looks up the class `Formulary.class_s(name)`: a formula whose class
 * is spelt any other way fails to load with "No available formula".
 */

/**
 * Homebrew's `Formulary.class_s`: Ruby `capitalize` (first character upper case, the rest lower
 * case), then each `-`, `_`, `.` or whitespace followed by a letter or digit is dropped and that
 * character upper-cased, `+` becomes `x`, and the first `<c>@<digit>` becomes `<c>AT<digit>`.
 *   my-tool → MyTool, foo_bar.baz → FooBarBaz, gtk+3 → Gtkx3, node@20 → NodeAT20, foo@1.2 → FooAT12
 */
export function formulaClassName(name: string): string {
  const capitalized = name.slice(0, 1).toUpperCase() + name.slice(1).toLowerCase();
  return capitalized
    .replace(/[-_.\s]([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase())
    .replace(/\+/g, 'x')
    .replace(/(.)@(\d)/, '$1AT$2');
}

/**
 * Why a formula name cannot be used, or undefined. Homebrew's own names are lowercase letters,
 * digits and - _ . + @ (versioned formulae: foo@1.2); the class name must be a Ruby constant,
 * so the name starts with a letter.
 */
export function formulaNameProblem(name: string): string | undefined {
  if (!/^[a-z]/.test(name)) return `must start with a lowercase letter (the Ruby class name ${JSON.stringify(formulaClassName(name))} must be a constant)`;
  if (!/^[a-z][a-z0-9+_.@-]*$/.test(name)) return 'may use only lowercase letters, digits and - _ . + @';
  if (/[-_.@+]$/.test(name)) return 'must end with a letter or digit';
  const cls = formulaClassName(name);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(cls)) return `gives the class name ${JSON.stringify(cls)}, which is not a Ruby constant (put a letter or digit after each - _ . and @)`;
  return undefined;
}

/** A suggestion for a name that fails formulaNameProblem, or undefined when none is obvious (a leading digit needs a new name). */
export function suggestFormulaName(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9+_.@-]+/g, '-')
    .replace(/[-_.@+]+$/, '');
  return s !== '' && formulaNameProblem(s) === undefined ? s : undefined;
}
