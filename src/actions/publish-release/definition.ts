import { DEFAULT_CONFIG_PATH } from '../../config/default-path.js';
import type { ActionDefinition } from '../../core/run.js';
import { SIGNING_INPUTS } from '../../signing/inputs.js';
import { TOKEN_DEFAULT } from './token.js';

export const publishReleaseAction: ActionDefinition = {
  name: 'publish-release',
  description: 'Create or update a GitHub Release safely: draft, upload (skipping identical assets), SHA256SUMS over the whole release, signatures, install scripts, then publish.',
  inputs: {
    'working-directory': { description: 'Directory the config and files paths are relative to.', default: '.' },
    config: { description: 'The package-actions config (used for install scripts; optional).', default: DEFAULT_CONFIG_PATH },
    tag: { description: 'Release tag, e.g. v1.2.3. Default: from version, else the pushed tag.' },
    version: { description: 'Version (e.g. detect-version\'s output); the tag is tag-prefix + version.' },
    'tag-prefix': { description: 'Prefix of release tags.', default: 'v' },
    files: { description: 'Newline-separated paths or globs of the files to attach (e.g. build-deb and build-rpm outputs).' },
    name: { description: 'Release title (default: the tag). Used when the release is created.' },
    body: { description: 'Release notes (Markdown). Used when the release is created.' },
    'body-file': { description: 'File holding the release notes.' },
    'generate-notes': { description: 'Let GitHub generate the notes when the release is created.', default: 'false', kind: 'boolean' },
    draft: { description: 'Leave the release a draft (matrix jobs; a final job without draft publishes).', default: 'false', kind: 'boolean' },
    prerelease: { description: 'true or false; default: true for a semver prerelease.' },
    'make-latest': { description: 'true or false; default: true only for the highest stable version.' },
    checksums: { description: 'Name of the checksums asset, covering every asset of the release.', default: 'SHA256SUMS' },
    sign: { description: 'With a signing key, sign SHA256SUMS (SHA256SUMS.asc) and attach the public key; false leaves the release unsigned.', default: 'true', kind: 'boolean' },
    'sign-files': { description: 'With a signing key, also attach a .asc for every file (SHA256SUMS.asc is always made).', default: 'false', kind: 'boolean' },
    'public-key-name': { description: 'Asset name of the public key attached with a signing key.', default: 'KEY.asc' },
    'install-script': { description: 'Attach install.sh and install.ps1 that verify SHA256SUMS before installing.', default: 'true', kind: 'boolean' },
    repository: { description: 'owner/name of the repository (default: the workflow\'s).' },
    target: { description: 'Commit the tag is created at when it does not exist (default: GITHUB_SHA).' },
    token: { description: 'Token with contents: write on the repository.', default: TOKEN_DEFAULT, kind: 'secret' },
    'dry-run': { description: 'Read the release and print every change it would make; write nothing.', default: 'false', kind: 'boolean' },
    ...SIGNING_INPUTS,
  },
  outputs: {
    'release-id': { description: 'Numeric id of the release.' },
    'html-url': { description: 'Web page of the release.' },
    'upload-url': { description: 'upload_url of the release.' },
    assets: { description: 'JSON list of {name, url, size, sha256} for every asset of the release.' },
    tag: { description: 'The release tag.' },
  },
  async run(ctx) {
    return (await import('./run.js')).runPublishRelease(ctx);
  },
};
