import { buildAction } from '../../build/build-action.js';

export const buildDebAction = buildAction('build-deb', 'deb', 'Build .deb packages for every linux platform in the config, in-process (no dpkg-deb needed), with a detached .asc signature when a key is given.', { signing: true });
