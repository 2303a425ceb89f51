import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/index.js';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';
import { configErrors } from '../support/config-errors.js';

const FILE = '.github/package-actions.yml';
const y = (...lines: string[]) => lines.join('\n') + '\n';

/** Lines 1-8 of a valid config; cases append from line 9 or swap single lines. */
const BASE = [
  'name: servin',
  'summary: Container runtime',
  'maintainer: Jane Doe <jane@example.org>',
  'platforms:',
  '  - { os: linux, arch: amd64 }',
  'contents:',
  '  - src: dist/servin',
  '    dst: /usr/bin/servin',
];
const withLines = (...extra: string[]) => y(...BASE, ...extra);
const replacing = (line: number, text: string, ...extra: string[]) => y(...BASE.map((l, i) => (i === line - 1 ? text : l)), ...extra);

const errorsOf = (text: string): ConfigurationError[] => configErrors(() => parseConfig(text, FILE, '/repo'));

interface Expected {
  line: number;
  column?: number;
  field?: string;
  message: RegExp | string;
  fix?: RegExp | string;
}

const match = (actual: string | undefined, want: RegExp | string) => (typeof want === 'string' ? expect(actual).toBe(want) : expect(actual).toMatch(want));

const cases: [string, string, Expected[]][] = [
  // unknown keys and did-you-mean
  ['typo from other tools', withLines('dependencies: [libc6]'), [{ line: 9, column: 1, field: 'dependencies', message: 'dependencies is not a known key at the top level; did you mean `depends`?', fix: 'rename `dependencies` to `depends`' }]],
  [
    'plural maintainer, so the real key is missing too',
    replacing(3, 'maintainers: Jane Doe <jane@example.org>'),
    [
      { line: 1, column: 1, field: 'maintainer', message: /^maintainer is required: who maintains the package/, fix: 'add maintainer: Jane Doe <jane@example.org>' },
      { line: 3, column: 1, field: 'maintainers', message: /did you mean `maintainer`\?/ },
    ],
  ],
  ['edit distance 2 (transposition)', withLines('homepgae: https://example.org'), [{ line: 9, field: 'homepgae', message: /did you mean `homepage`\?/ }]],
  ['nothing near: list what is allowed', withLines('colour: red'), [{ line: 9, field: 'colour', message: /^colour is not a known key at the top level; allowed: name, version, release, .*, yum$/, fix: /^remove `colour`/ }]],
  ['key one level too high', withLines('    mode: "0755"'), [{ line: 9, column: 5, field: 'contents[0].mode', message: 'contents[0].mode is not a known key; it belongs under `file_info:`', fix: 'move `mode` under `file_info:`' }]],
  ['compression outside deb/rpm', withLines('compression: xz'), [{ line: 9, field: 'compression', message: /belongs under `deb:` or `rpm:`/ }]],
  ['typo inside a nested block', withLines('deb:', '  sektion: admin'), [{ line: 10, column: 3, field: 'deb.sektion', message: /did you mean `section`\?/ }]],
  ['unknown override format', withLines('overrides:', '  debian:', '    depends: [libc6]'), [{ line: 10, column: 3, field: 'overrides.debian', message: /did you mean `deb`\?/ }]],
  ['key that cannot be overridden', withLines('overrides:', '  deb:', '    platforms: []'), [{ line: 11, column: 5, field: 'overrides.deb.platforms', message: /is not a known key; allowed: name, release/ }]],
  ['GitHub release block under the revision key', withLines('release:', '  draft: true'), [{ line: 10, column: 3, field: 'release', message: 'release must be an integer ≥ 0, got a mapping', fix: /called `github_release:`/ }]],

  // wrong types
  ['release not a number', withLines('release: abc'), [{ line: 9, column: 10, field: 'release', message: 'release must be an integer ≥ 0, got "abc"', fix: 'write it like release: 1' }]],
  ['release quoted', withLines('release: "2"'), [{ line: 9, field: 'release', message: 'release must be an integer ≥ 0, got "2"', fix: 'write release: 2 without quotes' }]],
  ['release negative', withLines('release: -1'), [{ line: 9, field: 'release', message: 'release must be >= 0, got the number -1' }]],
  ['version read as a float', withLines('version: 1.10'), [{ line: 9, column: 10, field: 'version', message: 'version must be a string, got the number 1.1 (YAML reads 1.10 as a number)', fix: 'quote it: version: "1.10"' }]],
  ['a list given as a string', withLines('depends: libc6'), [{ line: 9, field: 'depends', message: 'depends must be a list of strings, got "libc6"', fix: 'write it as a list: depends: [libc6]' }]],
  ['empty value', withLines('vendor:'), [{ line: 9, column: 1, field: 'vendor', message: 'vendor must be a string, got nothing (the key has no value)', fix: 'give `vendor` a value or remove the line' }]],
  ['contents entry as a plain string', withLines('  - dist/servin-gui'), [{ line: 9, column: 5, field: 'contents[1]', message: 'contents[1] must be a mapping, got "dist/servin-gui"' }]],
  ['owned block must be a mapping', withLines('homebrew: servin/tap'), [{ line: 9, field: 'homebrew', message: 'homebrew must be a mapping, got "servin/tap"' }]],
  ['empty list', replacing(5, '  []'), [{ line: 5, field: 'platforms', message: 'platforms must list at least one entry', fix: /add an entry, e.g. platforms: \[ \{ os: linux, arch: amd64 \} \]/ }]],

  // enums
  ['enum with a near value', withLines('    type: conf'), [{ line: 9, column: 11, field: 'contents[0].type', message: 'contents[0].type must be one of "file", "config", "config|noreplace", "doc", "dir", "symlink", got "conf"', fix: 'write type: config' }]],
  ['arch by its uname name', replacing(5, '  - { os: linux, arch: x86_64 }'), [{ line: 5, column: 24, field: 'platforms[0].arch', message: /must be one of "amd64", "arm64", "arm", "386", got "x86_64"/, fix: 'write arch: amd64' }]],
  ['deb compression', withLines('deb:', '  compression: bz2'), [{ line: 10, column: 16, field: 'deb.compression', message: 'deb.compression must be gzip, xz, zstd or none, optionally with a level after a colon (zstd:19), got "bz2"', fix: 'write compression: xz, or with a level: compression: zstd:19' }]],
  ['deb compression level written with a dash', withLines('deb:', '  compression: zstd-19'), [{ line: 10, field: 'deb.compression', message: /optionally with a level after a colon \(zstd:19\), got "zstd-19"/ }]],
  ['rpm has no "none" compression', withLines('rpm:', '  compression: none'), [{ line: 10, field: 'rpm.compression', message: /must be gzip, xz or zstd, optionally with a level after a colon \(zstd:19\), got "none"/ }]],
  ['packager filter', withLines('    packager: debian'), [{ line: 9, field: 'contents[0].packager', message: /must be one of "deb", "rpm"/, fix: 'write packager: deb' }]],

  // required keys
  ['no name', y(...BASE.slice(1)), [{ line: 1, column: 1, field: 'name', message: /^name is required: package name/, fix: 'add name: servin' }]],
  ['neither summary nor description', y(BASE[0]!, ...BASE.slice(2)), [{ line: 1, column: 1, field: undefined, message: 'the config needs `summary` (one line) or `description`' }]],
  [
    'contents entry without dst',
    withLines('  - src: README.md'),
    [{ line: 9, column: 5, field: 'contents[1].dst', message: /^contents\[1\]\.dst is required: absolute install path/, fix: /^add dst: / }],
  ],

  // semantic checks
  ['debian package name', replacing(1, 'name: Servin_App'), [{ line: 1, column: 7, field: 'name', message: /"Servin_App" is not a valid Debian package name/, fix: /^use servin-app, or .* set overrides\.deb\.name$/ }]],
  ['debian name from overrides', withLines('overrides:', '  deb:', '    name: Servin'), [{ line: 11, column: 11, field: 'overrides.deb.name', message: /"Servin" is not a valid Debian package name/, fix: 'use servin' }]],
  ['mode not octal', withLines('    file_info: { mode: "0999" }'), [{ line: 9, column: 24, field: 'contents[0].file_info.mode', message: /must be an octal mode of 3 or 4 digits .*, got "0999"/, fix: 'write mode: "0755" (quoted, octal)' }]],
  ['mode above 07777', withLines('    file_info: { mode: "17777" }'), [{ line: 9, field: 'contents[0].file_info.mode', message: /octal mode/ }]],
  ['mode unquoted', withLines('    file_info:', '      mode: 0755'), [{ line: 10, column: 13, field: 'contents[0].file_info.mode', message: /got the number 755 \(YAML reads 0755 as a number\)/, fix: 'quote it: mode: "0755"' }]],
  ['symlink without target', withLines('  - dst: /usr/sbin/servind', '    type: symlink'), [{ line: 9, column: 5, field: 'contents[1]', message: 'contents[1] is a symlink without `src` (the link target)' }]],
  ['dir with src', withLines('  - dst: /var/lib/servin', '    src: data', '    type: dir'), [{ line: 10, column: 5, field: 'contents[1].src', message: /is set on a `dir` entry/ }]],
  ['file without src', withLines('  - dst: /etc/servin/servin.yaml', '    type: config'), [{ line: 9, field: 'contents[1]', message: 'contents[1] has no `src` (the file to install)' }]],
  ['relative dst', replacing(8, '    dst: usr/bin/servin'), [{ line: 8, column: 10, field: 'contents[0].dst', message: 'contents[0].dst must be an absolute path starting with /, got "usr/bin/servin"', fix: 'write dst: /usr/bin/servin' }]],
  ['dst with backslashes', replacing(8, '    dst: /usr\\bin\\servin'), [{ line: 8, field: 'contents[0].dst', message: /contains backslashes/, fix: 'write dst: /usr/bin/servin' }]],
  ['dst with a drive letter', replacing(8, '    dst: C:/Program Files/servin'), [{ line: 8, field: 'contents[0].dst', message: /is a Windows path/ }]],
  ['dst with ..', replacing(8, '    dst: /usr/bin/../../etc/passwd'), [{ line: 8, field: 'contents[0].dst', message: /must not contain \.\. segments/ }]],
  ['duplicate platform', replacing(5, '  - { os: linux, arch: amd64 }\n  - { os: linux, arch: arm64 }\n  - { os: linux, arch: amd64 }'), [{ line: 7, column: 5, field: 'platforms[2]', message: 'platforms[2] repeats linux/amd64 (already platforms[0])' }]],
  ['control field we write', withLines('deb:', '  fields:', '    Depends: libc6'), [{ line: 11, column: 5, field: 'deb.fields.Depends', message: /sets Depends, which package-actions writes itself/, fix: "remove it and use the config's `depends` instead" }]],
  ['bad control field name', withLines('deb:', '  fields:', '    "Bad Field": x'), [{ line: 11, column: 5, field: 'deb.fields["Bad Field"]', message: /is not a valid control field name/ }]],
  ['maintainer without email', replacing(3, 'maintainer: Jane Doe'), [{ line: 3, column: 13, field: 'maintainer', message: 'maintainer must look like "Full Name <email@example.org>", got "Jane Doe"', fix: 'add an email: maintainer: "Jane Doe <email@example.org>"' }]],
  ['homepage without scheme', withLines('homepage: example.org'), [{ line: 9, field: 'homepage', message: /must be an http:\/\/ or https:\/\/ URL/, fix: 'write homepage: https://example.org' }]],
  ['multi-line summary', replacing(2, 'summary: "one\\ntwo"'), [{ line: 2, field: 'summary', message: 'summary must be a single line' }]],

  // templates
  ['unknown template variable', replacing(7, '  - src: dist/servin_{{ .Target }}/servin'), [{ line: 7, column: 10, field: 'contents[0].src', message: /^contents\[0\]\.src uses unknown template variable \{\{ \.Target \}\}; allowed: \{\{ \.Name \}\}, \{\{ \.Version \}\}/ }]],
  ['template variable in the wrong case', withLines('description: "{{ .version }} build"'), [{ line: 9, field: 'description', message: /unknown template variable \{\{ \.version \}\}/, fix: 'write {{ .Version }} (names are case-sensitive)' }]],
  ['template without a dot', replacing(8, '    dst: /usr/bin/{{ Name }}'), [{ line: 8, field: 'contents[0].dst', message: /without the leading dot/, fix: 'write {{ .Name }}' }]],
  ['unclosed template', replacing(8, '    dst: /usr/bin/{{ .Name'), [{ line: 8, field: 'contents[0].dst', message: /has "\{\{" without a closing "\}\}"/ }]],
  ['unquoted template is a YAML mapping', withLines('version: {{ .Version }}'), [{ line: 9, column: 10, field: 'version', message: 'version is an unquoted template, which YAML reads as a mapping', fix: 'quote it: version: "{{ .Version }}"' }]],
];

