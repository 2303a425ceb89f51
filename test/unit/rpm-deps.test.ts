import { describe, expect, test } from '@jest/globals';
import type { ResolvedEntry } from '../../src/contents/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { RPM_ARCH, RPM_ISA } from '../../src/packagers/rpm/arch.js';
import { features, normalise, operator, parseRelation, rpmlib } from '../../src/packagers/rpm/deps.js';
import { fileFlags, ownedEntries, splitPaths } from '../../src/packagers/rpm/files.js';
import { interpreter } from '../../src/packagers/rpm/scriptlets.js';
import { SENSE } from '../../src/packagers/rpm/tags.js';

const ctx = { file: 'pkg.yml', field: 'depends[0]' };
const LE = SENSE.LESS | SENSE.EQUAL;
const GE = SENSE.GREATER | SENSE.EQUAL;

describe('dependency parsing', () => {
  test.each([
    ['bash', { name: 'bash', flags: 0, version: '' }],
    ['libc6 (>= 2.31)', { name: 'libc6', flags: GE, version: '2.31' }],
    ['libc6(>=2.31)', { name: 'libc6', flags: GE, version: '2.31' }],
    ['foo (<< 2.0-1)', { name: 'foo', flags: SENSE.LESS, version: '2.0-1' }],
    ['foo (>> 1:2.0)', { name: 'foo', flags: SENSE.GREATER, version: '1:2.0' }],
    ['foo (= 1.2)', { name: 'foo', flags: SENSE.EQUAL, version: '1.2' }],
    ['foo (<= 1.2~rc.1)', { name: 'foo', flags: LE, version: '1.2~rc.1' }],
    ['glibc >= 2.28', { name: 'glibc', flags: GE, version: '2.28' }],
    ['glibc < 3', { name: 'glibc', flags: SENSE.LESS, version: '3' }],
    ['glibc == 2.28', { name: 'glibc', flags: SENSE.EQUAL, version: '2.28' }],
    ['/bin/sh', { name: '/bin/sh', flags: 0, version: '' }],
    ['perl(Foo::Bar)', { name: 'perl(Foo::Bar)', flags: 0, version: '' }],
    ['perl(Foo::Bar) >= 1.0', { name: 'perl(Foo::Bar)', flags: GE, version: '1.0' }],
    ['  spaced  ', { name: 'spaced', flags: 0, version: '' }],
    ['foo | bar (>= 2)', { name: '(foo or bar >= 2)', flags: 0, version: '' }],
    ['(foo if bar)', { name: '(foo if bar)', flags: 0, version: '' }],
  ])('%s', (text, expected) => {
    expect(parseRelation(text, ctx)).toEqual(expected);
  });

  test.each([
    ['', /empty/],
    ['libc6:any', /architecture qualifier/],
    ['foo [amd64]', /architecture or build-profile/],
    ['foo <!nocheck>', /build-profile/],
    ['foo (>= 1.0', /not a dependency rpm understands/],
    ['foo bar', /not a dependency rpm understands/],
    ['foo >= 1 2', /not a dependency rpm understands/],
    ['foo (>= 1 .0)', /not a dependency/],
    ['(foo or bar', /unbalanced/],
    ['foo (>= 1$0)', /invalid version/],
  ])('%j is refused with a located error', (text, message) => {
    let err: unknown;
    try {
      parseRelation(text, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).message).toMatch(message);
    expect((err as ConfigurationError).location).toEqual({ file: 'pkg.yml', field: 'depends[0]' });
  });

  test('operators print the way rpm prints them', () => {
    expect([SENSE.LESS, LE, SENSE.EQUAL, GE, SENSE.GREATER].map(operator)).toEqual(['<', '<=', '=', '>=', '>']);
  });

  test('normalise sorts bytewise by name, version, flags and drops exact duplicates', () => {
    const out = normalise([
      { name: 'b', flags: 0, version: '' },
      { name: '/bin/sh', flags: SENSE.INTERP | SENSE.SCRIPT_POST, version: '' },
      { name: 'B', flags: 0, version: '' },
      { name: '/bin/sh', flags: SENSE.INTERP | SENSE.SCRIPT_PRE, version: '' },
      { name: 'b', flags: 0, version: '' },
      { name: '/bin/sh', flags: SENSE.INTERP | SENSE.SCRIPT_POST, version: '' },
    ]);
    expect(out.map((d) => `${d.name}:${d.flags}`)).toEqual([`/bin/sh:${SENSE.INTERP | SENSE.SCRIPT_PRE}`, `/bin/sh:${SENSE.INTERP | SENSE.SCRIPT_POST}`, 'B:0', 'b:0']);
  });

  test('features: rich dependencies, tilde and caret versions', () => {
    expect(features([parseRelation('a | b', ctx)])).toEqual({ rich: true, tilde: false, caret: false });
    expect(features([parseRelation('a >= 1.0~rc1', ctx), parseRelation('b >= 1.0^git1', ctx)])).toEqual({ rich: false, tilde: true, caret: true });
    expect(rpmlib('PayloadIsZstd', '5.4.18-1')).toEqual({ name: 'rpmlib(PayloadIsZstd)', flags: 0x100000a, version: '5.4.18-1' });
  });
});

