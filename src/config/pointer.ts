/**
 * Two spellings of a place in the config: JSON pointers (`/contents/2/dst`, what ajv and
 * `locate` use) and field paths (`contents[2].dst`, what users read in messages).
 */

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `/contents/2/file_info/mode` → `contents[2].file_info.mode`; the root is ``. */
export function pointerToField(pointer: string): string {
  let out = '';
  for (const seg of splitPointer(pointer)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The inverse of pointerToField. */
export function fieldToPointer(field: string): string {
  const segments: string[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\./g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field)) !== null) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(m[2]);
    else if (m[3] !== undefined) segments.push(JSON.parse(m[3]) as string);
  }
  return joinPointer('', ...segments);
}

/** The last segment of a pointer: the key (or index) the pointer ends at. */
export function lastSegment(pointer: string): string {
  const segs = splitPointer(pointer);
  return segs[segs.length - 1] ?? '';
}

export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** True if `pointer` is `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}
