// The asset rule, the tables both scripts embed (read back out of the rendered text and
// checked against selectAsset), input validation and quoting.
import { describe, expect, test } from '@jest/globals';
import { ARCHES, OSES, type Platform } from '../../src/config/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { baseUrlVariable, installablePlatforms, renderInstallPs1, renderInstallSh, selectAsset, type InstallScriptInput } from '../../src/install-script/index.js';
import { psQuote, psVersioned, shQuote, shVersioned } from '../../src/install-script/quote.js';

const ALL: Platform[] = OSES.flatMap((os) => ARCHES.map((arch) => ({ os, arch })));
const archive = (os: string, arch: string, v = '0.9.2') => `servin_${v}_${os}_${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
const input = (over: Partial<InstallScriptInput> = {}): InstallScriptInput => ({
  name: 'servin',
  version: '0.9.2',
  tag: 'v0.9.2',
  repo: 'octo/servin',
  serverUrl: 'https://github.com',
  platforms: ALL,
  assets: [...ALL.map((p) => archive(p.os, p.arch)), 'SHA256SUMS', 'SHA256SUMS.asc', 'KEY.asc'],
  binaries: ['servin', 'servin-desktop'],
  ...over,
});

/** Evaluates an sh word made of '...' parts, \c escapes and "$1" (what shQuote/shVersioned emit). */
function shEval(word: string, $1 = ''): string {
  let out = '';
  let at = 0;
  const re = /'([^']*)'|\\(.)|"\$1"/y;
  while (at < word.length) {
    re.lastIndex = at;
    const m = re.exec(word);
    if (!m) throw new Error(`not a quoted word: ${word}`);
    out += m[1] ?? m[2] ?? $1;
    at = re.lastIndex;
  }
  return out;
}

/** Evaluates a PowerShell expression 'a' + $V + 'b' (what psQuote/psVersioned emit). */
function psEval(expr: string, v = ''): string {
  return expr.split(' + ').map((part) => (part === '$V' ? v : /^'((?:[^']|'')*)'$/.exec(part)![1].replaceAll("''", "'"))).join('');
}

describe('selectAsset', () => {
  test.each(ALL)('$os/$arch: the conventional name when listed and uploaded', ({ os, arch }) => {
    expect(selectAsset(input(), os, arch)).toBe(archive(os, arch));
    expect(selectAsset(input({ platforms: ALL.filter((p) => p.os !== os || p.arch !== arch) }), os, arch)).toBeUndefined();
    expect(selectAsset(input({ assets: input().assets.filter((a) => a !== archive(os, arch)) }), os, arch)).toBeUndefined();
  });

  test('windows takes only the zip, linux and darwin only the tar.gz', () => {
    const swapped = input({ assets: ['servin_0.9.2_windows_amd64.tar.gz', 'servin_0.9.2_linux_amd64.zip', 'servin_0.9.2_darwin_arm64.tgz'] });
    expect([selectAsset(swapped, 'windows', 'amd64'), selectAsset(swapped, 'linux', 'amd64'), selectAsset(swapped, 'darwin', 'arm64')]).toEqual([undefined, undefined, undefined]);
    expect(selectAsset(input(), 'windows', 'arm64')).toBe('servin_0.9.2_windows_arm64.zip');
  });

  test('names that are not Go names select nothing', () => {
    for (const [os, arch] of [['Linux', 'amd64'], ['linux', 'x86_64'], ['freebsd', 'amd64'], ['linux', 'riscv64'], ['', '']]) expect(selectAsset(input(), os, arch)).toBeUndefined();
  });

  test('installablePlatforms: only platforms with an asset, in OSES × ARCHES order', () => {
    const some = input({ platforms: [{ os: 'windows', arch: 'amd64' }, { os: 'darwin', arch: 'arm64' }, { os: 'linux', arch: '386' }, { os: 'linux', arch: 'arm64' }], assets: [archive('windows', 'amd64'), archive('darwin', 'arm64'), archive('linux', 'arm64')] });
    expect(installablePlatforms(some).map((p) => `${p.os}/${p.arch}`)).toEqual(['linux/arm64', 'darwin/arm64', 'windows/amd64']);
    expect(installablePlatforms(some, ['windows'])).toEqual([{ os: 'windows', arch: 'amd64', asset: archive('windows', 'amd64') }]);
  });
});

describe('the tables in the scripts are selectAsset', () => {
  const variants: [string, InstallScriptInput][] = [
    ['every platform', input()],
    ['some platforms', input({ platforms: [{ os: 'linux', arch: 'arm' }, { os: 'darwin', arch: 'amd64' }, { os: 'windows', arch: '386' }, { os: 'linux', arch: '386' }], assets: [...input().assets.filter((a) => !a.includes('linux_386'))] })],
    ['a version inside the name', input({ name: 'tool0.9.2', assets: [archive('linux', 'amd64').replace('servin', 'tool0.9.2'), archive('windows', 'arm64').replace('servin', 'tool0.9.2'), 'SHA256SUMS'], platforms: ALL })],
  ];

  test.each(variants)('install.sh, %s', (_n, inp) => {
    const arms = [...renderInstallSh(inp).matchAll(/^ {4}(\w+)\/(\w+)\) printf '%s\\n' (.*) ;;$/gm)];
    const expected = ALL.filter((p) => p.os !== 'windows' && selectAsset(inp, p.os, p.arch)).map((p) => [`${p.os}/${p.arch}`, selectAsset(inp, p.os, p.arch)]);
    expect(arms.map((m) => [`${m[1]}/${m[2]}`, shEval(m[3], inp.version)])).toEqual(expected);
    // ... and for another version, the same names with that version.
    expect(arms.map((m) => shEval(m[3], '1.0.0'))).toEqual(expected.map(([, a]) => a!.split(inp.version).join('1.0.0')));
    expect(renderInstallSh(inp)).toContain(`PLATFORMS='${expected.map(([p]) => p).join(' ')}'\n`);
  });

  test.each(variants)('install.ps1, %s', (_n, inp) => {
    const arms = [...renderInstallPs1(inp).matchAll(/^ {8}'(\w+)\/(\w+)' \{ return \((.*)\) \}$/gm)];
    const expected = ALL.filter((p) => p.os === 'windows' && selectAsset(inp, p.os, p.arch)).map((p) => [`${p.os}/${p.arch}`, selectAsset(inp, p.os, p.arch)]);
    expect(arms.map((m) => [`${m[1]}/${m[2]}`, psEval(m[3], inp.version)])).toEqual(expected);
    expect(arms.map((m) => psEval(m[3], '1.0.0'))).toEqual(expected.map(([, a]) => a!.split(inp.version).join('1.0.0')));
  });

  test('uname and Windows architecture names map to Go names in the scripts', () => {
    const sh = renderInstallSh(input());
    for (const [pattern, arch] of [['x86_64 | amd64', 'amd64'], ['aarch64 | arm64', 'arm64'], ['armv6* | armv7* | armv8l', 'arm'], ['i386 | i486 | i586 | i686 | x86', '386'], ['Linux', 'linux'], ['Darwin', 'darwin']]) {
      expect(sh).toContain(`    ${pattern}) echo ${arch} ;;\n`);
    }
    const ps1 = renderInstallPs1(input());
    for (const [name, arch] of [['AMD64', 'amd64'], ['X64', 'amd64'], ['ARM64', 'arm64'], ['X86', '386'], ['ARM', 'arm']]) expect(ps1).toContain(`        '${name}' { return ('${arch}') }\n`);
  });
});

describe('rendering', () => {
  test('install.sh carries the release data as literals', () => {
    const sh = renderInstallSh(input({ publicKeyAsset: 'KEY.asc', publicKeyFingerprint: 'abcd '.repeat(10), serverUrl: 'https://ghes.example.com/' }));
    expect(sh.startsWith('#!/bin/sh\n')).toBe(true);
    for (const line of [
      "NAME='servin'",
      "RELEASE_VERSION='0.9.2'",
      "TAG_PREFIX='v'",
      "TAG_SUFFIX=''",
      "DEFAULT_BASE_URL='https://ghes.example.com/octo/servin/releases/download'",
      'BASE_URL=${SERVIN_INSTALL_BASE_URL:-$DEFAULT_BASE_URL}',
      "BINARIES='servin servin-desktop'",
      `KEY_FINGERPRINT='${'ABCD'.repeat(10)}'`,
      "checksums_name() { printf '%s\\n' 'SHA256SUMS'; }",
      "signature_name() { printf '%s\\n' 'SHA256SUMS.asc'; }",
      "public_key_name() { printf '%s\\n' 'KEY.asc'; }",
    ])
      expect(sh).toContain(`\n${line}\n`);
    expect(renderInstallSh(input({ assets: input().assets.filter((a) => !a.endsWith('.asc')) }))).toContain('\nsignature_name() { return 1; }\npublic_key_name() { return 1; }\n');
  });

  test('install.ps1 carries the release data as literals, with .exe names', () => {
    const ps1 = renderInstallPs1(input({ tag: 'servin-0.9.2-final', checksumsAsset: 'checksums-0.9.2.txt', assets: [...input().assets, 'checksums-0.9.2.txt'] }));
    for (const line of [
      "    [string]$Version = '0.9.2',",
      "$TagPrefix = 'servin-'",
      "$TagSuffix = '-final'",
      "$DefaultBaseUrl = 'https://github.com/octo/servin/releases/download'",
      "$BaseUrlVariable = 'SERVIN_INSTALL_BASE_URL'",
      "$Binaries = @('servin.exe', 'servin-desktop.exe')",
      "$Platforms = @('windows/amd64', 'windows/arm64', 'windows/arm', 'windows/386')",
      "function Get-ChecksumsName([string]$V) { return ('checksums-' + $V + '.txt') }",
      'function Get-SignatureName([string]$V) { return $null }',
    ])
      expect(ps1).toContain(`\n${line}\n`);
    expect(ps1).not.toContain('servin.exe.exe');
  });

  test.each([
    ['install.sh', renderInstallSh],
    ['install.ps1', renderInstallPs1],
  ])('%s is plain ASCII with LF line ends and no leftover template text', (_n, render) => {
    const text = render(input({ publicKeyAsset: 'KEY.asc' }));
    expect(/^[\x20-\x7e\n]*$/.test(text.replaceAll('\t', ''))).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/undefined|\[object |NaN/);
    if (_n === 'install.ps1') expect(text).not.toMatch(/\$\{|`/);
  });
});