describe('config errors', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const errors = errorsOf(text);
    expect(errors.map((e) => `${e.location?.line}:${e.location?.field}`)).toEqual(expected.map((x) => `${x.line}:${x.field}`));
    errors.forEach((err, i) => {
      const want = expected[i]!;
      expect(err.location?.file).toBe(FILE);
      if (want.column !== undefined) expect(err.location?.column).toBe(want.column);
      match(err.message, want.message);
      expect(err.fix).toBeTruthy();
      if (want.fix !== undefined) match(err.fix, want.fix);
    });
  });
});

describe('YAML-level errors', () => {
  const yamlCases: [string, string, { line: number; column: number; message: RegExp; fix?: RegExp }[]][] = [
    ['unclosed flow list', y('name: servin', 'depends: [libc6, bash', 'summary: x'), [{ line: 3, column: 1, message: /^YAML syntax error: Flow sequence .* end with a \]/ }]],
    ['tab indentation', y('platforms:', '\t- { os: linux, arch: amd64 }'), [{ line: 2, column: 1, message: /Tabs are not allowed/, fix: /indent with spaces/ }]],
    ['unclosed quote', y('name: servin', 'summary: "Container runtime'), [{ line: 3, column: 1, message: /Missing closing "quote/ }]],
    ['duplicate key', y('name: servin', 'summary: x', 'name: other'), [{ line: 3, column: 1, message: /^duplicate key `name`: it is already set on line 1$/, fix: /keep one `name:`/ }]],
    ['nested duplicate key', y('deb:', '  section: admin', '  section: utils'), [{ line: 3, column: 3, message: /duplicate key `section`: it is already set on line 2/ }]],
    ['two documents', y('name: a', '---', 'name: b'), [{ line: 2, column: 1, message: /multiple documents/, fix: /remove the `---`/ }]],
    ['template starting a flow context', y('dst: [{{ .Name }}'), [{ line: 2, column: 1, message: /YAML syntax error/, fix: /double quotes/ }]],
    ['empty file', '', [{ line: 1, column: 1, message: /^the config file is empty$/ }]],
    ['comments only', y('# yaml-language-server: $schema=../schema/package-actions.schema.json', '# nothing yet'), [{ line: 1, column: 1, message: /is empty/ }]],
    ['a list, not a mapping', y('- name: servin', '- summary: x'), [{ line: 1, column: 1, message: /must be a mapping of keys .*, got a list/, fix: /without a leading "- "/ }]],
    ['a single scalar', y('# header', 'servin'), [{ line: 2, column: 1, message: /got a single value \("servin"\)/ }]],
  ];
  it.each(yamlCases)('%s', (_name, text, expected) => {
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.location?.line, e.location?.column])).toEqual(expected.map((x) => [x.line, x.column]));
    errors.forEach((err, i) => {
      expect(err.location?.file).toBe(FILE);
      expect(err.message).toMatch(expected[i]!.message);
      expect(err.fix).toBeTruthy();
      if (expected[i]!.fix) expect(err.fix).toMatch(expected[i]!.fix!);
    });
  });
});

