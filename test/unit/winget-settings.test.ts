import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/index.js';
import type { PackageConfig, WingetConfig } from '../../src/config/types.js';
import { ConfigurationErrors } from '../../src/core/errors.js';
import { configError } from '../support/config-errors.js';
import { wingetSettings } from '../../src/winget/index.js';
import { servinInput } from '../fixtures/winget/inputs.js';

function base(winget?: WingetConfig, extra: Partial<PackageConfig> = {}): PackageConfig {
  return {
    name: 'servin',
    release: 1,
    summary: 'container runtime with a lightweight virtual machine mode',
    description: 'Servin runs OCI containers.\n\nIt has a VM mode.\n',
    maintainer: 'Servin Maintainers <maintainers@servin.example>',
    vendor: 'Servin Project',
    license: 'Apache-2.0',
    homepage: 'https://servin.example',
    platforms: [
      { os: 'linux', arch: 'amd64' },
      { os: 'windows', arch: 'amd64' },
      { os: 'windows', arch: 'arm64' },
    ],
    contents: [],
    ...(winget ? { winget } : {}),
    ...extra,
  };
}

describe('wingetSettings defaults', () => {
  it('fills everything from the top-level keys', () => {
    expect(wingetSettings(base())).toEqual({
      packageIdentifier: 'ServinProject.Servin',
      publisher: 'Servin Project',
      publisherUrl: undefined,
      publisherSupportUrl: undefined,
      author: undefined,
      packageName: 'servin',
      packageUrl: 'https://servin.example',
      moniker: undefined,
      tags: [],
      license: 'Apache-2.0',
      licenseUrl: undefined,
      copyright: undefined,
      shortDescription: 'container runtime with a lightweight virtual machine mode',
      description: 'Servin runs OCI containers.\n\nIt has a VM mode.',
      commands: ['servin'],
      minimumOSVersion: undefined,
      archiveBinariesDependOnPath: false,
      architectures: ['x64', 'arm64'],
    });
  });

  it('takes the publisher from the maintainer name when there is no vendor', () => {
    const s = wingetSettings(base(undefined, { vendor: undefined }));
    expect(s.publisher).toBe('Servin Maintainers');
    expect(s.packageIdentifier).toBe('ServinMaintainers.Servin');
  });

  it('builds the default identifier from publisher and package name, dropping what winget refuses', () => {
    expect(wingetSettings(base({ publisher: 'acme: tools/inc.', package_name: 'super tool' })).packageIdentifier).toBe('AcmeToolsinc.SuperTool');
  });

  it('uses the configured identifier as given (case kept)', () => {
    expect(wingetSettings(base({ package_identifier: 'servin.servin.CLI' })).packageIdentifier).toBe('servin.servin.CLI');
  });

  it('maps windows platforms amd64→x64, arm64→arm64, 386→x86, arm→arm in a fixed order, ignoring other OSes', () => {
    const platforms: PackageConfig['platforms'] = [
      { os: 'windows', arch: 'arm64' },
      { os: 'darwin', arch: 'amd64' },
      { os: 'windows', arch: '386' },
      { os: 'windows', arch: 'arm' },
      { os: 'windows', arch: 'amd64' },
    ];
    expect(wingetSettings(base(undefined, { platforms })).architectures).toEqual(['x86', 'x64', 'arm', 'arm64']);
  });

  it('the Servin example sets its own identifier, names and Windows description', async () => {
    const { config } = await servinInput();
    const s = wingetSettings(config);
    expect(s).toMatchObject({ packageIdentifier: 'Servin.Servin', publisher: 'Servin Project', packageName: 'Servin', moniker: 'servin', commands: ['servin'], minimumOSVersion: '10.0.17763.0' });
    expect(s.description).not.toContain('/etc/servin');
  });
});

describe('wingetSettings normalising', () => {
  it('lowercases tags, turns spaces into -, drops repeats', () => {
    expect(wingetSettings(base({ tags: ['Containers', ' Virtual  Machine ', 'containers', 'CLI'] })).tags).toEqual(['containers', 'virtual-machine', 'cli']);
  });

  it('strips .exe from commands', () => {
    expect(wingetSettings(base({ commands: ['servin.exe', 'servin-desktop.EXE'] })).commands).toEqual(['servin', 'servin-desktop']);
  });

  it('trims the trailing newlines of a block description and trailing blanks of its lines', () => {
    expect(wingetSettings(base({ description: 'Line one.  \r\n\tLine two.\t\n\n' })).description).toBe('Line one.\n\tLine two.');
  });
});

