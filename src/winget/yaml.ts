// YAML for winget manifests. winget reads every scalar as text, but people and other tools
// (yamllint, editors, PowerShell's YAML module, our own schema checks) read with YAML 1.1 or 1.2
// typing, where `1.10` is the number 1.1, `no` is false and `2026-11-25` a timestamp. Any value
// one of them would read as something other than the same text is double-quoted.
import { Document, parse, Scalar, visit } from 'yaml';

/** Whether a one-line string written plain would come back as anything but itself. */
export function needsQuotes(s: string): boolean {
  if (s === '') return true;
  for (const options of [{ version: '1.1' as const }, { version: '1.2' as const, schema: 'core' as const }]) {
    try {
      if (parse(s, { ...options, logLevel: 'silent' }) !== s) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * A manifest: the comment lines, a blank line, then the mapping in insertion order. Sequences are
 * not indented under their key (what wingetcreate and komac write), lines are never folded, and
 * multi-line text becomes a literal block. Keys whose value is undefined are left out.
 */
export function manifestYaml(comments: readonly string[], data: Record<string, unknown>): string {
  const doc = new Document(prune(data), { version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (/[\r\n]/.test(node.value)) node.type = Scalar.BLOCK_LITERAL;
      else if (needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const body = doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0 });
  return `${comments.map((c) => `# ${c}`).join('\n')}\n\n${body}`;
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = prune(v);
    return out;
  }
  return value;
}
