import { expect, test } from '@jest/globals';
import { NotSure, readPackets, readSubpackets } from '../../src/signing/fast/packets.js';

// Length forms of RFC 4880 §4.2.2 and §5.2.3.1, written out by hand (not by our own writer).
const filled = (n: number, v: number) => new Uint8Array(n).fill(v);

test('packet headers: one-, two- and five-octet new-format lengths, and old-format ones', () => {
  const twoOctet = [0xc0 | 6, 192, 108]; // ((192 - 192) << 8) + 108 + 192 = 300
  const bytes = new Uint8Array([
    0xc0 | 13, 3, ...filled(3, 1), // new format, tag 13, one octet
    ...twoOctet, ...filled(300, 2), // new format, tag 6, two octets
    0xc0 | 2, 255, 0, 0, 0, 5, ...filled(5, 3), // new format, tag 2, five octets
    0x80 | (14 << 2) | 1, 0x01, 0x00, ...filled(256, 4), // old format, tag 14, two-octet length
  ]);
  expect(readPackets(bytes).map((p) => [p.tag, p.body.length, p.body[0]])).toEqual([[13, 3, 1], [6, 300, 2], [2, 5, 3], [14, 256, 4]]);
});

test('packet headers: a partial length (224–254) or a truncated body is left to openpgp.js', () => {
  expect(() => readPackets(new Uint8Array([0xc0 | 11, 224, 0]))).toThrow(NotSure);
  expect(() => readPackets(new Uint8Array([0xc0 | 13, 5, 1, 2]))).toThrow(NotSure);
});

test('subpackets: 224–254 are two-octet lengths there, 255 a five-octet one; the critical bit is read', () => {
  const l = 230; // two octets: ((230 - 192) << 8) + 10 + 192 = 9930
  const area = new Uint8Array([
    2, 0x82, 9, // one octet: critical type 2, one byte of body
    l, 10, 16, ...filled(9930 - 1, 5), // two octets in the partial range of packet headers
    255, 0, 0, 0, 3, 33, 7, 7, // five octets: type 33, two bytes
  ]);
  expect(readSubpackets(area).map((s) => [s.type, s.critical, s.body.length])).toEqual([[2, true, 1], [16, false, 9929], [33, false, 2]]);
});
