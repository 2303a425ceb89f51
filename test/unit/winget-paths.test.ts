import { describe, expect, it } from '@jest/globals';
import { configError } from '../support/config-errors.js';
import { identifierProblem, manifestDir, manifestFileNames, MANIFEST_VERSION } from '../../src/winget/index.js';

describe('manifestDir', () => {
  it.each([
    ['Servin.Servin', '0.9.2', 'manifests/s/Servin/Servin/0.9.2'],
    ['Microsoft.VisualStudio.Code', '1.96.0', 'manifests/m/Microsoft/VisualStudio/Code/1.96.0'],
    ['junegunn.fzf', '0.57.0', 'manifests/j/junegunn/fzf/0.57.0'],
    ['Äpfel.Tool', '1.0', 'manifests/ä/Äpfel/Tool/1.0'],
    ['9x.Tool-Beta', '1.2.0-rc.1', 'manifests/9/9x/Tool-Beta/1.2.0-rc.1'],
  ])('%s %s → %s', (id, version, dir) => {
    expect(manifestDir(id, version)).toBe(dir);
  });

  it('keeps the identifier case in folders (winget-pkgs is case-sensitive) and lowercases only the first letter folder', () => {
    expect(manifestDir('ACME.Tool', '1.0.0').split('/')).toEqual(['manifests', 'a', 'ACME', 'Tool', '1.0.0']);
  });

  it.each([
    ['Servin', 'at least two parts'],
    ['A.B.C.D.E.F.G.H.I', '9 parts'],
    ['Servin Project.Servin', 'space'],
    ['Servin..Servin', 'empty part'],
    ['.Servin.Servin', 'empty part'],
    ['Servin.Servin.', 'empty part'],
    ['Servin/Tools.Servin', '\\ / :'],
    ['Servin.Ser:vin', '\\ / :'],
    ['Servin.Ser\tvin', 'space'],
    [`${'A'.repeat(33)}.B`, 'longer than 32'],
    [Array.from({ length: 5 }, () => 'A'.repeat(32)).join('.'), 'limit is 128'],
  ])('refuses identifier %j (%s) naming winget.package_identifier', (id, why) => {
    const e = configError(() => manifestDir(id, '1.0.0'));
    expect(e.message).toContain(why);
    expect(e.location?.field).toBe('winget.package_identifier');
    expect(e.fix).toMatch(/Publisher\.Package|Servin\.Servin/);
  });

  it('accepts the limits themselves: 8 parts, 32-character parts', () => {
    expect(identifierProblem('A.B.C.D.E.F.G.H')).toBeUndefined();
    expect(identifierProblem(`${'A'.repeat(32)}.${'B'.repeat(32)}`)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['trailing dot', '1.0.'],
    ['trailing space', '1.0 '],
    ['..', '..'],
    ['slash', '1/2'],
    ['colon', '1:2'],
    ['pipe', 'a|b'],
    ['129 characters', 'x'.repeat(129)],
  ])('refuses a version folder with %s', (_what, version) => {
    const e = configError(() => manifestDir('Servin.Servin', version));
    expect(e.location?.field).toBe('version');
  });
});

describe('manifest file names', () => {
  it('names the version, installer and en-US defaultLocale manifests after the identifier', () => {
    expect(manifestFileNames('Servin.Servin')).toEqual({
      version: 'Servin.Servin.yaml',
      installer: 'Servin.Servin.installer.yaml',
      defaultLocale: 'Servin.Servin.locale.en-US.yaml',
    });
  });

  it('targets manifest schema 1.12.0, what winget-pkgs accepts', () => {
    expect(MANIFEST_VERSION).toBe('1.12.0');
  });
});
