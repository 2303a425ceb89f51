// npm run bench: our writers against the native tools on the same payload, printed as ratios.
// Timings are medians of BENCH_RUNS runs (default 3) of whole processes (node start-up included
// for ours). Peak RSS is measured on a 1 GiB payload. Nothing here asserts: it measures.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZE_MB = Number(process.env.BENCH_MB ?? 60);
const RSS_GB = Number(process.env.BENCH_RSS_GB ?? 1);
const only = process.env.BENCH_ONLY?.split(',');
// BENCH_WORK keeps the payload and outputs in a fixed directory (for profiling); else a temp dir.
const keep = process.env.BENCH_WORK;
const work = keep ? (mkdirSync(keep, { recursive: true }), resolve(keep)) : mkdtempSync(join(tmpdir(), 'pa-bench-'));
const EPOCH = '1700000000';

/** A deterministic xorshift PRNG, so every run packs the same bytes. */
function prng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/**
 * Binary-like bytes: mostly "functions" drawn (with a skew, as hot code repeats) from a pool of
 * random bodies with zero runs, each copy with a few bytes changed (like relocations), plus
 * string tables and incompressible sections.
 */
function binaryLike(size, seed) {
  const rnd = prng(seed);
  const bodies = Array.from({ length: 10000 }, () => Buffer.from(Array.from({ length: 48 + (rnd() % 400) }, () => (rnd() % 100 < 30 ? 0 : rnd() & 0xff))));
  const words = ['container', 'runtime', 'error', 'image', 'layer', 'mount', 'namespace', 'cgroup', 'vm', 'kernel', 'failed', 'config', 'servin'];
  const out = Buffer.alloc(size);
  let o = 0;
  while (o < size) {
    const kind = rnd() % 100;
    let chunk;
    if (kind < 85) {
      const a = rnd() % 10000;
      chunk = Buffer.from(bodies[Math.floor((a * a) / 10000)]);
      for (let k = 0; k < 6; k++) chunk[rnd() % chunk.length] = rnd() & 0xff;
    } else if (kind < 93) {
      chunk = Buffer.from(`${words[rnd() % words.length]}: ${words[rnd() % words.length]} %s\0`);
    } else {
      chunk = Buffer.from(Array.from({ length: 64 }, () => rnd() & 0xff));
    }
    o += chunk.copy(out, o);
  }
  return out;
}

function makePayload(dir, mb) {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'share'), { recursive: true });
  const big = join(dir, 'bin', 'servin');
  const fd = openSync(big, 'w');
  const block = 16 << 20;
  for (let written = 0, i = 0; written < mb * (1 << 20); written += block, i++) writeSync(fd, binaryLike(Math.min(block, mb * (1 << 20) - written), 42 + i));
  closeSync(fd);
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, 'share', `file-${String(i).padStart(2, '0')}.txt`), `Servin resource ${i}\n`.repeat(20 + i * 13));
}

function config(dir, payload, compression) {
  const path = join(dir, `bench-${compression.replace(':', '-')}.yml`);
  writeFileSync(path, [
    'name: servin-bench', 'version: 1.0.0', 'summary: benchmark payload for package-actions',
    'description: Deterministic binary-like payload for comparing package writers.',
    'maintainer: Bench <bench@example.org>', 'platforms: [{os: linux, arch: amd64}]',
    'contents:', `  - src: ${payload}/bin/servin`, '    dst: /usr/bin/servin', '    file_info: {mode: "0755"}',
    `  - src: ${payload}/share`, '    dst: /usr/share/servin-bench', `deb: {compression: "${compression}"}`, '',
  ].join('\n'));
  return path;
}

function stage(dir, payload) {
  const root = join(dir, 'stage');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  mkdirSync(join(root, 'usr', 'share'), { recursive: true });
  cpSync(join(payload, 'bin', 'servin'), join(root, 'usr', 'bin', 'servin'));
  cpSync(join(payload, 'share'), join(root, 'usr', 'share', 'servin-bench'), { recursive: true });
  writeFileSync(join(root, 'DEBIAN', 'control'), 'Package: servin-bench\nVersion: 1.0.0-1\nArchitecture: amd64\nMaintainer: Bench <bench@example.org>\nDescription: benchmark payload\n payload\n');
  return root;
}

