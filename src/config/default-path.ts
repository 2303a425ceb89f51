/** Where the config lives unless an input says otherwise. Its own module: action metadata (input defaults) needs it without loading the config code. */
export const DEFAULT_CONFIG_PATH = '.github/package-actions.yml';
