// Where a manifest set lives in microsoft/winget-pkgs and what its files are called
// (FORMATS.md 8.2). The rules are winget's own schema patterns, so a value we accept here is one
// the validation pipeline accepts too.
import { ConfigurationError } from '../core/errors.js';

/** The newest manifest schema the winget-pkgs validation service accepts (schemas/SOURCES.md). */
export const MANIFEST_VERSION = '1.12.0';

/** The locale of the defaultLocale manifest; the only one we write. */
export const DEFAULT_LOCALE = 'en-US';

/** `PackageIdentifier` in the 1.12.0 schemas: 2 to 8 segments of 1-32 characters, ≤128 in all. */
// eslint-disable-next-line no-control-regex -- the schema's own pattern, control characters included
export const IDENTIFIER_PATTERN = /^[^.\s\\/:*?"<>|\x01-\x1f]{1,32}(\.[^.\s\\/:*?"<>|\x01-\x1f]{1,32}){1,7}$/u;

const IDENTIFIER_RULE = '2 to 8 parts separated by dots, each 1-32 characters without spaces or \\ / : * ? " < > |, at most 128 characters in all';

/** Why an identifier breaks the schema, or undefined when it is valid. */
export function identifierProblem(id: string): string | undefined {
  if (id.length > 128) return `it is ${id.length} characters long; the limit is 128`;
  if (IDENTIFIER_PATTERN.test(id)) return undefined;
  const parts = id.split('.');
  if (parts.length < 2) return 'it needs at least two parts, Publisher.Package';
  if (parts.length > 8) return `it has ${parts.length} parts; the limit is 8`;
  const empty = parts.findIndex((p) => p === '');
  if (empty >= 0) return 'it has an empty part (a leading, trailing or doubled dot)';
  const long = parts.find((p) => [...p].length > 32);
  if (long !== undefined) return `the part "${long}" is longer than 32 characters`;
  return 'a part contains a space, a control character or one of \\ / : * ? " < > |';
}

/** Throws the ConfigurationError for a bad identifier, naming the field it came from. */
export function checkIdentifier(id: string, opts: { file?: string; field?: string; derived?: string } = {}): void {
  const why = identifierProblem(id);
  if (why === undefined) return;
  const field = opts.field ?? 'winget.package_identifier';
  const what = opts.derived ? `the default WinGet identifier "${id}" (made from ${opts.derived})` : `${field} "${id}"`;
  throw new ConfigurationError(`${what} is not a valid WinGet PackageIdentifier: ${why}`, {
    location: { file: opts.file ?? '(config)', field },
    fix: `set winget.package_identifier to ${IDENTIFIER_RULE}, e.g. Servin.Servin (it is permanent once published)`,
  });
}

/** Why a PackageVersion cannot be a version folder, or undefined. */
export function versionProblem(version: string): string | undefined {
  if (version === '') return 'it is empty';
  if (version.length > 128) return `it is ${version.length} characters long; the limit is 128`;
  // Written out rather than as a regex range of control characters (no-control-regex).
  if ([...version].some((c) => c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c))) return 'it contains a control character or one of \\ / : * ? " < > |';
  // The version is also a folder name: Windows checkouts cannot hold these.
  if (version === '.' || version === '..' || /[. ]$/.test(version) || /^\s|\s$/.test(version)) return 'a folder name cannot be . or .., or start or end with a space or end with a dot';
  return undefined;
}

/**
 * `manifests/<first character, lowercased>/<one folder per identifier part>/<version>`:
 * `Servin.Servin` 0.9.2 → `manifests/s/Servin/Servin/0.9.2`. Always `/`-separated (a repository path).
 */
export function manifestDir(packageIdentifier: string, version: string): string {
  checkIdentifier(packageIdentifier);
  const why = versionProblem(version);
  if (why !== undefined) {
    throw new ConfigurationError(`version "${version}" cannot be a WinGet PackageVersion folder: ${why}`, {
      location: { file: '(config)', field: 'version' },
      fix: 'use a plain version such as 1.2.3',
    });
  }
  const first = [...packageIdentifier][0]!.toLowerCase();
  return ['manifests', first, ...packageIdentifier.split('.'), version].join('/');
}

/** The three files of a multi-file manifest set, in the order winget-pkgs lists them. */
export function manifestFileNames(packageIdentifier: string): { version: string; installer: string; defaultLocale: string } {
  return {
    version: `${packageIdentifier}.yaml`,
    installer: `${packageIdentifier}.installer.yaml`,
    defaultLocale: `${packageIdentifier}.locale.${DEFAULT_LOCALE}.yaml`,
  };
}
