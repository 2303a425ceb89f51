import { beforeAll, describe, expect, it } from '@jest/globals';
import { applyInputs, configFor, loadConfig, parseConfig, renderTemplate, type TemplateVars } from '../../src/config/index.js';
import type { LoadedConfig } from '../../src/config/index.js';
import { ConfigurationError } from '../../src/core/errors.js';

let servin: LoadedConfig;
beforeAll(async () => {
  servin = await loadConfig('test/fixtures/config/servin.yml', { cwd: process.cwd() });
});

describe('configFor (nfpm override semantics)', () => {
  it('replaces lists for rpm instead of appending, and keeps the rest', () => {
    const rpm = configFor(servin, 'rpm');
    expect(rpm.depends).toEqual(['iptables', 'ca-certificates', 'qemu-kvm >= 6.0']);
    expect(rpm.recommends).toEqual([]);
    expect(rpm.suggests).toEqual(['libwebkit2gtk-4.1-0']);
    expect(rpm.deb).toEqual(servin.config.deb);
    expect(rpm.overrides).toBeUndefined();
  });

  it('merges the deb block key by key', () => {
    const deb = configFor(servin, 'deb');
    expect(deb.deb).toEqual({ compression: 'zstd', section: 'admin', priority: 'optional', fields: { Bugs: 'https://github.com/servin/servin/issues' } });
    expect(deb.depends).toEqual(['iptables', 'ca-certificates']);
  });

  it('keeps only the contents entries meant for the format', () => {
    const dsts = (f: string) => configFor(servin, f).contents.map((c) => c.dst);
    expect(dsts('deb')).toContain('/lib/systemd/system/servin.service');
    expect(dsts('deb')).not.toContain('/usr/lib/systemd/system/servin.service');
    expect(dsts('rpm')).toContain('/usr/lib/systemd/system/servin.service');
    expect(dsts('rpm')).not.toContain('/lib/systemd/system/servin.service');
    expect(dsts('snap')).toHaveLength(8);
  });

  it('replaces contents and scalar keys from an override', () => {
    const text = [
      'name: servin',
      'summary: runtime',
      'maintainer: Jane Doe <jane@example.org>',
      'platforms: [{ os: linux, arch: amd64 }]',
      'contents: [{ src: a, dst: /a }, { src: b, dst: /b }]',
      'rpm: { group: System, compression: xz }',
      'overrides:',
      '  rpm:',
      '    name: Servin',
      '    release: 3',
      '    contents: [{ src: c, dst: /c }]',
      '    rpm: { group: Applications/System }',
    ].join('\n');
    const loaded = parseConfig(text, 'x.yml', '/repo');
    const rpm = configFor(loaded, 'rpm');
    expect(rpm.name).toBe('Servin');
    expect(rpm.release).toBe(3);
    expect(rpm.contents).toEqual([{ src: 'c', dst: '/c', type: 'file' }]);
    expect(rpm.rpm).toEqual({ group: 'Applications/System', compression: 'xz' });
    const deb = configFor(loaded, 'deb');
    expect(deb.name).toBe('servin');
    expect(deb.release).toBe(1);
    expect(deb.contents.map((c) => c.dst)).toEqual(['/a', '/b']);
  });

  it('is pure: the loaded config is untouched and results do not share state', () => {
    const before = structuredClone(servin.config);
    const deb = configFor(servin, 'deb');
    deb.contents[0]!.dst = '/changed';
    deb.deb!.section = 'changed';
    expect(servin.config).toEqual(before);
    expect(configFor(servin, 'deb').contents[0]!.dst).toBe('/usr/bin/servin');
  });
});

describe('applyInputs', () => {
  it('lets inputs beat the file and ignores empty inputs', () => {
    const withVersion = applyInputs(servin, { version: ' 1.2.3 ', release: '2', name: '' });
    expect(withVersion.config.version).toBe('1.2.3');
    expect(withVersion.config.release).toBe(2);
    expect(withVersion.config.name).toBe('servin');
    expect(withVersion.locate('/name')).toEqual(servin.locate('/name'));
    expect(servin.config.version).toBeUndefined();
  });

  it('rejects a release input that is not a whole number', () => {
    expect(() => applyInputs(servin, { release: '1.5' })).toThrow(ConfigurationError);
    expect(() => applyInputs(servin, { epoch: -1 })).toThrow('input "epoch" must be a whole number ≥ 0; got -1');
  });
});

describe('renderTemplate', () => {
  const vars: TemplateVars = { Name: 'servin', Version: '1.2.3', Release: 2, Os: 'linux', Arch: 'arm64' };

  it.each([
    ['dist/servin_{{ .Os }}_{{ .Arch }}/servin', 'dist/servin_linux_arm64/servin'],
    ['{{.Name}}-{{.Version}}-{{ .Release }}', 'servin-1.2.3-2'],
    ['{{   .Version   }}', '1.2.3'],
    ['/usr/bin/servin', '/usr/bin/servin'],
    ['', ''],
  ])('%s → %s', (input, output) => {
    expect(renderTemplate(input, vars, 'contents[0].src')).toBe(output);
  });

  it('renders every templated src of the fixture for each platform', () => {
    const srcs = servin.config.platforms.map((p) => renderTemplate(servin.config.contents[0]!.src!, { ...vars, Os: p.os, Arch: p.arch }, 'contents[0].src', servin));
    expect(srcs).toEqual(['dist/servin_linux_amd64/servin', 'dist/servin_linux_arm64/servin', 'dist/servin_linux_arm/servin']);
  });

  it('names the field, its line and the allowed variables for an unknown one', () => {
    let err: ConfigurationError | undefined;
    try {
      renderTemplate('dist/{{ .Goos }}/servin', vars, 'contents[2].src', servin);
    } catch (e) {
      err = e as ConfigurationError;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err!.message).toBe('contents[2].src uses unknown template variable {{ .Goos }}; allowed: {{ .Name }}, {{ .Version }}, {{ .Release }}, {{ .Os }}, {{ .Arch }}, {{ .Exe }}');
    expect(err!.location).toEqual({ file: 'test/fixtures/config/servin.yml', line: 30, column: 5, field: 'contents[2].src' });
    expect(err!.fix).toBeTruthy();
  });

  it('works without a loaded config (no line then)', () => {
    expect(() => renderTemplate('{{ .Env.HOME }}', vars, 'deb.fields.Bugs')).toThrow(/deb\.fields\.Bugs uses unknown template variable \{\{ \.Env\.HOME \}\}/);
  });
});
