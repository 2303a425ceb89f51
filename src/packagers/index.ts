// Every package format, registered once: importing this module is how the build core (and so
// every action and the CLI) gets them all, whichever entry point loaded it.
import './archive/index.js';
import './deb/index.js';
import './rpm/index.js';

export { getPackager, packagerFormats, registerPackager } from './registry.js';
export type { PackageInfo, PackageOptions, Packager, ResolvedScripts } from './types.js';
