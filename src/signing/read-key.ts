import { readPrivateKeys, unarmor, type PrivateKey } from 'openpgp';
import { ConfigurationError } from '../core/errors.js';
import { crc24Base64 } from './armor.js';
import { EXPORT_FIX, FULL_CONFIG, GENERATE_V4_FIX, OPENPGP_CONFIG } from './policy.js';

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/;

function fail(message: string, fix: string): ConfigurationError {
  return new ConfigurationError(message, { fix });
}

/**
 * An error text from openpgp.js, made safe to show: it never echoes key material today, but a
 * long base64-looking run is cut out anyway so a future message can't leak a secret.
 */
export function safeLibraryMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/[A-Za-z0-9+/=]{20,}/g, '…').slice(0, 160);
}

/** The key text as stored in a secret: CRLF from Windows editors, indentation from YAML blocks. */
function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** Before openpgp.js sees the text: name the common wrong things a secret holds. */
function checkArmorKind(text: string): void {
  if (!text.includes('\n') && text.includes('\\n'))
    throw fail('signing-key is on one line with literal "\\n" sequences instead of line breaks', `store the multi-line output of ${EXPORT_FIX} as the secret, unchanged`);
  const m = BEGIN.exec(text);
  if (m && !text.includes('\n'))
    throw fail('signing-key is on a single line: its line breaks were lost', `store the multi-line output of ${EXPORT_FIX} as the secret, unchanged`);
  if (!m) {
    let decoded = '';
    try {
      decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('latin1');
    } catch {
      decoded = '';
    }
    if (decoded.includes('-----BEGIN PGP PRIVATE KEY BLOCK-----'))
      throw fail('signing-key is base64-encoded: it must be the ASCII-armored key itself', `store the output of ${EXPORT_FIX} as the secret, without base64-encoding it`);
    throw fail('signing-key is not an ASCII-armored OpenPGP private key (no "-----BEGIN PGP PRIVATE KEY BLOCK-----" line)', `store the output of ${EXPORT_FIX} as the secret`);
  }
  const kind = m[1];
  if (kind === 'PGP PRIVATE KEY BLOCK') return;
  if (kind === 'PGP PUBLIC KEY BLOCK')
    throw fail('signing-key holds a PUBLIC key; signing needs the private key', `store the output of ${EXPORT_FIX} (not --export) as the secret`);
  if (kind.startsWith('PGP '))
    throw fail(`signing-key holds an OpenPGP ${kind.slice(4).toLowerCase()}, not a private key`, `store the output of ${EXPORT_FIX} as the secret`);
  if (kind.endsWith('PRIVATE KEY'))
    throw fail(`signing-key holds a ${kind} (an SSH or X.509/PEM key), not an OpenPGP key`, `create an OpenPGP signing key (${GENERATE_V4_FIX}) and store the output of ${EXPORT_FIX}`);
  throw fail(`signing-key holds a "${kind}" block, not an OpenPGP private key`, `store the output of ${EXPORT_FIX} as the secret`);
}

/**
 * The version of the first key packet, read from the raw packets: openpgp.js drops v5 (LibrePGP)
 * key packets silently, which would otherwise surface as a puzzling "no key" error.
 */
function firstKeyVersion(bytes: Uint8Array): number | undefined {
  if (bytes.length < 3 || (bytes[0] & 0x80) === 0) return undefined;
  let tag: number;
  let offset: number;
  if (bytes[0] & 0x40) {
    tag = bytes[0] & 0x3f;
    const l0 = bytes[1];
    offset = l0 < 192 ? 2 : l0 < 224 ? 3 : l0 === 255 ? 6 : 2;
  } else {
    tag = (bytes[0] >> 2) & 0x0f;
    const lenType = bytes[0] & 0x03;
    offset = 1 + (lenType === 0 ? 1 : lenType === 1 ? 2 : lenType === 2 ? 4 : 0);
  }
  if (tag !== 5 && tag !== 6) return undefined; // secret key / public key packet
  return bytes[offset];
}

/** Parses the armored text into private keys, with an actionable error for each way it goes wrong. */
export async function readArmoredPrivateKeys(armored: string): Promise<PrivateKey[]> {
  const text = normalize(armored);
  checkArmorKind(text);
  let data: Uint8Array;
  try {
    data = (await unarmor(text, FULL_CONFIG)).data as Uint8Array;
  } catch (e) {
    throw fail(`signing-key is damaged: its ASCII armor could not be decoded (${safeLibraryMessage(e)})`, `store the complete output of ${EXPORT_FIX} again; check it was not truncated or re-wrapped`);
  }
  // openpgp.js v6 no longer checks the armor's CRC-24; a truncated secret is caught here instead.
  const checksum = /^=([A-Za-z0-9+/]{4})$/m.exec(text)?.[1];
  if (checksum !== undefined && checksum !== crc24Base64(data))
    throw fail('signing-key is damaged: its armor checksum does not match (truncated, or lines lost or changed)', `store the complete output of ${EXPORT_FIX} again`);
  const version = firstKeyVersion(data);
  if (version === 5)
    throw fail('signing-key is a v5 (LibrePGP, GnuPG 2.4 "--compliance=gnupg" v5) key, which gpg 2.2, apt and rpm 4.x cannot read', `generate a v4 key: ${GENERATE_V4_FIX}`);
  if (version === 6)
    throw fail('signing-key is an RFC 9580 v6 key; v6 keys are not read by gpg 2.2, apt or rpm 4.x', `generate a v4 key: ${GENERATE_V4_FIX}`);
  let keys: PrivateKey[];
  try {
    keys = await readPrivateKeys({ armoredKeys: text, config: OPENPGP_CONFIG });
  } catch (e) {
    throw fail(`signing-key could not be read as an OpenPGP private key (${safeLibraryMessage(e)})`, `store the complete output of ${EXPORT_FIX} again`);
  }
  if (keys.length === 0) throw fail('signing-key holds no private key', `store the output of ${EXPORT_FIX} as the secret`);
  return keys;
}
