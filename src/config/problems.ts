import { ConfigurationError } from '../core/errors.js';
import { pointerToField } from './pointer.js';
import type { YamlSource } from './yaml-source.js';

/**
 * One thing wrong with the config, before it has a line number. `message` continues the
 * field path (`must be …`); `at` says whether to point at the key or at the value.
 */
export interface Problem {
  pointer: string;
  at: 'key' | 'value';
  message: string;
  fix: string;
}

/** Turns problems into errors that name the file, line, column and field. */
export function toErrors(problems: Problem[], file: string, source: YamlSource): ConfigurationError[] {
  const seen = new Set<string>();
  const located = problems
    .filter((p) => {
      const id = `${p.pointer}\0${p.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map((p) => {
      const pos = p.at === 'key' ? source.locateKey(p.pointer) : source.locateValue(p.pointer);
      return { p, pos };
    });
  located.sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0));
  return located.map(({ p, pos }) => {
    const field = pointerToField(p.pointer);
    const subject = field === '' ? 'the config' : field;
    return new ConfigurationError(`${subject} ${p.message}`, {
      location: { file, line: pos?.line, column: pos?.column, field: field === '' ? undefined : field },
      fix: p.fix,
    });
  });
}
