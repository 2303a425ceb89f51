import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type ParsedNode } from 'yaml';
import type { Problem } from './problems.js';
import { joinPointer, lastSegment, splitPointer } from './pointer.js';

export interface Position {
  line: number;
  column: number;
}

/** What a walk along a pointer found: the key node (for map members) and the value node. */
interface Found {
  key?: ParsedNode;
  value?: ParsedNode | null;
  /** False when the walk stopped early; key/value are then the deepest ancestor that exists. */
  complete: boolean;
}

/**
 * A parsed YAML document plus the way back from a JSON pointer to a line and column. This is
 * what lets schema errors (which only know `/contents/2/dst`) point at the user's line.
 */
export class YamlSource {
  private constructor(
    readonly text: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string): YamlSource {
    const lines = new LineCounter();
    // merge: `<<: *anchor` is common in hand-written configs. prettyErrors off: we format
    // positions ourselves. logLevel error: yaml must not print warnings into the action log.
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, uniqueKeys: true, logLevel: 'error' });
    return new YamlSource(text, doc, lines);
  }

  position(offset: number): Position {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  private walk(pointer: string): Found {
    let value: ParsedNode | null = this.doc.contents;
    let key: ParsedNode | undefined;
    for (const seg of splitPointer(pointer)) {
      const node = this.resolve(value);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === seg);
        if (!pair) return { key, value, complete: false };
        key = pair.key as ParsedNode;
        value = pair.value as ParsedNode | null;
      } else if (isSeq(node) && /^\d+$/.test(seg) && Number(seg) < node.items.length) {
        key = undefined;
        value = node.items[Number(seg)] as ParsedNode | null;
      } else {
        return { key, value, complete: false };
      }
    }
    return { key, value, complete: true };
  }

  private resolve(node: ParsedNode | null | undefined): Node | null | undefined {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /** Where a field starts: its key for mapping members, the item for list entries; the nearest existing ancestor otherwise. */
  locateKey(pointer: string): Position | undefined {
    const f = this.walk(pointer);
    const node = f.key ?? f.value;
    return node?.range ? this.position(node.range[0]) : this.rootPosition();
  }

  /** Where a field's value starts (falls back to its key when the value is empty). */
  locateValue(pointer: string): Position | undefined {
    const f = this.walk(pointer);
    if (!f.complete) return this.locateKey(pointer);
    const v = f.value;
    if (v?.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1])) return this.position(v.range[0]);
    return this.locateKey(pointer);
  }

  /** The text the user wrote for a scalar value (`0755`, `1.10`), to quote back in messages. */
  rawValue(pointer: string): string | undefined {
    const f = this.walk(pointer);
    const v = this.resolve(f.value);
    if (!f.complete || !v?.range) return undefined;
    return this.text.slice(v.range[0], v.range[1]).trim();
  }

  private rootPosition(): Position {
    const c = this.doc.contents;
    return c?.range ? this.position(c.range[0]) : { line: 1, column: 1 };
  }

  /** Syntax errors and duplicate keys, with the parser's positions. */
  syntaxProblems(): { position: Position; message: string; fix: string }[] {
    const out: { position: Position; message: string; fix: string }[] = [];
    const seenLines = new Set<number>();
    for (const e of this.doc.errors) {
      if (e.code === 'DUPLICATE_KEY') continue; // reported below, with both lines
      const position = this.position(e.pos[0]);
      // One broken line often yields several parser errors; the first says the most.
      if (seenLines.has(position.line)) continue;
      seenLines.add(position.line);
      // The parser often notices an unquoted `{{` only on the next line.
      const context = this.lineText(position.line - 1) + '\n' + this.lineText(position.line);
      out.push({ position, ...explainYamlError(e.code, e.message, context) });
    }
    out.push(...this.duplicateKeys());
    return out;
  }

  private lineText(line: number): string {
    return line < 1 ? '' : (this.text.split(/\r?\n/)[line - 1] ?? '');
  }

  private duplicateKeys(): { position: Position; message: string; fix: string }[] {
    const out: { position: Position; message: string; fix: string }[] = [];
    visit(this.doc, {
      Map: (_, map) => {
        const first = new Map<string, Position>();
        for (const pair of map.items) {
          const k = pair.key as ParsedNode | null;
          if (!k?.range) continue;
          const name = keyText(k);
          const here = this.position(k.range[0]);
          const earlier = first.get(name);
          if (earlier) {
            out.push({
              position: here,
              message: `duplicate key \`${name}\`: it is already set on line ${earlier.line}`,
              fix: `keep one \`${name}:\` and delete the other (YAML does not merge repeated keys)`,
            });
          } else first.set(name, here);
        }
      },
    });
    return out;
  }

  /**
   * `version: {{ .Version }}` is valid YAML, but a mapping, not a template. Catch it here so
   * the user hears "quote it" instead of "must be a string, got a mapping".
   */
  unquotedTemplates(): Problem[] {
    const out: Problem[] = [];
    const walk = (node: unknown, pointer: string): void => {
      const n = this.resolve(node as ParsedNode | null);
      if (isMap(n)) {
        if (n.flow && n.range && this.text.startsWith('{{', n.range[0])) {
          const raw = this.text.slice(n.range[0], n.range[1]);
          const label = /\/\d+$/.test(pointer) ? '-' : `${lastSegment(pointer)}:`;
          out.push({ pointer, at: 'value', message: `is an unquoted template, which YAML reads as a mapping`, fix: `quote it: ${label} "${raw}"` });
          return;
        }
        for (const p of n.items) walk(p.value, joinPointer(pointer, keyText(p.key as ParsedNode)));
      } else if (isSeq(n)) {
        n.items.forEach((item, i) => walk(item, joinPointer(pointer, i)));
      }
    };
    walk(this.doc.contents, '');
    return out;
  }
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** yaml's messages are accurate but terse; add what to do about the common ones. */
function explainYamlError(code: string, message: string, context: string): { message: string; fix: string } {
  const msg = `YAML syntax error: ${message.replace(/; please use YAML\.parseAllDocuments\(\)/, '')}`;
  if (context.includes('{{')) return { message: msg, fix: 'put values that contain {{ ... }} in double quotes, e.g. "{{ .Version }}"' };
  switch (code) {
    case 'TAB_AS_INDENT':
      return { message: msg, fix: 'indent with spaces; YAML does not allow tabs' };
    case 'BAD_INDENT':
      return { message: msg, fix: 'line the keys of one mapping up in the same column, and indent list items consistently' };
    case 'MISSING_CHAR':
      return { message: msg, fix: 'close the quote or bracket that opens on this or an earlier line' };
    case 'MULTIPLE_DOCS':
      return { message: msg, fix: 'remove the `---` separator: the config is one YAML document' };
    case 'BAD_SCALAR_START':
      return { message: msg, fix: 'quote the value (values may not start with @ or `)' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: msg, fix: 'put the nested mapping on its own indented line, or quote a value that contains ": "' };
    default:
      return { message: msg, fix: 'check the indentation and quoting on this line' };
  }
}
