// Names for a formula update: homebrew-core's commit style ("foo 1.2.3", "foo 1.2.3 (new formula)")
// and a branch per formula and version, so reruns find their own work.
import { branchName } from '../../pr-flow/index.js';

export interface FormulaUpdate {
  formula: string;
  version: string;
  /** The tap has no Formula/<name>.rb yet. */
  newFormula: boolean;
  tap: string;
  releaseUrl: string;
  /** `darwin/arm64`-style platforms the formula covers. */
  platforms: string[];
}

export function homebrewBranch(formula: string, version: string): string {
  return branchName('homebrew', formula, version);
}

export function homebrewTitle(u: Pick<FormulaUpdate, 'formula' | 'version' | 'newFormula'>): string {
  return `${u.formula} ${u.version}${u.newFormula ? ' (new formula)' : ''}`;
}

export function homebrewBody(u: FormulaUpdate): string {
  return [
    `${u.newFormula ? 'Adds' : 'Updates'} \`${u.formula}\` to ${u.version} in ${u.tap}.`,
    '',
    `Release: ${u.releaseUrl}`,
    `Platforms (each with its own url and sha256 from the release): ${u.platforms.join(', ')}`,
    '',
    'Created by package-actions update-homebrew-tap.',
    '',
  ].join('\n');
}
