import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { PackageConfig } from '../../src/config/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { renderWingetManifests, type ManifestFile, type WingetInput } from '../../src/winget/index.js';
import { servinInput, trickyConfig, trickyInput } from '../fixtures/winget/inputs.js';

type Doc = Record<string, unknown>;

/** Strings only, as winget reads them: a retyped scalar would show up as the wrong text. */
const read = (f: ManifestFile): Doc => parse(f.content, { schema: 'failsafe' }) as Doc;
const byType = (files: ManifestFile[]) => Object.fromEntries(files.map((f) => [read(f).ManifestType as string, read(f)]));

function withVersion(input: WingetInput, version: string): WingetInput {
  return { ...input, version };
}

describe('renderWingetManifests: the set', () => {
  it('writes version, installer and defaultLocale manifests, in that order, in one version folder', async () => {
    const files = renderWingetManifests(await servinInput());
    expect(files.map((f) => f.path)).toEqual([
      'manifests/s/Servin/Servin/0.9.2/Servin.Servin.yaml',
      'manifests/s/Servin/Servin/0.9.2/Servin.Servin.installer.yaml',
      'manifests/s/Servin/Servin/0.9.2/Servin.Servin.locale.en-US.yaml',
    ]);
    expect(files.map((f) => read(f).ManifestType)).toEqual(['version', 'installer', 'defaultLocale']);
  });

  it('starts every file with the schema line for its own type, then the tool comment', async () => {
    for (const f of renderWingetManifests(await servinInput())) {
      const [first, second, third] = f.content.split('\n');
      const type = read(f).ManifestType as string;
      expect(first).toBe(`# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.1.12.0.schema.json`);
      expect(second).toBe('# Created with package-actions');
      expect(third).toBe('');
      expect(read(f).ManifestVersion).toBe('1.12.0');
      expect(f.content).not.toContain('\r');
      expect(f.content.endsWith('\n') && !f.content.endsWith('\n\n')).toBe(true);
    }
  });

  it('repeats identifier and version in every file; DefaultLocale and PackageLocale are en-US', async () => {
    const docs = byType(renderWingetManifests(await servinInput()));
    for (const d of Object.values(docs)) expect(d).toMatchObject({ PackageIdentifier: 'Servin.Servin', PackageVersion: '0.9.2' });
    expect(docs.version).toEqual({ PackageIdentifier: 'Servin.Servin', PackageVersion: '0.9.2', DefaultLocale: 'en-US', ManifestType: 'version', ManifestVersion: '1.12.0' });
    expect(docs.defaultLocale!.PackageLocale).toBe('en-US');
  });

  it.each([
    ['v0.9.2', '0.9.2'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+build.7', '1.2.0'],
    ['v1.2.0-beta.2+g1a2b3c', '1.2.0-beta.2'],
    ['1.10', '1.10'],
    ['2024.01.05', '2024.01.05'],
    ['007', '007'],
  ])('version %s: PackageVersion %s equals the folder name in every file', async (version, expected) => {
    const files = renderWingetManifests(withVersion(await servinInput(), version));
    for (const f of files) {
      const folder = f.path.split('/').at(-2);
      expect(folder).toBe(expected);
      expect(read(f).PackageVersion).toBe(folder);
      // And a YAML 1.1 reader sees the same text: 1.10 must not become 1.1.
      expect(parse(f.content, { version: '1.1' }).PackageVersion).toBe(expected);
    }
  });
});

describe('renderWingetManifests: installer', () => {
  it('is a zip holding a portable servin.exe at its root, aliased as servin', async () => {
    const inst = byType(renderWingetManifests(await servinInput())).installer!;
    expect(inst).toMatchObject({
      MinimumOSVersion: '10.0.17763.0',
      InstallerType: 'zip',
      NestedInstallerType: 'portable',
      NestedInstallerFiles: [{ RelativeFilePath: 'servin.exe', PortableCommandAlias: 'servin' }],
      Commands: ['servin'],
      ReleaseDate: '2026-11-25',
    });
    expect(inst).not.toHaveProperty('ArchiveBinariesDependOnPath');
  });

  it('lists one installer per windows platform with its URL and the SHA-256 in uppercase', async () => {
    const input = await servinInput();
    const inst = byType(renderWingetManifests(input)).installer!;
    expect(inst.Installers).toEqual(
      input.installers.map((i) => ({ Architecture: i.arch, InstallerUrl: i.url, InstallerSha256: i.sha256.toUpperCase() })),
    );
    for (const i of inst.Installers as Doc[]) expect(i.InstallerSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(input.installers[0]!.sha256).toMatch(/[a-f]/); // the input really was lowercase
  });

  it('gives the same bytes whatever order the installers come in', async () => {
    const input = await servinInput();
    const reversed = { ...input, installers: [...input.installers].reverse() };
    expect(renderWingetManifests(reversed)).toEqual(renderWingetManifests(input));
  });

  it('with wrap_in_directory, puts each architecture’s folder in its own NestedInstallerFiles', () => {
    const inst = byType(renderWingetManifests(trickyInput())).installer!;
    expect(inst).not.toHaveProperty('NestedInstallerFiles');
    const installers = inst.Installers as Doc[];
    expect(installers.map((i) => i.Architecture)).toEqual(['x86', 'x64', 'arm64']);
    expect(installers.map((i) => i.NestedInstallerFiles)).toEqual(
      ['386', 'amd64', 'arm64'].map((a) => [{ RelativeFilePath: `on_1.10_windows_${a}\\on.exe` }, { RelativeFilePath: `on_1.10_windows_${a}\\off.exe` }]),
    );
  });

  it('with archive_binaries_depend_on_path, writes a real boolean and no aliases', () => {
    const files = renderWingetManifests(trickyInput());
    const installer = files.find((f) => f.path.endsWith('.installer.yaml'))!;
    expect(installer.content).toContain('\nArchiveBinariesDependOnPath: true\n');
    expect(parse(installer.content).ArchiveBinariesDependOnPath).toBe(true);
    expect(installer.content).not.toContain('PortableCommandAlias');
  });

  it('leaves out ReleaseDate and ReleaseNotesUrl when not given', async () => {
    const input = { ...(await servinInput()), releaseDate: undefined, releaseNotesUrl: undefined };
    const docs = byType(renderWingetManifests(input));
    expect(docs.installer).not.toHaveProperty('ReleaseDate');
    expect(docs.defaultLocale).not.toHaveProperty('ReleaseNotesUrl');
  });
});

describe('renderWingetManifests: defaultLocale', () => {
  it('carries the Servin example’s publisher, names, license, links, descriptions and tags', async () => {
    const input = await servinInput();
    expect(byType(renderWingetManifests(input)).defaultLocale).toEqual({
      PackageIdentifier: 'Servin.Servin',
      PackageVersion: '0.9.2',
      PackageLocale: 'en-US',
      Publisher: 'Servin Project',
      PublisherUrl: 'https://servin.example',
      PublisherSupportUrl: 'https://servin.example/support',
      PackageName: 'Servin',
      PackageUrl: 'https://servin.example',
      License: 'Apache-2.0',
      LicenseUrl: 'https://servin.example/license',
      ShortDescription: 'Container runtime with a lightweight virtual machine mode',
      Description: (input.config.winget!.description as string).trimEnd(),
      Moniker: 'servin',
      Tags: ['containers', 'oci', 'virtual-machine', 'cli'],
      ReleaseNotesUrl: 'https://github.com/servin/servin/releases/tag/v0.9.2',
      ManifestType: 'defaultLocale',
      ManifestVersion: '1.12.0',
    });
  });

  it('keeps values YAML would retype as the same text for YAML 1.1 and 1.2 readers', () => {
    const files = renderWingetManifests(trickyInput());
    const locale = files.find((f) => f.path.endsWith('.locale.en-US.yaml'))!;
    const w = trickyConfig().winget!;
    for (const version of ['1.1', '1.2'] as const) {
      const doc = parse(locale.content, { version }) as Doc;
      expect(doc).toMatchObject({ PackageName: 'no', License: 'off', Copyright: '2026', ShortDescription: 'yes', Moniker: '007', PackageVersion: '1.10' });
      expect(doc.Tags).toEqual(['1.10', 'yes', 'no', 'on', '0x10', '007', '2026-11-25', '~', 'null', '1:20', '0o10', 'two-words']);
      expect(doc.Description).toBe(w.description!.trimEnd());
    }
    for (const s of ['"1.10"', '"yes"', '"no"', '"on"', '"0x10"', '"007"']) expect(locale.content).toContain(s);
  });
});

describe('renderWingetManifests: refusals', () => {
  const windowsOnly = (platforms: PackageConfig['platforms']) => ({ ...trickyInput(), config: { ...trickyConfig(), platforms } });

  it('refuses a config without a windows platform (ConfigurationError on platforms)', () => {
    const input = windowsOnly([{ os: 'linux', arch: 'amd64' }, { os: 'darwin', arch: 'arm64' }]);
    expect(() => renderWingetManifests(input)).toThrow(ConfigurationError);
    expect(() => renderWingetManifests(input)).toThrow(expect.objectContaining({ location: expect.objectContaining({ field: 'platforms' }) }));
  });

  it('refuses when a configured windows platform has no zip (ConfigurationError)', () => {
    const input = trickyInput();
    const missing = { ...input, installers: input.installers.filter((i) => i.arch !== 'x86') };
    expect(() => renderWingetManifests(missing)).toThrow(/no windows zip for WinGet architecture x86/);
    expect(() => renderWingetManifests(missing)).toThrow(ConfigurationError);
  });

  it('refuses a windows archive that is not a zip', () => {
    const input = trickyInput();
    const tgz = { ...input, config: { ...input.config, archives: { format_overrides: { windows: 'tar.gz' as const } } } };
    expect(() => renderWingetManifests(tgz)).toThrow(expect.objectContaining({ location: expect.objectContaining({ field: 'archives.format_overrides.windows' }) }));
  });

  it.each<[string, (i: WingetInput) => WingetInput, RegExp]>([
    ['a duplicate architecture', (i) => ({ ...i, installers: [...i.installers, i.installers[0]!] }), /two installers/],
    ['an architecture the config lacks', (i) => ({ ...windowsOnly([{ os: 'windows', arch: 'amd64' }]), installers: i.installers }), /no windows platform for it/],
    ['a short hash', (i) => ({ ...i, installers: i.installers.map((x) => ({ ...x, sha256: x.sha256.slice(1) })) }), /64 hex/],
    ['a non-http URL', (i) => ({ ...i, installers: i.installers.map((x) => ({ ...x, url: 'file:///tmp/x.zip' })) }), /http\(s\) URL/],
    ['an impossible date', (i) => ({ ...i, releaseDate: '2026-02-30' }), /YYYY-MM-DD/],
    ['a date with a time', (i) => ({ ...i, releaseDate: '2026-02-03T10:00:00Z' }), /YYYY-MM-DD/],
    ['a relative release notes URL', (i) => ({ ...i, releaseNotesUrl: '/releases/tag/v1' }), /releaseNotesUrl/],
  ])('treats %s from the caller as a bug (plain Error)', (_what, change, message) => {
    const input = change(trickyInput());
    expect(() => renderWingetManifests(input)).toThrow(message);
    try {
      renderWingetManifests(input);
    } catch (e) {
      expect(e).not.toBeInstanceOf(ConfigurationError);
    }
  });
});
