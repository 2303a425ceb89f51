import { buildAction } from '../../build/build-action.js';

export const buildArchiveAction = buildAction(
  'build-archive',
  'archive',
  'Build release archives (.tar.gz for linux and macOS, .zip for Windows) for every platform in the config, in-process, with a detached .asc signature when a key is given.',
  { signing: true },
);
