/** CRC-24 (RFC 4880 §6.1, polynomial 0x864CFB) of every byte value, for a byte-at-a-time loop. */
const CRC24_TABLE = (() => {
  const table = new Int32Array(256);
  for (let b = 0; b < 256; b++) {
    let crc = b << 16;
    for (let i = 0; i < 8; i++) crc = crc & 0x800000 ? ((crc << 1) ^ 0x864cfb) & 0xffffff : (crc << 1) & 0xffffff;
    table[b] = crc;
  }
  return table;
})();

/** The armor checksum (RFC 4880 §6.1 CRC-24), base64. */
export function crc24Base64(data: Uint8Array): string {
  let crc = 0xb704ce;
  // An index loop, not for-of: this runs once per process, before the JIT, where the iterator costs ms.
  for (let i = 0; i < data.length; i++) crc = ((crc << 8) & 0xffffff) ^ CRC24_TABLE[((crc >> 16) ^ data[i]) & 0xff];
  return Buffer.from([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]).toString('base64');
}

/**
 * A signature in ASCII armor as gpg writes it: no armor headers, 64-column base64, and the CRC-24
 * line that gpg 2.2 and older parsers expect for v4 signatures.
 */
export function armorSignature(packet: Uint8Array): string {
  const b64 = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PGP SIGNATURE-----\n\n${lines.join('\n')}\n=${crc24Base64(packet)}\n-----END PGP SIGNATURE-----\n`;
}