describe('reporting', () => {
  it('reports every problem at once, in line order, with file:line:column (field) and a fix', () => {
    const text = y(
      'name: servin',
      'summary: Container runtime',
      'maintainer: Jane Doe <jane@example.org>',
      'release: abc',
      'platforms:',
      '  - { os: linux, arch: amd64 }',
      'contents:',
      '  - src: dist/servin',
      '    dst: /usr/bin/servin',
      '    file_info: { mode: "0999" }',
      'dependencies: [libc6]',
    );
    let thrown: unknown;
    try {
      parseConfig(text, FILE, '/repo');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigurationErrors);
    const all = thrown as ConfigurationErrors;
    expect(all.errors.map((e) => e.location?.line)).toEqual([4, 10, 11]);
    expect(all.errors[0]!.describe()).toBe(
      '.github/package-actions.yml:4:10 (release): release must be an integer ≥ 0, got "abc"\n  fix: write it like release: 1',
    );
    expect(all.message).toMatch(/^3 problems found:\n- \.github\/package-actions\.yml:4:10 \(release\)/);
    expect(all.message).toContain('.github/package-actions.yml:11:1 (dependencies): dependencies is not a known key at the top level; did you mean `depends`?\n  fix: rename `dependencies` to `depends`');
  });

  it('keeps the roadmap blocks loosely typed and does not check their templates', () => {
    const loaded = parseConfig(withLines('scoop:', '  bucket: servin/scoop-bucket', '  url: "{{ .ReleaseURL }}"', 'github_release: { draft: true }', 'yum: {}'), FILE, '/repo');
    expect(loaded.config.scoop).toEqual({ bucket: 'servin/scoop-bucket', url: '{{ .ReleaseURL }}' });
    expect(loaded.config.github_release).toEqual({ draft: true });
  });
});
