import { generateKey } from 'openpgp';

/**
 * A fresh Ed25519 (v4, legacy curve: what gpg 2.2, apt and rpm 4.x read) private key that only
 * lives in memory: for demos and `npm start`, never for real releases.
 */
export async function throwawayKey(name: string): Promise<string> {
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: `${name} throwaway signing key (package-actions demo)`, email: 'demo@package-actions.invalid' }],
    format: 'armored',
  });
  return privateKey;
}
