/** The `ar` container of a .deb: "!<arch>\n" then 60-byte member headers, members padded to even offsets. */

export const AR_MAGIC = new TextEncoder().encode('!<arch>\n');

export interface ArMember {
  name: string;
  size: number;
  mtime: number;
  mode?: number;
}

function field(value: string, width: number): string {
  if (value.length > width) throw new Error(`ar header field "${value}" is wider than ${width}`);
  return value.padEnd(width, ' ');
}

/** The 60-byte header dpkg-deb writes: name, mtime, uid 0, gid 0, octal mode, size, "`\n". */
export function arHeader(m: ArMember): Uint8Array {
  if (m.name.length > 15) throw new Error(`ar member name "${m.name}" is longer than 15 characters`);
  const text =
    field(m.name, 16) + field(String(m.mtime), 12) + field('0', 6) + field('0', 6) + field((m.mode ?? 0o100644).toString(8), 8) + field(String(m.size), 10) + '`\n';
  const bytes = new TextEncoder().encode(text);
  if (bytes.length !== 60) throw new Error('ar header must be 60 bytes');
  return bytes;
}

/** The padding byte that follows a member of odd size. */
export function arPadding(size: number): Uint8Array {
  return size % 2 === 1 ? new Uint8Array([0x0a]) : new Uint8Array(0);
}
