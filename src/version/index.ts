export { parseVersion, parseReleases, compareVersions, stripPrefix, DEFAULT_TAG_PREFIX, type ParsedVersion, type ParseOptions } from './parse.js';
export {
  debVersion,
  rpmVersion,
  pacmanVersion,
  snapVersion,
  wingetVersion,
  chocolateyVersion,
  homebrewVersion,
  scoopVersion,
  macportsVersion,
  ociTag,
} from './formats.js';
export { dockerTags, previousVersion, isLatest } from './releases.js';
export { detectVersion, isReleaseTag, SOURCES, type SourceMode, type VersionOrigin, type DetectOptions, type DetectedVersion } from './detect.js';
export { ExecGit, parseDescribe, type GitPort, type Describe } from './git.js';
