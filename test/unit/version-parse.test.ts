import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../src/core/errors.js';
import { parseReleases, parseVersion } from '../../src/version/parse.js';

describe('parseVersion', () => {
  it.each([
    ['v1.2.0', {}, { version: '1.2.0', major: 1, minor: 2, patch: 0, prerelease: '', build: '', isPrerelease: false }],
    ['1.2.0', {}, { version: '1.2.0', prerelease: '' }],
    [' v1.2.0-rc.1\n', {}, { raw: 'v1.2.0-rc.1', version: '1.2.0-rc.1', prerelease: 'rc.1', isPrerelease: true }],
    ['v1.2.0+g1a2b', {}, { version: '1.2.0+g1a2b', build: 'g1a2b', isPrerelease: false }],
    ['v1.2.0-rc.1+g1a2b.5', {}, { version: '1.2.0-rc.1+g1a2b.5', prerelease: 'rc.1', build: 'g1a2b.5' }],
    ['cli/v10.20.30', { tagPrefix: 'cli/v' }, { version: '10.20.30', major: 10, minor: 20, patch: 30 }],
    // An explicit version keeps working with a custom prefix.
    ['v3.0.0', { tagPrefix: 'cli/v' }, { version: '3.0.0' }],
    ['release-2.0.0-beta-2', { tagPrefix: 'release-' }, { version: '2.0.0-beta-2', prerelease: 'beta-2' }],
  ])('%s %j', (input, opts, expected) => {
    const v = parseVersion(input, opts);
    expect(v).toMatchObject({ ...expected, semver: true });
  });

  it.each(['1.2', 'v1', '01.2.3', '1.2.3.4', 'latest', 'v', '', '1.2.3-', '1.2.3-rc..1', 'vv1.2.3', '=1.2.3'])('refuses %j', (input) => {
    expect(() => parseVersion(input)).toThrow(ConfigurationError);
  });

  it('explains what SemVer looks like and how to opt out', () => {
    try {
      parseVersion('v1.2');
      throw new Error('expected a ConfigurationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigurationError);
      const err = e as ConfigurationError;
      expect(err.message).toContain('"v1.2" is not a semantic version (did you mean 1.2.0?)');
      expect(err.message).toContain('MAJOR.MINOR.PATCH');
      expect(err.fix).toContain('allow-non-semver: true');
    }
  });

  it.each([
    ['2024.01.05', { version: '2024.01.05', major: 2024, minor: 1, patch: 5 }],
    ['v1.2', { version: '1.2', major: 1, minor: 2, patch: 0 }],
    ['nightly', { version: 'nightly', major: 0, minor: 0, patch: 0 }],
  ])('accepts non-semver %s when allowed', (input, expected) => {
    expect(parseVersion(input, { allowNonSemver: true })).toMatchObject({ ...expected, semver: false, isPrerelease: false, prerelease: '' });
  });

  it.each(['1 2', 'a/b', '-1', 'x'.repeat(129), 'ver:1'])('refuses unusable %j even when non-semver is allowed', (input) => {
    expect(() => parseVersion(input, { allowNonSemver: true })).toThrow(/cannot be used as a version even with allow-non-semver/);
  });
});

describe('parseReleases', () => {
  it('keeps SemVer tags and drops the rest', () => {
    expect(parseReleases(['v1.0.0', 'docs-2024', 'v1.1', '2.0.0-rc.1', 'latest']).map((v) => v.version)).toEqual(['1.0.0', '2.0.0-rc.1']);
  });
});
