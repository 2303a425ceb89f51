import { describe, expect, test } from '@jest/globals';
import type { PackageConfig } from '../../src/config/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import type { ResolvedEntry } from '../../src/contents/types.js';
import { foldDescription, installedSizeKiB, renderControl } from '../../src/packagers/deb/control.js';

const config: PackageConfig = {
  name: 'servin',
  release: 1,
  summary: 'container runtime with a VM mode',
  description: 'Servin runs OCI containers natively on Linux and inside a lightweight VM on macOS and Windows. It ships a desktop GUI as well.\n\nThe VM templates live in /etc/servin/vm and are kept on upgrade.',
  maintainer: 'Servin Maintainers <maintainers@servin.example>',
  homepage: 'https://servin.example',
  platforms: [{ os: 'linux', arch: 'amd64' }],
  contents: [],
  depends: ['libc6 (>= 2.34)', 'iptables'],
  recommends: ['uidmap'],
  deb: { section: 'admin', priority: 'optional', fields: { 'X-Servin-Channel': 'stable' } },
};

describe('deb control file', () => {
  test('fields in dpkg order with folded description and one trailing newline', () => {
    const text = renderControl({ config, version: '0.9.2-1', architecture: 'amd64', installedSize: 42, file: 'c.yml' });
    expect(text).toBe(
      [
        'Package: servin',
        'Version: 0.9.2-1',
        'Architecture: amd64',
        'Maintainer: Servin Maintainers <maintainers@servin.example>',
        'Installed-Size: 42',
        'Depends: libc6 (>= 2.34), iptables',
        'Recommends: uidmap',
        'Section: admin',
        'Priority: optional',
        'Homepage: https://servin.example',
        'X-Servin-Channel: stable',
        'Description: container runtime with a VM mode',
        ' Servin runs OCI containers natively on Linux and inside a lightweight VM on',
        ' macOS and Windows. It ships a desktop GUI as well.',
        ' .',
        ' The VM templates live in /etc/servin/vm and are kept on upgrade.',
        '',
      ].join('\n'),
    );
  });

  test('every description line is at most 80 columns and none is empty', () => {
    const lines = foldDescription('word '.repeat(200));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(80);
      expect(l.startsWith(' ')).toBe(true);
    }
  });

  test('indented lines are kept verbatim; CRLF input is normalised', () => {
    expect(foldDescription('Usage:\r\n  servin run IMAGE\r\n  servin vm start')).toEqual([' Usage:', '   servin run IMAGE', '   servin vm start']);
  });

  test('extra fields cannot shadow fields written from the config, and need valid names', () => {
    const bad = (fields: Record<string, string>) => () => renderControl({ config: { ...config, deb: { fields } }, version: '1', architecture: 'amd64', installedSize: 1, file: 'c.yml' });
    expect(bad({ Depends: 'x' })).toThrow(ConfigurationError);
    expect(bad({ 'Bad Name': 'x' })).toThrow(/not a valid control field name/);
  });

  test('multi-line extra field values become continuation lines', () => {
    const text = renderControl({ config: { ...config, deb: { fields: { 'X-Notes': 'one\ntwo\n\nthree' } } }, version: '1', architecture: 'amd64', installedSize: 1, file: 'c.yml' });
    expect(text).toContain('X-Notes: one\n two\n .\n three\n');
  });
});

describe('Installed-Size', () => {
  const e = (kind: ResolvedEntry['kind'], size: number): ResolvedEntry => ({ path: '/x', kind, size, mode: 0o644, owner: 'root', group: 'root', mtime: 0, config: false, noreplace: false, doc: false, implicit: false });
  test('files and symlinks round up to KiB, every directory counts 1 KiB', () => {
    expect(installedSizeKiB([e('file', 1), e('file', 1024), e('file', 1025), e('symlink', 10), e('dir', 0), e('file', 0)])).toBe(1 + 1 + 2 + 1 + 1 + 0);
  });
});
