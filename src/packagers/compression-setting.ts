// `deb.compression` / `rpm.compression`: a compressor, optionally with a level after a colon, as
// nfpm writes it (`zstd:19`, `gzip:6`). The schema checks the shape; this checks the level range
// for the compressor and fills in the format's default level.
import type { CompressionKind } from '../archive/compress/index.js';
import { XZ_MAX_LEVEL } from '../archive/compress/xz.js';
import { ConfigurationError } from '../core/errors.js';

export interface CompressionSetting {
  kind: CompressionKind;
  level: number;
}

const RANGES: Record<Exclude<CompressionKind, 'none'>, [number, number]> = {
  gzip: [1, 9],
  xz: [0, XZ_MAX_LEVEL],
  zstd: [1, 19],
};

/**
 * Parses `value` (already shaped by the schema). `defaults` gives the level when none is written;
 * `field` and `file` place the error on the config line.
 */
export function parseCompression(value: string, defaults: Record<CompressionKind, number>, file: string, field: string): CompressionSetting {
  const [name, written] = value.split(':') as [CompressionKind, string | undefined];
  if (name === 'none') {
    if (written !== undefined) throw new ConfigurationError(`${field} "none" takes no level`, { location: { file, field }, fix: `write ${field}: none` });
    return { kind: 'none', level: 0 };
  }
  const range = RANGES[name];
  if (!range) throw new ConfigurationError(`${field} "${value}" names no known compressor`, { location: { file, field }, fix: `write gzip, xz or zstd, optionally with a level: zstd:19` });
  if (written === undefined) return { kind: name, level: defaults[name] };
  const level = Number(written);
  const [min, max] = range;
  if (!Number.isInteger(level) || level < min || level > max) {
    throw new ConfigurationError(`${field} "${value}": ${name} levels run from ${min} to ${max}`, { location: { file, field }, fix: `write ${name}:${Math.min(Math.max(Number.isFinite(level) ? level : defaults[name], min), max)}, or ${name} alone for level ${defaults[name]}` });
  }
  return { kind: name, level };
}