describe('arch mapping', () => {
  test('Go names to rpm names and the %{_isa} suffix', () => {
    expect(RPM_ARCH).toEqual({ amd64: 'x86_64', arm64: 'aarch64', arm: 'armv7hl', '386': 'i686' });
    expect(['x86_64', 'aarch64', 'armv7hl', 'i686'].map((a) => RPM_ISA[a])).toEqual(['x86-64', 'aarch-64', 'armv7hl-32', 'x86-32']);
    expect(RPM_ISA.noarch).toBeUndefined();
  });
});

describe('scriptlet interpreters', () => {
  test('from the #! line, with arguments split', () => {
    expect(interpreter('#!/bin/sh\necho')).toEqual(['/bin/sh']);
    expect(interpreter('#! /bin/bash -e\n')).toEqual(['/bin/bash', '-e']);
    expect(interpreter('#!/usr/bin/env python3\n')).toEqual(['/usr/bin/env', 'python3']);
    expect(() => interpreter('#!bash\n', { file: 'p.yml', field: 'scripts.postinstall' })).toThrow(ConfigurationError);
    expect(() => interpreter('echo\n')).toThrow(/absolute path/);
  });
});

function entry(path: string, kind: ResolvedEntry['kind'], extra: Partial<ResolvedEntry> = {}): ResolvedEntry {
  return { path, kind, size: 0, mode: 0o755, owner: 'root', group: 'root', mtime: 0, config: false, noreplace: false, doc: false, implicit: false, ...extra };
}

describe('file list', () => {
  test('implicit parent directories are owned only when they are the package own', () => {
    const entries = [
      entry('/etc', 'dir', { implicit: true }),
      entry('/etc/tool', 'dir', { implicit: true }),
      entry('/etc/tool/vm', 'dir', { implicit: true }),
      entry('/etc/tool/vm/a.yaml', 'file'),
      entry('/usr', 'dir', { implicit: true }),
      entry('/usr/bin', 'dir', { implicit: true }),
      entry('/usr/bin/tool', 'file'),
      entry('/usr/share/toolbox', 'dir', { implicit: true }),
      entry('/var/lib/tool', 'dir'),
      entry('/usr/lib', 'dir'),
    ];
    expect(ownedEntries(entries, 'tool').map((e) => e.path)).toEqual(['/etc/tool', '/etc/tool/vm', '/etc/tool/vm/a.yaml', '/usr/bin/tool', '/var/lib/tool', '/usr/lib']);
  });

  test('flags: %config, %config(noreplace), %doc, and documentation directories', () => {
    expect(fileFlags(entry('/etc/t.conf', 'file', { config: true }))).toBe(1);
    expect(fileFlags(entry('/etc/t.conf', 'file', { config: true, noreplace: true }))).toBe(17);
    expect(fileFlags(entry('/opt/t/README', 'file', { doc: true }))).toBe(2);
    expect(fileFlags(entry('/usr/share/man/man1/t.1.gz', 'file'))).toBe(2);
    expect(fileFlags(entry('/usr/share/man/man8/td.8.gz', 'symlink'))).toBe(2);
    expect(fileFlags(entry('/usr/share/doc/t', 'dir'))).toBe(0);
    expect(fileFlags(entry('/usr/bin/t', 'file'))).toBe(0);
  });

  test('paths split into DIRNAMES (trailing slash, first-use order), BASENAMES, DIRINDEXES', () => {
    expect(splitPaths(['/etc/t', '/etc/t/a', '/usr/bin/t', '/etc/t/b'])).toEqual({
      dirnames: ['/etc/', '/etc/t/', '/usr/bin/'],
      basenames: ['t', 'a', 't', 'b'],
      dirindexes: [0, 1, 2, 1],
    });
  });
});
