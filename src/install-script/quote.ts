// Literal text inside generated scripts. Every value from the input reaches a script only
// through these, so no name, URL or version can end a string early or expand a variable.

/**
 * A POSIX sh single-quoted word: nothing inside is special except `'`, written as '\''.
 * `$` and backquotes are also written outside the quotes ('\$'), only so that shellcheck does
 * not take them for expansions the script meant to run (SC2016).
 */
export function shQuote(s: string): string {
  return `'${s.replace(/['$`]/g, (c) => `'\\${c}'`)}'`;
}

/**
 * A PowerShell verbatim string. PowerShell also treats the typographic single quotes
 * (U+2018..U+201B) as quote characters, so those are doubled like `'`.
 */
export function psQuote(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/**
 * An sh expression for `name` with each occurrence of `version` replaced by the value of `$1`,
 * e.g. 'servin_'"$1"'_linux_amd64.tar.gz': how the script rebuilds asset names for --version.
 */
export function shVersioned(name: string, version: string, variable = '"$1"'): string {
  return name
    .split(version)
    .map((part) => (part === '' ? '' : shQuote(part)))
    .join(variable) || "''";
}

/** The PowerShell counterpart of shVersioned: 'servin_' + $V + '_windows_amd64.zip'. */
export function psVersioned(name: string, version: string, variable = '$V'): string {
  return name
    .split(version)
    .map((part, i, all) => [...(i > 0 ? [variable] : []), ...(part === '' && all.length > 1 ? [] : [psQuote(part)])])
    .flat()
    .join(' + ');
}
