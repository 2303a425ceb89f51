// Branch names and titles are deterministic from package and version: reruns find their own work.
import { describe, expect, test } from '@jest/globals';
import { homebrewBody, homebrewBranch, homebrewTitle } from '../../src/actions/update-homebrew-tap/pull-request.js';
import { wingetBody, wingetBranch, wingetTitle } from '../../src/actions/submit-winget-pr/pull-request.js';
import { branchName, isValidBranchName, refComponent } from '../../src/pr-flow/index.js';

describe('branch names', () => {
  test('channel, package and version, the same on every run', () => {
    expect(branchName('homebrew', 'servin', '0.9.2')).toBe('package-actions/homebrew/servin-0.9.2');
    expect(branchName('winget', 'Servin.Servin', '1.2.0-rc.1+build.5')).toBe('package-actions/winget/Servin.Servin-1.2.0-rc.1+build.5');
    expect(homebrewBranch('node@20', '20.1.0')).toBe('package-actions/homebrew/node-20-20.1.0');
    expect(wingetBranch('Servin.Servin', '0.9.2')).toBe('package-actions/winget/Servin.Servin-0.9.2');
  });

  test.each([
    ['1.0~rc1', 'x-1.0-rc1'],
    ['..hidden', 'x-.hidden'],
    ['a b:c^d', 'x-a-b-c-d'],
    ['tool.lock', 'x-tool-lock'],
  ])('characters git refuses are replaced: %s', (version, component) => {
    expect(refComponent(`x-${version}`)).toBe(component);
    expect(isValidBranchName(branchName('scoop', 'x', version))).toBe(true);
  });

  test('isValidBranchName follows git check-ref-format', () => {
    for (const ok of ['main', 'package-actions/homebrew/servin-0.9.2', 'a+b/c_d']) expect(isValidBranchName(ok)).toBe(true);
    for (const bad of ['', '/a', 'a/', 'a..b', 'a//b', 'a.lock', 'a/.b', 'a b', 'a~b', 'a^b', 'a:b', 'a?b', 'a*b', 'a[b', 'a\\b', 'a@{b', '@', 'a.']) expect(isValidBranchName(bad)).toBe(false);
  });
});

describe('titles and bodies', () => {
  test('Homebrew: homebrew-core\'s commit style', () => {
    expect(homebrewTitle({ formula: 'servin', version: '0.9.2', newFormula: true })).toBe('servin 0.9.2 (new formula)');
    expect(homebrewTitle({ formula: 'servin', version: '0.9.3', newFormula: false })).toBe('servin 0.9.3');
    const body = homebrewBody({ formula: 'servin', version: '0.9.2', newFormula: false, tap: 'servin/homebrew-tap', releaseUrl: 'https://github.com/servin/servin/releases/tag/v0.9.2', platforms: ['darwin/arm64', 'linux/amd64'] });
    expect(body).toContain('Updates `servin` to 0.9.2 in servin/homebrew-tap.');
    expect(body).toContain('darwin/arm64, linux/amd64');
  });

  test('WinGet: winget-pkgs\' "New version:" / "New package:" titles', () => {
    expect(wingetTitle({ identifier: 'Servin.Servin', version: '0.9.2', newPackage: false })).toBe('New version: Servin.Servin version 0.9.2');
    expect(wingetTitle({ identifier: 'Servin.Servin', version: '0.9.2', newPackage: true })).toBe('New package: Servin.Servin version 0.9.2');
    const body = wingetBody({ identifier: 'Servin.Servin', version: '0.9.2', newPackage: true, releaseUrl: 'https://r', installers: [{ arch: 'x64', url: 'https://x64.zip' }], verified: true });
    expect(body).toContain('First submission of Servin.Servin');
    expect(body).toContain('- x64: https://x64.zip');
    expect(body).toContain('matched InstallerSha256');
  });
});
