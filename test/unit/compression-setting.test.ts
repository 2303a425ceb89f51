import { expect, test } from '@jest/globals';
import { configError } from '../support/config-errors.js';
import { parseCompression } from '../../src/packagers/compression-setting.js';
import { DEB_LEVELS } from '../../src/packagers/deb/index.js';

const parse = (value: string) => parseCompression(value, DEB_LEVELS, 'pkg.yml', 'deb.compression');

test.each([
  ['xz', 'xz', 6],
  ['gzip', 'gzip', 9],
  ['zstd', 'zstd', 3],
  ['none', 'none', 0],
  ['zstd:19', 'zstd', 19],
  ['zstd:1', 'zstd', 1],
  ['gzip:1', 'gzip', 1],
  ['xz:0', 'xz', 0],
  ['xz:7', 'xz', 7],
  ['xz:9', 'xz', 9],
])('%s → %s level %i', (value, kind, level) => {
  expect(parse(value)).toEqual({ kind, level });
});

test.each([
  ['zstd:20', /deb.compression "zstd:20": zstd levels run from 1 to 19/, 'write zstd:19, or zstd alone for level 3'],
  ['zstd:0', /zstd levels run from 1 to 19/, 'write zstd:1, or zstd alone for level 3'],
  ['xz:10', /xz levels run from 0 to 9/, 'write xz:9, or xz alone for level 6'],
  ['gzip:0', /gzip levels run from 1 to 9/, 'write gzip:1, or gzip alone for level 9'],
  ['none:3', /"none" takes no level/, 'write deb.compression: none'],
])('%s is a ConfigurationError that names the field and the fix', (value, message, fix) => {
  const e = configError(() => parse(value));
  expect(e.message).toMatch(message);
  expect(e.fix).toBe(fix);
  expect(e.location).toEqual({ file: 'pkg.yml', field: 'deb.compression' });
});