describe('wingetSettings errors name the field', () => {
  it.each<[string, WingetConfig | undefined, Partial<PackageConfig>, string, RegExp]>([
    ['no windows platform', undefined, { platforms: [{ os: 'linux', arch: 'amd64' }] }, 'platforms', /no windows platform/],
    ['bad configured identifier', { package_identifier: 'Servin' }, {}, 'winget.package_identifier', /two parts/],
    ['bad derived identifier', undefined, { vendor: 'A'.repeat(40) }, 'winget.package_identifier', /default WinGet identifier.*longer than 32/],
    ['summary too long', undefined, { summary: 'x'.repeat(257) }, 'summary', /257 characters.*256/],
    ['summary too short', undefined, { summary: 'ok' }, 'summary', /at least 3/],
    ['short_description on two lines', { short_description: 'one\ntwo' }, {}, 'winget.short_description', /single line/],
    ['no license', undefined, { license: undefined }, 'license', /require a License/],
    ['SPDX id too short for winget', undefined, { license: 'GP' }, 'license', /at least 3/],
    ['one-letter name', undefined, { name: 'x' }, 'name', /at least 2/],
    ['17 tags', { tags: Array.from({ length: 17 }, (_, i) => `t${i}`) }, {}, 'winget.tags', /17 tags.*16/],
    ['41-character tag', { tags: ['x'.repeat(41)] }, {}, 'winget.tags[0]', /41 characters/],
    ['moniker with a space', { moniker: 'servin cli' }, {}, 'winget.moniker', /single word/],
    ['command with a folder', { commands: ['bin\\servin'] }, {}, 'winget.commands[0]', /not a command name/],
    ['commands differing in case only', { commands: ['servin', 'Servin.exe'] }, {}, 'winget.commands[1]', /repeats/],
    ['empty commands', { commands: [] }, {}, 'winget.commands', /empty/],
    ['minimum OS out of range', { minimum_os_version: '10.0.70000' }, {}, 'winget.minimum_os_version', /0-65535/],
    ['ftp license URL', { license_url: 'ftp://servin.example/LICENSE' }, {}, 'winget.license_url', /http/],
    ['a template', { description: '{{ .Name }} runs containers' }, {}, 'winget.description', /template/],
  ])('%s', (_what, winget, extra, field, message) => {
    const e = configError(() => wingetSettings(base(winget, extra), 'cfg.yml'));
    expect(e.location).toMatchObject({ file: 'cfg.yml', field });
    expect(e.message).toMatch(message);
    expect(e.fix).toBeTruthy();
  });
});

describe('the config file', () => {
  const yaml = (winget: string) => `name: servin\nsummary: runtime\nmaintainer: A <a@example.org>\nplatforms: [{ os: windows, arch: amd64 }]\ncontents: [{ src: servin.exe, dst: /usr/bin/servin }]\nwinget:\n${winget}`;

  it('accepts a full winget block', () => {
    const loaded = parseConfig(yaml('  package_identifier: Servin.Servin\n  tags: [a, b]\n  commands: [servin]\n  minimum_os_version: 10.0.17763.0\n  archive_binaries_depend_on_path: true\n'), 'c.yml', '.');
    expect(loaded.config.winget).toEqual({ package_identifier: 'Servin.Servin', tags: ['a', 'b'], commands: ['servin'], minimum_os_version: '10.0.17763.0', archive_binaries_depend_on_path: true });
  });

  it.each([
    ['a misspelt key, on its line', '  package_identifer: Servin.Servin\n', /package_identifer/, 7],
    ['an identifier without a dot', '  package_identifier: Servin\n', /package_identifier/, 7],
    ['a numeric minimum OS version', '  minimum_os_version: 10.0\n', /minimum_os_version/, 7],
  ])('refuses %s', (_what, block, message, line) => {
    try {
      parseConfig(yaml(block), 'c.yml', '.');
      throw new Error('expected the config to be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigurationErrors);
      const errors = (e as ConfigurationErrors).errors;
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(message);
      expect(errors[0]!.location?.line).toBe(line);
    }
  });
});
