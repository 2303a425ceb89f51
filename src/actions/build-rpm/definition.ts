import { buildAction } from '../../build/build-action.js';

export const buildRpmAction = buildAction('build-rpm', 'rpm', 'Build .rpm packages for every linux platform in the config, in-process (no rpmbuild needed), signed when a key is given.', { signing: true });
