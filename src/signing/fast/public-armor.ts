import { crc24Base64 } from '../armor.js';
import { concat, newHeader, type Packet } from './packets.js';

/**
 * Packets as an armored public key block, laid out as openpgp.js's `key.toPublic().armor()`:
 * new-format packet headers, no armor headers, 60-column base64 and the CRC-24 line.
 */
export function armorBlock(packets: Packet[]): string {
  const data = concat(packets.flatMap((p) => [newHeader(p.tag, p.body.length), p.body]));
  const lines = Buffer.from(data).toString('base64').match(/.{1,60}/g) ?? [];
  return `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${lines.join('\n')}\n=${crc24Base64(data)}\n-----END PGP PUBLIC KEY BLOCK-----\n`;
}
