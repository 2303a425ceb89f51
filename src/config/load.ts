import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigurationError, ConfigurationErrors } from '../core/errors.js';
import { applyDefaults } from './defaults.js';
import { DEFAULT_CONFIG_PATH } from './default-path.js';
import { isWithin } from './pointer.js';
import { toErrors, type Problem } from './problems.js';
import { validate } from './schema.js';
import { schemaProblems } from './schema-errors.js';
import { semanticProblems } from './semantic.js';
import type { LoadedConfig, PackageConfig } from './types.js';
import { YamlSource } from './yaml-source.js';

export { DEFAULT_CONFIG_PATH };

const STARTER = 'name:, maintainer:, summary:, platforms: and contents: (see schema/package-actions.schema.json)';

/**
 * Reads, parses, validates and fills in defaults. `path` is resolved against `cwd`, which is
 * also the base directory for `src` and script paths (the repository root, as in nfpm, not
 * the config's own directory: `.github/` holds no build output).
 */
export async function loadConfig(path: string, options: { cwd?: string; displayRoot?: string } = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const abs = resolve(cwd, path);
  // Annotations name files relative to the repository root, even with a working-directory.
  const shown = displayPath(options.displayRoot ? abs : path, options.displayRoot ?? cwd);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e: unknown) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigurationError(`config file ${shown} does not exist`, {
        location: { file: shown },
        fix: `create ${shown} with ${STARTER}, or point the \`config\` input at your file`,
        cause: e,
      });
    }
    if (code === 'EISDIR') throw new ConfigurationError(`config path ${shown} is a directory, not a file`, { location: { file: shown }, fix: `point it at the YAML file, e.g. ${DEFAULT_CONFIG_PATH}` });
    throw new ConfigurationError(`cannot read config file ${shown}: ${(e as Error).message}`, { location: { file: shown }, cause: e });
  }
  return parseConfig(text, shown, cwd);
}

/** Annotations want repository-relative paths; keep what the user gave otherwise. */
function displayPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/** Same as loadConfig, from text already read. Throws ConfigurationErrors listing every problem. */
export function parseConfig(text: string, file: string, baseDir: string): LoadedConfig {
  const source = YamlSource.parse(text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) {
    // Past a syntax error the data is a guess; schema errors on it would mislead.
    throw new ConfigurationErrors(
      syntax.map(
        (s) => new ConfigurationError(s.message, { location: { file, line: s.position.line, column: s.position.column }, fix: s.fix }),
      ),
    );
  }
  const data: unknown = source.doc.toJS({ maxAliasCount: 1000 });
  if (data === null || data === undefined) {
    throw new ConfigurationErrors([
      new ConfigurationError('the config file is empty', { location: { file, line: 1, column: 1 }, fix: `write at least ${STARTER}` }),
    ]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const pos = source.locateKey('');
    const got = Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data)})`;
    throw new ConfigurationErrors([
      new ConfigurationError(`the config must be a mapping of keys such as \`name: servin\`, got ${got}`, {
        location: { file, line: pos?.line, column: pos?.column },
        fix: `write top-level keys without a leading "- ": ${STARTER}`,
      }),
    ]);
  }

  const templates = source.unquotedTemplates();
  // A value flagged as an unquoted template would also fail its type check; say it once.
  const fromSchema = schemaProblems(validate(data), source).filter((p) => p.at === 'key' || !templates.some((t) => isWithin(p.pointer, t.pointer)));
  const problems: Problem[] = [...templates, ...fromSchema, ...semanticProblems(data as Record<string, unknown>)];
  if (problems.length > 0) throw new ConfigurationErrors(toErrors(problems, file, source));

  return {
    file,
    baseDir,
    config: applyDefaults(data as PackageConfig),
    locate: (pointer) => source.locateKey(pointer),
  };
}
