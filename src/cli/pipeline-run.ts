import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildPackages, type BuiltFile } from '../build/build-packages.js';
import { sha256File } from '../build/checksum.js';
import { loadConfig } from '../config/index.js';
import type { PackageConfig } from '../config/types.js';
import { formulaPath, renderFormula } from '../homebrew/index.js';
import { githubAssetName } from '../release/asset-names.js';
import { renderChecksums } from '../release/checksums.js';
import { renderWingetManifests, wingetArch } from '../winget/index.js';
import { installScripts } from '../release/generated.js';
import { loadSigner, signerFromInputs, type Signer } from '../signing/index.js';
import type { RunContext } from '../core/run.js';

/**
 * The Homebrew formula and the WinGet manifests the release would get (what update-homebrew-tap
 * and submit-winget-pr would commit), from the archives just built: urls point at the release.
 */
async function manifests(out: string, config: PackageConfig, version: string, downloads: string, built: BuiltFile[], file: string): Promise<{ path: string; name: string }[]> {
  const made: { path: string; name: string }[] = [];
  const archives = built.filter((f) => /\.(tar\.gz|zip)$/.test(f.name));
  const url = (f: BuiltFile) => `${downloads}/${githubAssetName(f.name)}`;
  const formulaAssets = archives.flatMap((f) => (f.platform.os === 'darwin' || f.platform.os === 'linux') && (f.platform.arch === 'amd64' || f.platform.arch === 'arm64') ? [{ os: f.platform.os, arch: f.platform.arch, url: url(f), sha256: f.sha256 }] : []);
  if (formulaAssets.length) {
    const path = join(out, 'homebrew', formulaPath(config));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, renderFormula({ config, version, assets: formulaAssets, file }));
    made.push({ path, name: basename(path) });
  }
  const installers = archives.flatMap((f) => {
    const arch = f.platform.os === 'windows' ? wingetArch(f.platform) : undefined;
    return arch ? [{ arch, url: url(f), sha256: f.sha256 }] : [];
  });
  if (installers.length) {
    for (const m of renderWingetManifests({ config, version, installers, file })) {
      const path = join(out, 'winget', m.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, m.content);
      made.push({ path, name: basename(path) });
    }
  }
  return made;
}

/** The formats the pipeline builds, each into its own folder of the output directory. */
const FORMATS = ['deb', 'rpm', 'archive'];

/** The work of the pipeline command (its metadata is in pipeline.ts). */
export async function runPipeline({ io, inputs, env, cwd }: RunContext): Promise<Record<string, string>> {
  const outputDir = inputs.required('output-dir');
  const workdir = inputs.required('working-directory');
  let signer: Signer | undefined;
  const makeSigner = async (date: Date) => {
    if (signer) return signer;
    signer = await signerFromInputs(inputs, { date, log: io });
    if (!signer) {
      io.warning('no signing-key given: signing with a throwaway key made for this run (its public key is KEY.asc); use a real key for releases');
      const { throwawayKey } = await import('../signing/throwaway.js');
      signer = await loadSigner(await throwawayKey('package-actions'), { date, log: io });
    }
    return signer;
  };
  const all: BuiltFile[] = [];
  for (const format of FORMATS) {
    const files = await buildPackages(
      { format, workdir, configPath: inputs.required('config'), version: inputs.string('version'), arch: [], outputDir: join(outputDir, format), dryRun: false, threads: inputs.integer('threads') ?? 0, allowExternalSrc: false, signer: makeSigner },
      { io, env, cwd },
    );
    all.push(...files);
  }
  const out = resolve(cwd, workdir, outputDir);
  const shown = (p: string) => relative(cwd, p).split('\\').join('/');
  const extra = await io.group('Release files: KEY.asc, install scripts, SHA256SUMS', async () => {
    const made: { path: string; name: string }[] = [];
    const write = async (name: string, text: string) => {
      await writeFile(join(out, name), text);
      made.push({ path: join(out, name), name });
    };
    await mkdir(out, { recursive: true });
    if (signer) await write('KEY.asc', signer.publicKeyArmored);
    const loaded = await loadConfig(resolve(cwd, workdir, inputs.required('config')), { cwd: resolve(cwd, workdir) });
    const version = inputs.string('version') ?? loaded.config.version ?? '';
    const repo = inputs.string('repository') ?? env.GITHUB_REPOSITORY ?? 'OWNER/REPO';
    const assets = [...all.map((f) => f.name), ...made.map((m) => m.name)];
    for (const s of await installScripts(out, { config: loaded.config, version, tag: `v${version}`, repo, serverUrl: inputs.string('server-url') ?? env.GITHUB_SERVER_URL ?? 'https://github.com', assetNames: assets, checksumsName: 'SHA256SUMS', signer, publicKeyName: 'KEY.asc' })) made.push({ path: s.path, name: s.name });
    // The packages were hashed when they were written; only the files made here are read.
    const sums = all.map((b) => ({ name: b.name, sha256: b.sha256 }));
    for (const f of made) sums.push({ name: f.name, sha256: await sha256File(f.path) });
    for (const f of all.filter((b) => b.signature)) sums.push({ name: `${f.name}.asc`, sha256: await sha256File(resolve(cwd, f.signature as string)) });
    const text = renderChecksums(sums);
    await write('SHA256SUMS', text);
    if (signer) await write('SHA256SUMS.asc', await signer.signDetachedArmored(Buffer.from(text)));
    made.push(...(await manifests(out, loaded.config, version, `${inputs.string('server-url') ?? env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repo}/releases/download/v${version}`, all, loaded.file)));
    return made;
  });
  const written = [...all.flatMap((f) => [f.path, ...(f.signature ? [f.signature] : [])]), ...extra.map((m) => shown(m.path))];
  const rows = [
    ...all.map((f) => ({ name: f.path, size: f.size, sha256: f.sha256, status: f.signature ? 'signed (.asc)' : signer && f.name.endsWith('.rpm') ? 'signed' : '' })),
    ...(await Promise.all(extra.map(async (m) => ({ name: shown(m.path), size: (await stat(m.path)).size, sha256: await sha256File(m.path) })))),
  ];
  await io.summaryFiles(`package-actions pipeline: ${written.length} files in ${shown(out)}`, rows, signer ? `signed by ${signer.fingerprint}${inputs.string('signing-key') ? '' : ' (a throwaway key made for this run)'}` : undefined);
  return { files: JSON.stringify(written) };
}
