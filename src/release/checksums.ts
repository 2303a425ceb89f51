/** SHA256SUMS in GNU coreutils' format: `<hex>  <name>`, sorted by name, one trailing newline. */
export function renderChecksums(entries: { name: string; sha256: string }[]): string {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

/** Parses `sha256sum` output (text ` ` or binary `*` marker). */
export function parseChecksums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (m) out.set(m[2] as string, (m[1] as string).toLowerCase());
  }
  return out;
}
