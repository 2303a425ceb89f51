/**
 * Ruby literals for formula text. Everything the config or the release gives us goes through
 * here: a formula is Ruby code that Homebrew evaluates, so an unescaped quote or `#{...}` in a
 * caveat would be code injection into every user's `brew install`.
 */

/** Escapes for a double-quoted Ruby string or heredoc body (without the quotes). */
function escapeBody(s: string, quote: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const code = c.charCodeAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === '"' && quote) out += '\\"';
    // "#{x}", "#@x", "#$x" interpolate in double-quoted strings and in <<~EOS heredocs.
    else if (c === '#' && (s[i + 1] === '{' || s[i + 1] === '@' || s[i + 1] === '$')) out += '\\#';
    else if (c === '\n') out += quote ? '\\n' : '\n';
    else if (c === '\t') out += quote ? '\\t' : '\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  return out;
}

/** A double-quoted Ruby string literal whose value is exactly `s`. */
export function rubyString(s: string): string {
  return `"${escapeBody(s, true)}"`;
}

/** The inside of a double-quoted literal, for splicing after an interpolation such as `#{bin}/`. */
export function rubyStringBody(s: string): string {
  return escapeBody(s, true);
}

/**
 * A multi-line string as a `<<~EOS` heredoc indented by `indent`, or a plain literal when a
 * heredoc could not give back the exact text. The value always ends with one newline.
 *
 * `<<~` removes the indentation of the least-indented line: exact only when some line of the
 * text itself starts without whitespace, and no line is only spaces (those would be dedented too).
 */
export function rubyHeredoc(text: string, indent: string): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const lines = body.split('\n');
  const flush = lines.some((l) => l.trim() !== '' && !/^[ \t]/.test(l));
  const blankWithSpaces = lines.some((l) => l !== '' && l.trim() === '');
  const controls = [...body].some((c) => c !== '\n' && c !== '\t' && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));
  if (!flush || blankWithSpaces || controls) return rubyString(body + '\n');
  let tag = 'EOS';
  for (let n = 2; lines.some((l) => l.trim() === tag); n++) tag = `EOS${n}`;
  const inner = lines.map((l) => (l.trim() === '' ? '' : indent + '  ' + escapeBody(l, false)));
  return [`<<~${tag}`, ...inner, `${indent}${tag}`].join('\n');
}

/** A Ruby symbol literal for a plain name (`:arm64`). */
export function rubySymbol(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain Ruby symbol name: ${name}`);
  return `:${name}`;
}