/** Wall time and peak RSS of one process, through GNU time when present, else spawnSync timing. */
function timed(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...env }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, rssMb: rssKb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(label, ours, theirs) {
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(ours().seconds);
    b.push(theirs().seconds);
  }
  const row = { case: label, ours: median(a), native: median(b) };
  row.ratio = row.ours / row.native;
  console.log(`${label.padEnd(56)} ours ${row.ours.toFixed(2).padStart(7)} s   native ${row.native.toFixed(2).padStart(7)} s   ratio ${row.ratio.toFixed(2)}x`);
  return row;
}

function hasTimeTool() {
  try {
    execFileSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!hasTimeTool()) {
  console.error('bench needs GNU time (/usr/bin/time): apt-get install time');
  process.exit(2);
}
console.log(`package-actions bench: ${SIZE_MB} MB payload, ${RUNS} runs each, ${availableParallelism()} cores\n`);
const payload = join(work, 'payload');
makePayload(payload, SIZE_MB);
const root = stage(work, payload);
const out = join(work, 'out');
const rows = [];

const ourDeb = (compression, threads) => () => timed(process.execPath, [CLI, 'build-deb', '--config', config(work, payload, compression), '--output-dir', out, '--threads', String(threads), '--allow-external-src']);
const dpkgDeb = (z, level, extra = []) => () => timed('dpkg-deb', ['--root-owner-group', `-Z${z}`, `-z${level}`, ...extra, '--build', root, join(work, 'native.deb')]);
// Context, not a target: our .deb carries DEBIAN/md5sums (md5 of every file) and dpkg-deb's does
// not; in a Debian build dh_md5sums writes it first. This native side does the same work.
const dpkgDebWithMd5sums = (z, level, extra = []) => () =>
  timed('sh', ['-c', `cd "$1" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums && dpkg-deb --root-owner-group -Z${z} -z${level} ${extra.join(' ')} --build . "$2"; s=$?; rm -f DEBIAN/md5sums; exit $s`, 'sh', root, join(work, 'native.deb')]);

/** rpmbuild -bb of a minimal spec that installs the same prebuilt payload (no compile, no post-processing). */
function rpmSpec(payload, payloadCompressor) {
  const top = join(work, 'rpmbuild');
  mkdirSync(join(top, 'SPECS'), { recursive: true });
  const spec = join(top, 'SPECS', 'bench.spec');
  writeFileSync(spec, [
    'Name: servin-bench', 'Version: 1.0.0', 'Release: 1', 'Summary: benchmark payload', 'License: MIT', 'BuildArch: x86_64',
    '%define __os_install_post %{nil}', '%define _build_id_links none', '%define debug_package %{nil}', `%define _binary_payload ${payloadCompressor}`,
    '%description', 'benchmark payload', '%install', 'mkdir -p %{buildroot}/usr/bin %{buildroot}/usr/share/servin-bench',
    `cp ${payload}/bin/servin %{buildroot}/usr/bin/servin`, `cp ${payload}/share/* %{buildroot}/usr/share/servin-bench/`,
    '%files', '/usr/bin/servin', '/usr/share/servin-bench', '',
  ].join('\n'));
  return { top, spec };
}
const ourRpm = (compression, threads, extra = []) => () => timed(process.execPath, [CLI, 'build-rpm', '--config', rpmConfig(work, payload, compression), '--output-dir', out, '--threads', String(threads), '--allow-external-src', ...extra]);
const rpmbuild = (payloadCompressor) => () => {
  const { top, spec } = rpmSpec(payload, payloadCompressor);
  return timed('rpmbuild', ['-bb', '--nodeps', '--define', `_topdir ${top}`, '--quiet', spec]);
};
function rpmConfig(dir, payloadDir, compression) {
  const path = join(dir, `bench-rpm-${compression.replace(':', '-')}.yml`);
  writeFileSync(path, [
    'name: servin-bench', 'version: 1.0.0', 'summary: benchmark payload for package-actions',
    'description: Deterministic binary-like payload for comparing package writers.', 'license: MIT',
    'maintainer: Bench <bench@example.org>', 'platforms: [{os: linux, arch: amd64}]',
    'contents:', `  - src: ${payloadDir}/bin/servin`, '    dst: /usr/bin/servin', '    file_info: {mode: "0755"}',
    `  - src: ${payloadDir}/share`, '    dst: /usr/share/servin-bench', `rpm: {compression: "${compression}"}`, '',
  ].join('\n'));
  return path;
}

const cases = [
  // dpkg-deb compresses zstd on all cores by default (--threads-max), as ours does with threads 0.
  ['deb zstd -3, both on all cores', ourDeb('zstd', 0), dpkgDeb('zstd', 3)],
  ['deb zstd -3, single thread (--threads-max=1)', ourDeb('zstd', 1), dpkgDeb('zstd', 3, ['--threads-max=1'])],
  ['deb zstd -3, single thread, native also writes md5sums', ourDeb('zstd', 1), dpkgDebWithMd5sums('zstd', 3, ['--threads-max=1'])],
  ['deb gzip -9, single thread', ourDeb('gzip', 1), dpkgDeb('gzip', 9)],
  ['deb gzip -9, ours on all cores', ourDeb('gzip', 0), dpkgDeb('gzip', 9)],
  ['deb xz -6, single thread (--threads-max=1)', ourDeb('xz', 1), dpkgDeb('xz', 6, ['--threads-max=1'])],
  ['deb xz -6, ours on all cores vs dpkg 1 thread', ourDeb('xz', 0), dpkgDeb('xz', 6, ['--threads-max=1'])],
  ['deb xz -6, both on all cores', ourDeb('xz', 0), dpkgDeb('xz', 6)],
  // rpm: the same compressor and level on both sides (zstd at 3, as the w3.zstdio).
  ['rpm zstd -3, single thread', ourRpm('zstd:3', 1), rpmbuild('w3.zstdio')],
  ['rpm zstd -3, both on all cores (w3T)', ourRpm('zstd:3', 0), rpmbuild('w3T.zstdio')],
  ['rpm gzip -9, single thread', ourRpm('gzip', 1), rpmbuild('w9.gzdio')],
  ['rpm gzip -9, ours on all cores', ourRpm('gzip', 0), rpmbuild('w9.gzdio')],
  ['rpm xz -6, single thread', ourRpm('xz', 1), rpmbuild('w6.xzdio')],
  ['rpm xz -6, ours on all cores vs rpmbuild 1 thread', ourRpm('xz', 0), rpmbuild('w6.xzdio')],
  ['rpm xz -6, both on all cores (w6T)', ourRpm('xz', 0), rpmbuild('w6T.xzdio')],
];
for (const [label, ours, theirs] of cases) if (!only || only.some((o) => label.includes(o))) rows.push(compare(label, ours, theirs));

if (!only || only.includes('sign')) {
  // Signing: our in-process signer (the bundle's signing module) against gpg, same 60 MB file, same key.
  const { build } = await import('esbuild');
  const signer = join(work, 'sign', 'bench-sign.mjs');
  // Bundled the way scripts/build.mjs bundles what ships (minified, names kept).
  await build({ entryPoints: [join(ROOT, 'scripts/bench-sign.ts')], bundle: true, splitting: true, minify: true, keepNames: true, platform: 'node', target: 'node24', format: 'esm', outdir: join(work, 'sign'), outExtension: { '.js': '.mjs' }, logLevel: 'error', banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" } });
  const home = mkdtempSync(join(tmpdir(), 'pa-bench-gpg-'));
  const gpg = (...args) => execFileSync('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args]);
  gpg('--quick-gen-key', 'Bench <bench@example.org>', 'rsa3072', 'sign', '1y');
  const key = join(home, 'key.asc');
  writeFileSync(key, gpg('--armor', '--export-secret-keys', 'bench@example.org'));
  const file = join(payload, 'bin', 'servin');
  rows.push(compare(`sign ${SIZE_MB} MB, armored detached (RSA 3072)`, () => timed(process.execPath, [signer, key, file, join(work, 'ours.asc')]), () => timed('gpg', ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', '--armor', '--detach-sign', '-o', join(work, 'gpg.asc'), file])));
  const rpmKey = ['--signing-key-file', key];
  const rpmsign = () => {
    const r1 = rpmbuild('w3.zstdio')();
    const rpm = join(work, 'rpmbuild', 'RPMS', 'x86_64', 'servin-bench-1.0.0-1.x86_64.rpm');
    const r2 = timed('rpmsign', ['--define', `_gpg_path ${home}`, '--define', '_gpg_name bench@example.org', '--define', '__gpg /usr/bin/gpg', '--define', "_gpg_sign_cmd_extra_args --batch --pinentry-mode loopback --passphrase ''", '--addsign', rpm]);
    return { seconds: r1.seconds + r2.seconds, rssMb: Math.max(r1.rssMb, r2.rssMb) };
  };
  rows.push(compare('rpm zstd -3 signed (build-rpm vs rpmbuild + rpmsign)', ourRpm('zstd:3', 1, rpmKey), rpmsign));
}

if (!only || only.some((o) => o.startsWith('engine'))) {
  // The compressors alone: ours in-process on a buffer already in memory (no start-up, no I/O)
  // against the CLI compressing the same file to /dev/null (its start-up is a millisecond). This
  // is the floor under the package rows above: what the engine itself costs.
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'scripts/bench-engine.ts')], bundle: true, minify: true, keepNames: true, platform: 'node', target: 'node24', format: 'esm', outdir: join(work, 'engine'), outExtension: { '.js': '.mjs' }, loader: { '.wasm': 'binary' }, logLevel: 'error', banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" } });
  const engine = join(work, 'engine', 'bench-engine.mjs');
  const file = join(payload, 'bin', 'servin');
  console.log('\ncompressor alone (ours in-process vs the CLI, one thread):');
  for (const [kind, level, cli] of [['zstd', 3, ['zstd', '-3', '-T1', '-q', '-c']], ['gzip', 9, ['gzip', '-9', '-n', '-c']], ['xz', 6, ['xz', '-6', '-T1', '-c']]]) {
    if (only && !only.includes('engine') && !only.includes(`engine ${kind}`)) continue;
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(Number(execFileSync(process.execPath, [engine, kind, String(level), '1', file], { encoding: 'utf8' }).split(' ')[0]) / 1000);
      const t0 = process.hrtime.bigint();
      execFileSync('sh', ['-c', `${cli.join(' ')} "$1" > /dev/null`, 'sh', file]);
      theirs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const row = { case: `${kind} -${level} engine`, ours: median(ours), native: median(theirs) };
    row.ratio = row.ours / row.native;
    console.log(`${row.case.padEnd(56)} ours ${row.ours.toFixed(2).padStart(7)} s   native ${row.native.toFixed(2).padStart(7)} s   ratio ${row.ratio.toFixed(2)}x`);
    rows.push(row);
  }
}

if (!only || only.includes('rss')) {
  console.log(`\npeak RSS building a ${RSS_GB} GiB payload (zstd -3 and gzip -9 on all cores):`);
  const bigPayload = join(work, 'big');
  makePayload(bigPayload, RSS_GB * 1024);
  for (const [compression, threads] of [['zstd', 1], ['gzip', 0]]) {
    const r = timed(process.execPath, [CLI, 'build-deb', '--config', config(work, bigPayload, compression), '--output-dir', out, '--threads', String(threads), '--allow-external-src']);
    console.log(`  ours ${compression} threads=${threads}: ${r.rssMb.toFixed(0)} MB peak RSS, ${r.seconds.toFixed(1)} s, deb ${(statSync(join(out, 'servin-bench_1.0.0-1_amd64.deb')).size / 1e6).toFixed(0)} MB`);
  }
  rmSync(bigPayload, { recursive: true, force: true });
}
if (!keep) rmSync(work, { recursive: true, force: true });
