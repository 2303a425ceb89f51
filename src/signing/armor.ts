/** The armor checksum (RFC 4880 §6.1 CRC-24), base64. */
export function crc24Base64(data: Uint8Array): string {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  crc &= 0xffffff;
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
