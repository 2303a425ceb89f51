import { ConfigurationError } from '../core/errors.js';
import type { Packager } from './types.js';

const packagers = new Map<string, Packager>();

export function registerPackager(p: Packager): void {
  packagers.set(p.format, p);
}

export function getPackager(format: string): Packager {
  const p = packagers.get(format);
  if (!p) throw new ConfigurationError(`unknown package format "${format}"`, { fix: `use one of: ${[...packagers.keys()].join(', ')}` });
  return p;
}

export function packagerFormats(): string[] {
  return [...packagers.keys()];
}
