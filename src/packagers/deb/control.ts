import type { PackageConfig } from '../../config/types.js';
import { ConfigurationError } from '../../core/errors.js';
import type { ResolvedEntry } from '../../contents/types.js';

const WIDTH = 79;

/** Wraps one paragraph of prose at WIDTH columns (each line gets a leading space). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH - 1) {
      lines.push(` ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(` ${line}`);
  return lines;
}

/**
 * The extended description in deb822 form: paragraphs re-flowed, blank lines as " .",
 * indented (preformatted) lines kept verbatim, as Debian policy §5.6.13 describes.
 */
export function foldDescription(description: string): string[] {
  const out: string[] = [];
  const paragraphs = description.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n/);
  for (const p of paragraphs) {
    if (out.length) out.push(' .');
    const lines = p.split('\n');
    if (lines.some((l) => /^[ \t]/.test(l))) {
      for (const l of lines) out.push(l.trim() === '.' ? ' .' : ` ${l.replace(/\t/g, '    ')}`.trimEnd());
    } else out.push(...wrap(p));
  }
  return out;
}

/** A field value with continuation lines for multi-line values. */
function fieldLines(name: string, value: string): string[] {
  const [first, ...rest] = value.replace(/\r\n?/g, '\n').split('\n');
  return [`${name}: ${first ?? ''}`.trimEnd(), ...rest.map((l) => (l.trim() === '' ? ' .' : ` ${l}`))];
}

/** dpkg's rule: every file and symlink rounded up to whole KiB, 1 KiB for each other object. */
export function installedSizeKiB(entries: ResolvedEntry[]): number {
  return entries.reduce((sum, e) => sum + (e.kind === 'dir' ? 1 : Math.ceil(e.size / 1024)), 0);
}

export interface ControlInput {
  config: PackageConfig;
  version: string;
  architecture: string;
  installedSize: number;
  file: string;
}

const RELATIONS: [keyof PackageConfig, string][] = [
  ['depends', 'Depends'],
  ['recommends', 'Recommends'],
  ['suggests', 'Suggests'],
  ['conflicts', 'Conflicts'],
  ['replaces', 'Replaces'],
  ['provides', 'Provides'],
];

const OWN_FIELDS = new Set(['package', 'version', 'architecture', 'maintainer', 'installed-size', 'description', 'section', 'priority', 'homepage', ...RELATIONS.map(([, f]) => f.toLowerCase())]);

/** The `control` file of the package. */
export function renderControl({ config, version, architecture, installedSize, file }: ControlInput): string {
  const lines: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') lines.push(...fieldLines(name, value));
  };
  add('Package', config.name);
  add('Version', version);
  add('Architecture', architecture);
  add('Maintainer', config.maintainer);
  add('Installed-Size', String(installedSize));
  for (const [key, field] of RELATIONS) {
    const list = config[key] as string[] | undefined;
    if (list?.length) add(field, list.join(', '));
  }
  add('Section', config.deb?.section ?? 'utils');
  add('Priority', config.deb?.priority ?? 'optional');
  add('Homepage', config.homepage);
  for (const [name, value] of Object.entries(config.deb?.fields ?? {})) {
    if (!/^[A-Za-z0-9][!-9;-~]*$/.test(name)) throw new ConfigurationError(`"${name}" is not a valid control field name`, { location: { file, field: `deb.fields.${name}` }, fix: 'field names are ASCII without spaces or colons, e.g. X-Servin-Channel' });
    if (OWN_FIELDS.has(name.toLowerCase())) throw new ConfigurationError(`control field "${name}" is written from the config already`, { location: { file, field: `deb.fields.${name}` }, fix: `set it through the config key instead of deb.fields` });
    add(name, value);
  }
  const synopsis = (config.summary ?? config.description?.split('\n')[0] ?? '').trim();
  const long = config.description?.trim() ? foldDescription(config.description) : [];
  lines.push(`Description: ${synopsis}`, ...long);
  return lines.join('\n') + '\n';
}
