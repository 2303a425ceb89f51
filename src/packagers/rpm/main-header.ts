import type { PackageConfig } from '../../config/types.js';
import type { ResolvedEntry } from '../../contents/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { RPM_ISA } from './arch.js';
import { features, normalise, parseRelations, rpmlib, type Dependency } from './deps.js';
import { addFileTags, installedSize } from './files.js';
import { HeaderBuilder, REGION_IMMUTABLE } from './header.js';
import type { PayloadResult } from './payload.js';
import { addScriptlets, type RpmScriptSet } from './scriptlets.js';
import { DIGEST_SHA256, SENSE, TAG } from './tags.js';

export type RpmCompression = 'gzip' | 'xz' | 'zstd';

export interface MainHeaderInput {
  config: PackageConfig;
  name: string;
  epoch?: number;
  version: string;
  release: string;
  arch: string;
  /** Owned entries, sorted bytewise by path. */
  files: ResolvedEntry[];
  scripts: RpmScriptSet;
  payload: PayloadResult;
  compression: RpmCompression;
  level: number;
  /** SOURCE_DATE_EPOCH: BUILDTIME and the changelog date. */
  buildTime: number;
  /** The config file, for messages. */
  file: string;
}

/** Fixed, so that the same input gives the same bytes on any machine. */
export const BUILD_HOST = 'package-actions';

/** `[epoch:]version-release`, the form rpm compares and prints. */
export function evr(epoch: number | undefined, version: string, release: string): string {
  return `${epoch ? `${epoch}:` : ''}${version}-${release}`;
}

function depTags(h: HeaderBuilder, deps: Dependency[], name: number, flags: number, version: number): void {
  if (deps.length === 0) return;
  h.strings(name, deps.map((d) => d.name));
  h.int32(flags, deps.map((d) => d.flags));
  h.strings(version, deps.map((d) => d.version));
}

function noRich(deps: Dependency[], key: string, file: string): void {
  const bad = deps.find((d) => d.name.startsWith('('));
  if (bad) throw new ConfigurationError(`${key} cannot use alternatives or rich dependencies ("${bad.name}")`, { location: { file, field: key }, fix: `list each ${key === 'replaces' ? 'replaced package' : 'capability'} on its own` });
}

/** The rpmlib() features the package relies on, so that too old an rpm refuses it cleanly. */
function rpmlibRequires(input: Omit<MainHeaderInput, 'payload'>, all: Dependency[]): Dependency[] {
  const out = [rpmlib('PayloadFilesHavePrefix', '4.0-1')];
  if (input.files.length) out.push(rpmlib('CompressedFileNames', '3.0.4-1'), rpmlib('FileDigests', '4.6.0-1'));
  if (input.compression === 'xz') out.push(rpmlib('PayloadIsXz', '5.2-1'));
  if (input.compression === 'zstd') out.push(rpmlib('PayloadIsZstd', '5.4.18-1'));
  const f = features(all);
  const ver = `${input.version}-${input.release}`;
  if (f.tilde || ver.includes('~')) out.push(rpmlib('TildeInVersions', '4.10.0-1'));
  if (f.caret || ver.includes('^')) out.push(rpmlib('CaretInVersions', '4.15.0-1'));
  if (f.rich) out.push(rpmlib('RichDependencies', '4.12.0-1'));
  return out;
}

/** A one-entry changelog (rpmlint treats a package without one as an error). */
function changelog(h: HeaderBuilder, input: Omit<MainHeaderInput, 'payload'>, packager: string, fullEvr: string): void {
  // rpm changelog entries carry a date, not a time: noon UTC of the build day, as rpmbuild stores it.
  const day = Math.floor(input.buildTime / 86400) * 86400 + 43200;
  h.int32(TAG.CHANGELOGTIME, [day]);
  h.strings(TAG.CHANGELOGNAME, [`${packager} - ${fullEvr}`]);
  h.strings(TAG.CHANGELOGTEXT, [`- Release ${input.version}`]);
}

/**
 * The main header (region 63): metadata, file list, dependencies, scriptlets, payload digests.
 * In two steps, so that every config mistake is found before the payload is written: the
 * first step checks and adds everything known up front, the returned function adds what the
 * payload pass measured (file and payload digests) and writes the header.
 */
