/** The config file model. Key names follow nfpm where the concept is the same. */

export const OSES = ['linux', 'darwin', 'windows'] as const;
export const ARCHES = ['amd64', 'arm64', 'arm', '386'] as const;
export type Os = (typeof OSES)[number];
export type Arch = (typeof ARCHES)[number];

export interface Platform {
  os: Os;
  arch: Arch;
}

export const CONTENT_TYPES = ['file', 'config', 'config|noreplace', 'doc', 'dir', 'symlink'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface FileInfoSpec {
  /** Octal string such as "0755". */
  mode?: string;
  owner?: string;
  group?: string;
}

export interface ContentSpec {
  /** File, directory or glob relative to the config's base directory; the link target for symlinks. */
  src?: string;
  /** Absolute install path. */
  dst: string;
  type?: ContentType;
  file_info?: FileInfoSpec;
  /** Only include this entry for one packager (deb, rpm, ...); see PACKAGERS. */
  packager?: string;
  /** Only include this entry for these platforms' archs (Go names). */
  arch?: Arch[];
}

export interface Scripts {
  preinstall?: string;
  postinstall?: string;
  preremove?: string;
  postremove?: string;
}

/** Packagers that `overrides.<format>` and `contents[].packager` may name (the roadmap's formats that use contents). */
export const PACKAGERS = ['deb', 'rpm', 'snap', 'flatpak', 'docker'] as const;
export type Packager = (typeof PACKAGERS)[number];

/**
 * Top-level blocks that later actions own; loosely typed until those actions exist.
 * `github_release` is the GitHub release block: a plain `release` key is already nfpm's
 * package revision (an integer), so the block cannot share that name.
 */
export const OWNED_BLOCKS = ['github_release', 'scoop', 'chocolatey', 'aur', 'macports', 'snap', 'flatpak', 'docker', 'apt', 'yum'] as const;

export const COMPRESSIONS = ['gzip', 'xz', 'zstd', 'none'] as const;
export type Compression = (typeof COMPRESSIONS)[number];
/** A compressor, optionally with a level as nfpm writes it: `zstd`, `zstd:19`. */
export type CompressionSetting = Compression | `${Exclude<Compression, 'none'>}:${number}`;

export interface DebConfig {
  compression?: CompressionSetting;
  section?: string;
  priority?: string;
  /** Extra control fields, written as given. */
  fields?: Record<string, string>;
}

/** rpm-only scriptlets (nfpm's `rpm.scripts`); the four common ones live in top-level `scripts`. */
export interface RpmScripts {
  pretrans?: string;
  posttrans?: string;
}

export interface RpmConfig {
  compression?: Exclude<CompressionSetting, 'none'>;
  group?: string;
  summary?: string;
  packager?: string;
  scripts?: RpmScripts;
  prefixes?: string[];
}

export const ARCHIVE_FORMATS = ['tar.gz', 'zip'] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/** One source of a release archive; `src` and `dst` are templated (`{{ .Exe }}` is ".exe" on windows). */
export interface ArchiveFileSpec {
  /** File, directory or glob relative to the working directory. */
  src: string;
  /** Relative path inside the archive (default: the source's name); a trailing / means "into this directory". */
  dst?: string;
  file_info?: ArchiveFileInfo;
}

/** Archives are unpacked by whoever downloads them: only the mode is kept, not owners. */
export interface ArchiveFileInfo {
  /** Octal string such as "0755". */
  mode?: string;
}

/** Release archives (build-archive): what install scripts, Homebrew and WinGet download. */
export interface ArchivesConfig {
  /** File name without the extension, templated. */
  name?: string;
  format?: ArchiveFormat;
  /** Format per OS; merged over the default { windows: zip }. */
  format_overrides?: Partial<Record<Os, ArchiveFormat>>;
  /** Put everything under a top-level directory named like the archive. */
  wrap_in_directory?: boolean;
  /** Default: the contents entries that install into a bin or sbin directory, at the archive root. */
  files?: ArchiveFileSpec[];
}

/**
 * WinGet manifests for microsoft/winget-pkgs (submit-winget-pr): a portable CLI installed from the
 * windows .zip release archives. Values are written as given (no templates). Defaults come from
 * the top-level keys; see schema/package-actions.schema.json for each one.
 */
export interface WingetConfig {
  /** `Publisher.Package`; permanent once published, so set it. Default: publisher and name, each word capitalised. */
  package_identifier?: string;
  /** Default: vendor, else the maintainer's name. */
  publisher?: string;
  publisher_url?: string;
  publisher_support_url?: string;
  author?: string;
  /** Default: name. */
  package_name?: string;
  moniker?: string;
  /** Lowercased, spaces become "-". */
  tags?: string[];
  /** Default: license. */
  license?: string;
  license_url?: string;
  copyright?: string;
  /** Default: summary. */
  short_description?: string;
  /** Default: description. */
  description?: string;
  /** Programs in the windows zip (`<command>.exe` at its root), each put on PATH under its name. Default: [name]. */
  commands?: string[];
  minimum_os_version?: string;
  /** Put the install directory on PATH instead of command aliases (for programs that need sibling DLLs). */
  archive_binaries_depend_on_path?: boolean;
}

/** Keys that `overrides.<format>` may replace. */
export interface OverridableConfig {
  name?: string;
  release?: number;
  epoch?: number;
  summary?: string;
  description?: string;
  homepage?: string;
  license?: string;
  maintainer?: string;
  vendor?: string;
  contents?: ContentSpec[];
  scripts?: Scripts;
  depends?: string[];
  recommends?: string[];
  suggests?: string[];
  conflicts?: string[];
  replaces?: string[];
  provides?: string[];
  deb?: DebConfig;
  rpm?: RpmConfig;
}

export interface PackageConfig extends OverridableConfig {
  name: string;
  version?: string;
  release: number;
  summary: string;
  description?: string;
  maintainer: string;
  platforms: Platform[];
  contents: ContentSpec[];
  overrides?: Partial<Record<string, OverridableConfig>>;
  archives?: ArchivesConfig;
  homebrew?: HomebrewConfig;
  winget?: WingetConfig;
  /** Blocks later actions own (homebrew, winget, release, ...) are kept as parsed. */
  [block: string]: unknown;
}

/** A config file after parsing and validation, with a way back to source lines. */
export interface LoadedConfig {
  /** Path as the user gave it (used in messages and annotations). */
  file: string;
  /** Directory that relative `src` paths and scripts resolve against. */
  baseDir: string;
  config: PackageConfig;
  /** Line/column (1-based) of a field given as a JSON pointer such as `/contents/2/dst`. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/** Homebrew's dependency tags (`depends_on "x" => :build`); none means a runtime dependency. */
export const HOMEBREW_DEPENDENCY_TYPES = ['build', 'test', 'optional', 'recommended'] as const;
export type HomebrewDependencyType = (typeof HOMEBREW_DEPENDENCY_TYPES)[number];

/** One `depends_on` of the formula. */
export interface HomebrewDependencySpec {
  /** Formula name, e.g. xz or servin/tap/helper. */
  name: string;
  /** Only on this OS (written inside on_macos / on_linux). */
  os?: 'darwin' | 'linux';
  type?: HomebrewDependencyType;
}

/** `service do ... end`: what `brew services start` runs. */
export interface HomebrewServiceSpec {
  /** Program (one the formula installs into bin) and its arguments, e.g. [servin, daemon]. */
  run: string[];
  keep_alive?: boolean;
  /** Relative paths are below Homebrew's var directory (log/servin.log → var/"log/servin.log"). */
  log_path?: string;
  error_log_path?: string;
  working_dir?: string;
  environment_variables?: Record<string, string>;
}

/** `test do ... end`: runs a command and checks that its output contains the version. */
export interface HomebrewTestSpec {
  /** Shell command; a first word naming an installed program runs it from the formula's bin. Default: "<program> --version". */
  command?: string;
  /** Exit status the command must end with. Default: 0. */
  exit_code?: number;
}

/**
 * Homebrew formula in a tap (update-homebrew-tap). The formula downloads the darwin/linux release
 * archives; strings may use {{ .Name }}, {{ .Version }} and {{ .Release }} (one formula covers
 * every platform, so not {{ .Os }}, {{ .Arch }} or {{ .Exe }}).
 */
export interface HomebrewConfig {
  /** Tap repository, owner/homebrew-name (owner/name means the same repository). */
  tap?: string;
  /** Formula name: Formula/<formula>.rb, `brew install owner/name/<formula>`. Default: name, lowercased. */
  formula?: string;
  /** Default: summary, fixed up for Homebrew's style rules (no leading article, capitalised, no trailing period). */
  desc?: string;
  dependencies?: HomebrewDependencySpec[];
  caveats?: string;
  /** Ruby lines added to `def install` after the generated ones (programs, completions, man pages). */
  install?: string[];
  service?: HomebrewServiceSpec;
  test?: HomebrewTestSpec;
}
