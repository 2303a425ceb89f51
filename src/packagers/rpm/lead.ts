/**
 * The 96-byte lead (FORMATS.md §2.2). rpm only checks the magic nowadays; the rest is what
 * `file(1)` and old tools show, so it is filled in the way rpmbuild does.
 */

export const LEAD_MAGIC = Uint8Array.of(0xed, 0xab, 0xee, 0xdb);
export const LEAD_SIZE = 96;

/** Legacy arch numbers from rpmrc (arch_canon); 0 for noarch. */
const ARCH_NUM: Record<string, number> = { x86_64: 1, i686: 1, aarch64: 19, armv7hl: 12, noarch: 0 };

export function lead(nameVersionRelease: string, arch: string): Uint8Array {
  const b = new Uint8Array(LEAD_SIZE);
  const v = new DataView(b.buffer);
  b.set(LEAD_MAGIC, 0);
  b[4] = 3; // major
  b[5] = 0; // minor
  v.setUint16(6, 0); // binary package
  v.setUint16(8, ARCH_NUM[arch] ?? 0);
  // 66 bytes, NUL-terminated: at most 65 bytes of name, cut on a character boundary.
  const encoder = new TextEncoder();
  let name = nameVersionRelease;
  while (encoder.encode(name).length > 65) name = name.slice(0, -1);
  b.set(encoder.encode(name), 10);
  v.setUint16(76, 1); // osnum: Linux
  v.setUint16(78, 5); // signature type: header-style signature
  return b;
}
