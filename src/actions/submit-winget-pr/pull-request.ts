// winget-pkgs' conventions for a submission (FORMATS.md 8.5): one version per pull request,
// "New version:" or "New package:" titles, a branch named after the identifier and version.
import { branchName } from '../../pr-flow/index.js';

export interface WingetSubmission {
  identifier: string;
  version: string;
  /** The identifier has no folder in winget-pkgs yet: the first submission. */
  newPackage: boolean;
  releaseUrl: string;
  installers: { arch: string; url: string }[];
  verified: boolean;
}

export function wingetBranch(identifier: string, version: string): string {
  return branchName('winget', identifier, version);
}

export function wingetTitle(s: Pick<WingetSubmission, 'identifier' | 'version' | 'newPackage'>): string {
  return `${s.newPackage ? 'New package' : 'New version'}: ${s.identifier} version ${s.version}`;
}

export function wingetBody(s: WingetSubmission): string {
  const lines = [
    s.newPackage ? `First submission of ${s.identifier}: version ${s.version}.` : `${s.identifier} version ${s.version}.`,
    '',
    `Release: ${s.releaseUrl}`,
    '',
    `Installers (portable zip; each URL answered before submitting${s.verified ? ', and its download matched InstallerSha256' : ''}):`,
    ...s.installers.map((i) => `- ${i.arch}: ${i.url}`),
    '',
    'Submitted by package-actions submit-winget-pr; the manifests follow schema 1.12.0.',
  ];
  return `${lines.join('\n')}\n`;
}
