import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../src/core/errors.js';
import {
  chocolateyVersion,
  debVersion,
  homebrewVersion,
  macportsVersion,
  ociTag,
  pacmanVersion,
  rpmVersion,
  scoopVersion,
  snapVersion,
  wingetVersion,
} from '../../src/version/formats.js';
import { parseVersion } from '../../src/version/parse.js';

const p = (s: string) => parseVersion(s);
const loose = (s: string) => parseVersion(s, { allowNonSemver: true });

describe('debVersion', () => {
  it.each([
    ['1.2.0', '1.2.0-1'],
    ['v1.2.0-rc.1', '1.2.0~rc.1-1'],
    ['1.2.0+g1a2b', '1.2.0+g1a2b-1'],
    ['1.2.0-rc.1+g1a2b', '1.2.0~rc.1+g1a2b-1'],
    ['1.2.0-rc-1', '1.2.0~rc-1-1'],
    ['0.0.1-0', '0.0.1~0-1'],
  ])('%s → %s', (input, expected) => {
    expect(debVersion(p(input))).toBe(expected);
  });

  it.each([
    [{ release: 3 }, '1.2.0-3'],
    [{ release: '2ubuntu1' }, '1.2.0-2ubuntu1'],
    [{ release: '' }, '1.2.0'],
    [{ epoch: 2 }, '2:1.2.0-1'],
    [{ epoch: 0 }, '1.2.0-1'],
  ])('options %j → %s', (opts, expected) => {
    expect(debVersion(p('1.2.0'), opts)).toBe(expected);
  });

  it.each([
    [p('1.2.0'), { release: '1-2' }, /revision "1-2"/],
    [p('1.2.0'), { release: 'a b' }, /revision "a b"/],
    [p('1.2.0'), { epoch: -1 }, /epoch/],
    [p('1.2.0'), { epoch: 1.5 }, /epoch/],
    [p('1.2.0-rc-1'), { release: '' }, /needs a Debian revision/],
    [loose('nightly'), {}, /starts with a digit/],
    [loose('1.2_3'), {}, /only letters, digits and \. \+ ~ -/],
  ])('refuses %j %j', (v, opts, message) => {
    expect(() => debVersion(v, opts)).toThrow(message);
    expect(() => debVersion(v, opts)).toThrow(ConfigurationError);
  });

  it('passes non-semver through', () => {
    expect(debVersion(loose('2024.01.05'))).toBe('2024.01.05-1');
  });
});

describe('rpmVersion', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0~rc.1'],
    ['1.2.0+g1a2b', '1.2.0+g1a2b'],
    ['1.2.0-rc.1+g1a2b', '1.2.0~rc.1+g1a2b'],
    ['1.2.0-rc-1+build-5', '1.2.0~rc_1+build_5'],
  ])('%s → %s', (input, expected) => {
    const r = rpmVersion(p(input));
    expect(r).toEqual({ version: expected, release: '1' });
    expect(r.version).not.toContain('-');
  });

  it('takes a release', () => {
    expect(rpmVersion(p('1.2.0'), { release: 4 })).toEqual({ version: '1.2.0', release: '4' });
  });

  it.each([
    [p('1.2.0'), { release: '1-1' }],
    [p('1.2.0'), { release: '' }],
    [loose('2024-01-05'), {}],
  ])('refuses %j %j', (v, opts) => {
    expect(() => rpmVersion(v, opts)).toThrow(ConfigurationError);
  });
});

describe('pacmanVersion', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0rc.1'],
    ['1.2.0+g1a2b', '1.2.0+g1a2b'],
    ['1.2.0-beta-2+b-1', '1.2.0beta_2+b_1'],
  ])('%s → %s', (input, expected) => {
    expect(pacmanVersion(p(input))).toBe(expected);
  });

  it.each(['1.2.0-1', '1.2.0-0.3.7'])('refuses the numeric prerelease %s (it would sort after the release)', (input) => {
    expect(() => pacmanVersion(p(input))).toThrow(/would sort after 1\.2\.0 in pacman/);
  });

  it('refuses a non-semver version with a hyphen', () => {
    expect(() => pacmanVersion(loose('2024-01-05'))).toThrow(ConfigurationError);
  });
});

describe('snapVersion', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+g1a2b', '1.2.0+g1a2b'],
  ])('%s → %s', (input, expected) => {
    expect(snapVersion(p(input))).toBe(expected);
  });

  it('refuses more than 32 characters', () => {
    expect(() => snapVersion(p('1.2.0-rc.1+g0123456789abcdef01234'))).toThrow(/33 characters/);
  });

  it('refuses a last character snapd rejects', () => {
    expect(() => snapVersion(loose('1.2.'))).toThrow(ConfigurationError);
  });
});

describe('wingetVersion', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+g1a2b', '1.2.0'],
  ])('%s → %s', (input, expected) => {
    expect(wingetVersion(p(input))).toBe(expected);
  });

  it('refuses characters a folder name cannot hold', () => {
    // parseVersion never yields these; the guard is for hand-built versions.
    const v = { ...loose('1.2'), raw: '1:2', version: '1:2' };
    expect(() => wingetVersion(v)).toThrow(/no \\ \/ : \*/);
  });
});

describe('chocolateyVersion', () => {
  it.each([
    ['1.2.0', {}, '1.2.0'],
    ['1.2.0-rc.1', {}, '1.2.0-rc.1'],
    ['1.2.0-rc.1', { semver1: true }, '1.2.0-rc1'],
    ['1.2.0+g1a2b', {}, '1.2.0'],
  ])('%s %j → %s', (input, opts, expected) => {
    expect(chocolateyVersion(p(input), opts)).toBe(expected);
  });

  it('drops leading zeros that choco 2 rejects', () => {
    expect(chocolateyVersion(loose('2024.01.05'))).toBe('2024.1.5');
  });

  it('refuses what NuGet cannot version', () => {
    expect(() => chocolateyVersion(loose('nightly'))).toThrow(ConfigurationError);
    expect(() => chocolateyVersion(loose('1.2.3.4.5'))).toThrow(ConfigurationError);
  });
});

describe('homebrewVersion', () => {
  it.each([
    ['v1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+g1a2b', '1.2.0'],
  ])('%s → %s', (input, expected) => {
    expect(homebrewVersion(p(input))).toBe(expected);
  });
});

describe('scoopVersion', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+g1a2b', '1.2.0+g1a2b'],
  ])('%s → %s', (input, expected) => {
    expect(scoopVersion(p(input))).toBe(expected);
  });
});

describe('macportsVersion', () => {
  it('maps final releases and drops build metadata', () => {
    expect(macportsVersion(p('1.2.0'))).toBe('1.2.0');
    expect(macportsVersion(p('1.2.0+g1a2b'))).toBe('1.2.0');
  });
  it('refuses prereleases', () => {
    expect(() => macportsVersion(p('1.2.0-rc.1'))).toThrow(/no prerelease ordering/);
  });
});

describe('ociTag', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['1.2.0+g1a2b', '1.2.0_g1a2b'],
    ['1.2.0-rc.1+g1a2b.3', '1.2.0-rc.1_g1a2b.3'],
  ])('%s → %s', (input, expected) => {
    expect(ociTag(p(input))).toBe(expected);
  });

  it('refuses tags over 128 characters', () => {
    expect(() => ociTag(p(`1.2.0-${'a'.repeat(130)}`))).toThrow(ConfigurationError);
  });

  it('refuses characters a registry rejects', () => {
    expect(() => ociTag(loose('1.2~rc1'))).toThrow(ConfigurationError);
  });
});
