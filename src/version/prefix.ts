/** The tag prefix of `v1.2.3`. Its own module: action metadata (input defaults) needs it without loading semver. */
export const DEFAULT_TAG_PREFIX = 'v';