describe('input validation', () => {
  const bad: [string, Partial<InstallScriptInput>, string][] = [
    ['name with a space', { name: 'ser vin' }, 'name'],
    ['name with a slash', { name: '../servin' }, 'name'],
    ['name with shell syntax', { name: '$(reboot)' }, 'name'],
    ['version with a v', { version: 'v0.9.2', tag: 'v0.9.2' }, 'version'],
    ['tag without the version', { tag: 'latest' }, 'tag'],
    ['tag with ..', { tag: '../v0.9.2' }, 'tag'],
    ['repo without owner', { repo: 'servin' }, 'repo'],
    ['server URL not http', { serverUrl: 'ftp://example.com' }, 'serverUrl'],
    ['server URL with a query', { serverUrl: 'https://example.com/?x=1' }, 'serverUrl'],
    ['server URL not a URL', { serverUrl: 'github.com' }, 'serverUrl'],
    ['no binaries', { binaries: [] }, 'binaries'],
    ['binary in a directory', { binaries: ['bin/servin'] }, 'binaries'],
    ['binary listed twice', { binaries: ['servin', 'servin'] }, 'binaries'],
    ['no SHA256SUMS', { assets: input().assets.filter((a) => a !== 'SHA256SUMS') }, 'checksumsAsset'],
    ['key not uploaded', { publicKeyAsset: 'missing.asc' }, 'publicKeyAsset'],
    ['fingerprint too short', { publicKeyFingerprint: 'ABCD' }, 'publicKeyFingerprint'],
    ['no archive for the OS', { assets: ['SHA256SUMS'] }, 'platforms'],
  ];
  test.each(bad)('%s', (_n, over, field) => {
    for (const render of [renderInstallSh, renderInstallPs1]) {
      let err: unknown;
      try {
        render(input(over));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as ConfigurationError).location?.field).toBe(field);
      expect((err as ConfigurationError).fix).toBeTruthy();
    }
  });

  test('a Windows-only release has an install.ps1 but no install.sh', () => {
    const win = input({ platforms: [{ os: 'windows', arch: 'amd64' }] });
    expect(renderInstallPs1(win)).toContain("'windows/amd64'");
    expect(() => renderInstallSh(win)).toThrow('the release has no archive for linux or darwin among its assets');
  });
});

