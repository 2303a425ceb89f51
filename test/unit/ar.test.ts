import { describe, expect, test } from '@jest/globals';
import { arHeader, arPadding, AR_MAGIC } from '../../src/archive/ar.js';

describe('ar container', () => {
  test('magic and the 60-byte header in dpkg-deb layout', () => {
    expect(Buffer.from(AR_MAGIC).toString()).toBe('!<arch>\n');
    const h = Buffer.from(arHeader({ name: 'debian-binary', size: 4, mtime: 1700000000 })).toString('latin1');
    expect(h).toBe('debian-binary   1700000000  0     0     100644  4         `\n');
    expect(h).toHaveLength(60);
  });
  test('odd sizes are padded with one newline', () => {
    expect(Array.from(arPadding(3))).toEqual([0x0a]);
    expect(arPadding(4)).toHaveLength(0);
  });
  test('names over 15 characters are refused (dpkg reads at most 15)', () => {
    expect(() => arHeader({ name: 'x'.repeat(16), size: 1, mtime: 0 })).toThrow(/longer than 15/);
  });
});
