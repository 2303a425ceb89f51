import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { PackageConfig } from '../config/types.js';
import { contentPrograms } from '../contents/programs.js';
import { renderInstallPs1, renderInstallSh, selectAsset } from '../install-script/index.js';
import type { Signer } from '../signing/types.js';
import type { LocalAsset } from './local-files.js';

/** A file publish-release makes itself (install scripts, KEY.asc, SHA256SUMS), written to a temp dir. */
export async function generatedAsset(dir: string, name: string, content: string): Promise<LocalAsset> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const bytes = Buffer.from(content, 'utf8');
  await writeFile(path, bytes);
  return { path, name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), renamed: false };
}

export interface InstallScriptContext {
  config: PackageConfig;
  version: string;
  tag: string;
  repo: string;
  serverUrl: string;
  assetNames: string[];
  checksumsName: string;
  signer?: Signer;
  publicKeyName?: string;
}

/** install.sh and install.ps1 for the release's archives; none when the release has no archive for any platform. */
export async function installScripts(dir: string, ctx: InstallScriptContext): Promise<LocalAsset[]> {
  const input = {
    name: ctx.config.name,
    version: ctx.version,
    tag: ctx.tag,
    repo: ctx.repo,
    serverUrl: ctx.serverUrl,
    platforms: ctx.config.platforms,
    // SHA256SUMS (and its signature) are written after the scripts, so that they cover them.
    assets: [...new Set([...ctx.assetNames, ctx.checksumsName, ...(ctx.signer ? [`${ctx.checksumsName}.asc`, ctx.publicKeyName ?? ''] : [])])].filter(Boolean),
    binaries: contentPrograms(ctx.config),
    checksumsAsset: ctx.checksumsName,
    publicKeyAsset: ctx.signer ? ctx.publicKeyName : undefined,
    publicKeyFingerprint: ctx.signer?.primaryFingerprint,
  };
  const out: LocalAsset[] = [];
  const unix = ctx.config.platforms.some((p) => p.os !== 'windows' && selectAsset(input, p.os, p.arch));
  const windows = ctx.config.platforms.some((p) => p.os === 'windows' && selectAsset(input, p.os, p.arch));
  if (unix) out.push(await generatedAsset(dir, 'install.sh', renderInstallSh(input)));
  if (windows) out.push(await generatedAsset(dir, 'install.ps1', renderInstallPs1(input)));
  return out;
}