describe('names and quoting', () => {
  test.each([
    ['servin', 'SERVIN_INSTALL_BASE_URL'],
    ['my-tool', 'MY_TOOL_INSTALL_BASE_URL'],
    ['a.b+c', 'A_B_C_INSTALL_BASE_URL'],
    ['7zip', '_7ZIP_INSTALL_BASE_URL'],
  ])('base URL variable for %s is %s', (name, variable) => {
    expect(baseUrlVariable(name)).toBe(variable);
  });

  const nasty = ["it's", '$(rm -rf /)', '`id`', '${HOME}', 'a\\b', '"q"', "''", '', 'x y\tz', 'lf\nlf'];
  test.each(nasty)('shQuote and psQuote keep %j literal', (s) => {
    expect(shEval(shQuote(s))).toBe(s);
    // No $ or ` inside the single-quoted parts (shellcheck's SC2016).
    const quoted = [...shQuote(s).matchAll(/'([^']*)'|\\./g)].map((m) => m[1] ?? '');
    expect(quoted.filter((q) => /[$`]/.test(q))).toEqual([]);
    expect(psEval(psQuote(s))).toBe(s);
  });

  test('psQuote doubles the typographic quotes PowerShell also ends strings with', () => {
    expect(psQuote('a\u2019b\u2018c')).toBe("'a\u2019\u2019b\u2018\u2018c'");
  });

  test('versioned names', () => {
    expect(shVersioned('servin_0.9.2_linux_amd64.tar.gz', '0.9.2')).toBe(`'servin_'"$1"'_linux_amd64.tar.gz'`);
    expect(shVersioned('0.9.2', '0.9.2')).toBe('"$1"');
    expect(shVersioned('SHA256SUMS', '0.9.2')).toBe("'SHA256SUMS'");
    expect(psVersioned('servin_0.9.2_windows_amd64.zip', '0.9.2')).toBe("'servin_' + $V + '_windows_amd64.zip'");
    expect(psVersioned('0.9.2', '0.9.2')).toBe('$V');
    expect(psVersioned('a0.9.20.9.2b', '0.9.2')).toBe("'a' + $V + $V + 'b'");
    expect(psEval(psVersioned('a0.9.20.9.2b', '0.9.2'), '1')).toBe('a11b');
    expect(shEval(shVersioned('a0.9.20.9.2b', '0.9.2'), '1')).toBe('a11b');
  });
});