export function planMainHeader(input: Omit<MainHeaderInput, 'payload'>): (payload: PayloadResult) => Uint8Array {
  const { config, name, epoch, version, release, arch, files, file } = input;
  const h = new HeaderBuilder(REGION_IMMUTABLE);
  const fullEvr = evr(epoch, version, release);
  const summary = (config.rpm?.summary ?? config.summary).trim();
  const packager = config.rpm?.packager ?? config.maintainer;

  h.strings(TAG.HEADERI18NTABLE, ['C']);
  h.string(TAG.NAME, name).string(TAG.VERSION, version).string(TAG.RELEASE, release);
  if (epoch) h.int32(TAG.EPOCH, [epoch]);
  h.i18n(TAG.SUMMARY, summary);
  h.i18n(TAG.DESCRIPTION, config.description?.trim() || summary);
  h.int32(TAG.BUILDTIME, [input.buildTime]);
  h.string(TAG.BUILDHOST, BUILD_HOST);
  const size = installedSize(files);
  if (size > 0xffffffff) h.int64(TAG.LONGSIZE, [size]);
  else h.int32(TAG.SIZE, [size]);
  if (config.vendor) h.string(TAG.VENDOR, config.vendor);
  if (config.license) h.string(TAG.LICENSE, config.license);
  h.string(TAG.PACKAGER, packager);
  h.i18n(TAG.GROUP, config.rpm?.group ?? 'Unspecified');
  if (config.homepage) h.string(TAG.URL, config.homepage);
  h.string(TAG.OS, 'linux');
  h.string(TAG.ARCH, arch);
  const interpreters = addScriptlets(h, input.scripts, file);
  h.string(TAG.SOURCERPM, `${name}-${version}-${release}.src.rpm`);

  const hasConfig = files.some((e) => e.kind === 'file' && e.config);
  const provides = parseRelations(config.provides, 'provides', file);
  noRich(provides, 'provides', file);
  provides.push({ name, flags: SENSE.EQUAL, version: fullEvr });
  if (RPM_ISA[arch]) provides.push({ name: `${name}(${RPM_ISA[arch]})`, flags: SENSE.EQUAL, version: fullEvr });
  // rpmbuild's config(name) pair ties %config files to this exact build.
  if (hasConfig) provides.push({ name: `config(${name})`, flags: SENSE.CONFIG | SENSE.EQUAL, version: fullEvr });
  const requires = [...parseRelations(config.depends, 'depends', file), ...interpreters];
  if (hasConfig) requires.push({ name: `config(${name})`, flags: SENSE.CONFIG | SENSE.EQUAL, version: fullEvr });
  const conflicts = parseRelations(config.conflicts, 'conflicts', file);
  const obsoletes = parseRelations(config.replaces, 'replaces', file);
  noRich(obsoletes, 'replaces', file);
  const recommends = parseRelations(config.recommends, 'recommends', file);
  const suggests = parseRelations(config.suggests, 'suggests', file);
  requires.push(...rpmlibRequires(input, [...provides, ...requires, ...conflicts, ...obsoletes, ...recommends, ...suggests]));

  depTags(h, normalise(provides), TAG.PROVIDENAME, TAG.PROVIDEFLAGS, TAG.PROVIDEVERSION);
  depTags(h, normalise(requires), TAG.REQUIRENAME, TAG.REQUIREFLAGS, TAG.REQUIREVERSION);
  depTags(h, normalise(conflicts), TAG.CONFLICTNAME, TAG.CONFLICTFLAGS, TAG.CONFLICTVERSION);
  depTags(h, normalise(obsoletes), TAG.OBSOLETENAME, TAG.OBSOLETEFLAGS, TAG.OBSOLETEVERSION);
  depTags(h, normalise(recommends), TAG.RECOMMENDNAME, TAG.RECOMMENDFLAGS, TAG.RECOMMENDVERSION);
  depTags(h, normalise(suggests), TAG.SUGGESTNAME, TAG.SUGGESTFLAGS, TAG.SUGGESTVERSION);

  changelog(h, input, packager, fullEvr);
  if (config.rpm?.prefixes?.length) h.strings(TAG.PREFIXES, config.rpm.prefixes.map((p) => p.replace(/(.)\/+$/, '$1')));
  h.string(TAG.PAYLOADFORMAT, 'cpio');
  h.string(TAG.PAYLOADCOMPRESSOR, input.compression);
  h.string(TAG.PAYLOADFLAGS, String(input.level));
  h.string(TAG.ENCODING, 'utf-8');
  return (payload) => {
    addFileTags(h, files, payload.fileDigests);
    h.strings(TAG.PAYLOADDIGEST, [payload.sha256]);
    h.int32(TAG.PAYLOADDIGESTALGO, [DIGEST_SHA256]);
    h.strings(TAG.PAYLOADDIGESTALT, [payload.archiveSha256]);
    return h.build();
  };
}

export function mainHeader(input: MainHeaderInput): Uint8Array {
  return planMainHeader(input)(input.payload);
}
