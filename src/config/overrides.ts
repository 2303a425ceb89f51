import { ConfigurationError } from '../core/errors.js';
import type { LoadedConfig, OverridableConfig, PackageConfig } from './types.js';

/**
 * The config as one packager sees it (nfpm semantics): keys in `overrides.<format>` replace
 * the top-level ones, lists included (replaced, not appended); `deb`/`rpm` blocks merge key
 * by key. Contents entries limited to another `packager` are dropped. Pure: returns a copy.
 */
export function configFor(loaded: LoadedConfig, format: string): PackageConfig {
  const { overrides, ...base } = structuredClone(loaded.config);
  const out: Record<string, unknown> & PackageConfig = base;
  const o: OverridableConfig | undefined = overrides?.[format];
  if (o) {
    for (const [key, value] of Object.entries(o)) {
      if (value === undefined) continue;
      if (key === 'deb' || key === 'rpm') out[key] = { ...(out[key] as object | undefined), ...(value as object) };
      else out[key] = value;
    }
  }
  out.contents = out.contents.filter((c) => c.packager === undefined || c.packager === format);
  return out;
}

/** Values from action inputs or CLI flags; each one set beats the file. */
export interface ConfigInputs {
  name?: string;
  version?: string;
  /** A number, or the input's text (validated here). */
  release?: number | string;
  epoch?: number | string;
}

/** Applies input overrides (inputs beat the file). Empty strings mean "not given". Pure. */
export function applyInputs(loaded: LoadedConfig, inputs: ConfigInputs): LoadedConfig {
  const config: PackageConfig = { ...loaded.config };
  const name = inputs.name?.trim();
  if (name) config.name = name;
  const version = inputs.version?.trim();
  if (version) config.version = version;
  const release = wholeNumber(inputs.release, 'release');
  if (release !== undefined) config.release = release;
  const epoch = wholeNumber(inputs.epoch, 'epoch');
  if (epoch !== undefined) config.epoch = epoch;
  return { file: loaded.file, baseDir: loaded.baseDir, config, locate: (p) => loaded.locate(p) };
}

function wholeNumber(v: number | string | undefined, input: string): number | undefined {
  if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  const n = typeof v === 'number' ? v : /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ConfigurationError(`input "${input}" must be a whole number ≥ 0; got ${JSON.stringify(v)}`, { fix: `set ${input}: 1 (or leave it empty to use the config's value)` });
  }
  return n;
}
