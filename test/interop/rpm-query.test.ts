import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/packagers/rpm/index.js';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { readRpmHeaders } from '../../src/packagers/rpm/reader.js';
import { SIG, TAG } from '../../src/packagers/rpm/tags.js';
import { build, EPOCH, SERVIN_DIR } from '../support/build.js';
import { makeFixture } from '../support/rpm-fixture.js';
import { env, qf, sh } from '../support/rpm-tools.js';
import { requireTool } from '../support/tools.js';

// What rpm 4.18 reads back from our packages: every header field, the file list, dependencies
// and scriptlets. Installing, signatures and compressions are in the other rpm-*.test.ts files.

let servin: string;
let demo: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'pa-rpmq-'));
  const files = await build({ format: 'rpm', outputDir: out, arch: ['amd64'] });
  servin = join(out, files[0]!.name);
  const fx = makeFixture();
  demo = join(out, rpmPackager.fileName(fx.info));
  await rpmPackager.write(fx.info, demo, { threads: 1 });
});

describe('the Servin .rpm read by rpm', () => {
  test('rpm -qip shows the package information', () => {
    if (!requireTool('rpm')) return;
    const info = sh('rpm', ['-qip', servin]);
    expect(info).toMatch(/^Name +: servin$/m);
    expect(info).toMatch(/^Version +: 0\.9\.2$/m);
    expect(info).toMatch(/^Release +: 1$/m);
    expect(info).toMatch(/^Architecture: x86_64$/m);
    expect(info).toMatch(/^Group +: Applications\/System$/m);
    expect(info).toMatch(/^License +: Apache-2\.0$/m);
    expect(info).toMatch(/^Source RPM +: servin-0\.9\.2-1\.src\.rpm$/m);
    expect(info).toMatch(/^Build Date +: Tue Nov 14 22:13:20 2023$/m);
    expect(info).toMatch(/^Build Host +: package-actions$/m);
    expect(info).toMatch(/^Packager +: Servin Maintainers <maintainers@servin\.example>$/m);
    expect(info).toMatch(/^Vendor +: Servin Project$/m);
    expect(info).toMatch(/^URL +: https:\/\/servin\.example$/m);
    expect(info).toMatch(/^Summary +: [Cc]ontainer runtime with a lightweight virtual machine mode$/m);
    expect(info).toMatch(/^Description :\nServin runs OCI containers directly on the host kernel/m);
  });

  test('rpm -qp --qf reads every tag with the type rpm expects', () => {
    if (!requireTool('rpm')) return;
    expect(qf(servin, '%{NAME}|%{VERSION}|%{RELEASE}|%{EPOCH}|%{ARCH}|%{OS}|%{BUILDTIME}|%{SOURCERPM}|%{SIZE}')).toMatch(new RegExp(`^servin\\|0\\.9\\.2\\|1\\|\\(none\\)\\|x86_64\\|linux\\|${EPOCH}\\|servin-0\\.9\\.2-1\\.src\\.rpm\\|\\d+$`));
    expect(qf(servin, '%{PAYLOADFORMAT}|%{PAYLOADCOMPRESSOR}|%{PAYLOADFLAGS}|%{FILEDIGESTALGO}|%{PAYLOADDIGESTALGO}|%{ENCODING}')).toBe('cpio|zstd|9|8|8|utf-8');
    expect(qf(servin, '%{PAYLOADDIGEST}')).toMatch(/^[0-9a-f]{64}$/);
    expect(qf(servin, '%{PAYLOADDIGESTALT}')).toMatch(/^[0-9a-f]{64}$/);
    expect(qf(servin, '%{SHA256HEADER}')).toMatch(/^[0-9a-f]{64}$/);
    expect(qf(servin, '%{SIGSIZE}')).toMatch(/^\d+$/);
    // Installed size = the files' bytes plus symlink target lengths, as rpmbuild counts.
    const sizes = qf(servin, '[%{FILESIZES} %{FILEMODES:perms}\n]').trim().split('\n').map((l) => l.split(' '));
    const sum = sizes.filter(([, perms]) => !perms!.startsWith('d')).reduce((s, [size]) => s + Number(size), 0);
    expect(Number(qf(servin, '%{SIZE}'))).toBe(sum);
    expect(qf(servin, '%{CHANGELOGNAME}')).toBe('Servin Maintainers <maintainers@servin.example> - 0.9.2-1');
    expect(sh('rpm', ['-qp', '--changelog', servin])).toBe('* Tue Nov 14 2023 Servin Maintainers <maintainers@servin.example> - 0.9.2-1\n- Release 0.9.2\n\n');
  });

  test('rpm -qlvp: modes, owners, sizes, dates and link targets', () => {
    if (!requireTool('rpm')) return;
    const list = sh('rpm', ['-qlvp', servin]);
    expect(list).toMatch(/^-rwxr-xr-x +1 root +root +\d+ Nov 14 {2}2023 \/usr\/bin\/servin$/m);
    expect(list).toMatch(/^lrwxrwxrwx +1 root +root +13 Nov 14 {2}2023 \/usr\/sbin\/servind -> \.\.\/bin\/servin$/m);
    expect(list).toMatch(/^-rw-r--r-- +1 root +root +\d+ Nov 14 {2}2023 \/etc\/servin\/servin\.toml$/m);
    expect(list).toMatch(/^drwxr-xr-x +2 root +root +0 Nov 14 {2}2023 \/var\/lib\/servin$/m);
    expect(list).toMatch(/\/usr\/share\/servin\/webview\/locales\/日本語\.json$/m);
    expect(list.split('\n').some((l) => Buffer.byteLength(l.split(' ').pop() ?? '') > 100)).toBe(true);
    // Directories the package does not own (/usr, /usr/bin, /etc, ...) are not listed.
    const paths = sh('rpm', ['-qlp', servin]).trim().split('\n');
    expect(paths).not.toContain('/usr/bin');
    expect(paths).not.toContain('/etc');
    expect(paths).toContain('/etc/servin');
    expect(paths).toContain('/usr/share/servin');
    // The deb-only files are not in the rpm.
    expect(paths).not.toContain('/usr/share/lintian/overrides/servin');
  });

  test('rpm -qp --dump: SHA-256 digests of the real files, inodes, devices, langs, verify flags', () => {
    if (!requireTool('rpm')) return;
    const dump = sh('rpm', ['-qp', '--dump', servin]).trim().split('\n').map((l) => l.split(' '));
    const line = dump.find((f) => f[0] === '/usr/bin/servin')!;
    const binary = readFileSync(join(SERVIN_DIR, 'dist/servin_linux_amd64/servin'));
    expect(line.slice(1, 7)).toEqual([String(binary.length), EPOCH, createHash('sha256').update(binary).digest('hex'), '0100755', 'root', 'root']);
    const dir = dump.find((f) => f[0] === '/var/lib/servin')!;
    expect(dir.slice(3, 5)).toEqual(['0'.repeat(64), '040755']);
    const extra = qf(servin, '[%{FILEINODES} %{FILEDEVICES} %{FILERDEVS} "%{FILELANGS}" %{FILEVERIFYFLAGS:hex}\n]').trim().split('\n');
    expect(extra).toEqual(extra.map((_, i) => `${i + 1} 1 0 "" ffffffff`));
  });

  test('config, noreplace and documentation flags', () => {
    if (!requireTool('rpm')) return;
    expect(sh('rpm', ['-qcp', servin]).trim().split('\n')).toEqual(['/etc/servin/servin.toml', '/etc/servin/vm/builder.yaml', '/etc/servin/vm/default.yaml']);
    expect(qf(servin, '[%{FILEFLAGS:fflags} %{FILENAMES}\n]')).toMatch(/^cn \/etc\/servin\/servin\.toml$/m);
    const docs = sh('rpm', ['-qdp', servin]).trim().split('\n');
    expect(docs).toEqual(expect.arrayContaining(['/usr/share/doc/servin/README.md', '/usr/share/doc/servin/copyright', '/usr/share/man/man1/servin.1.gz', '/usr/share/man/man8/servind.8.gz']));
  });

  test('rpm -qp --scripts shows the rpm scriptlets with their interpreter', () => {
    if (!requireTool('rpm')) return;
    const scripts = sh('rpm', ['-qp', '--scripts', servin]);
    expect(scripts).toMatch(/^postinstall scriptlet \(using \/bin\/sh\):\n#!\/bin\/sh\n# servin postinstall/m);
    // overrides.rpm.scripts: the rpm gets preremove-rpm.sh, not the deb's prerm.
    expect(scripts).toMatch(/^preuninstall scriptlet \(using \/bin\/sh\):\n#!\/bin\/sh\n# servin %preun for the \.rpm/m);
    expect(scripts).toMatch(/^postuninstall scriptlet \(using \/bin\/sh\):/m);
    expect(scripts).not.toMatch(/^preinstall scriptlet/m);
  });

  test('requires, provides and recommends', () => {
    if (!requireTool('rpm')) return;
    const requires = sh('rpm', ['-qp', '--requires', servin]).trim().split('\n');
    expect(requires).toEqual(['/bin/sh', '/bin/sh', '/bin/sh', 'config(servin) = 0.9.2-1', 'rpmlib(CompressedFileNames) <= 3.0.4-1', 'rpmlib(FileDigests) <= 4.6.0-1', 'rpmlib(PayloadFilesHavePrefix) <= 4.0-1', 'rpmlib(PayloadIsZstd) <= 5.4.18-1']);
    expect(qf(servin, '[%{REQUIRENAME} %{REQUIREFLAGS:deptype}\n]')).toMatch(/^\/bin\/sh post,interp\n\/bin\/sh preun,interp\n\/bin\/sh postun,interp\nconfig\(servin\) config\nrpmlib\(CompressedFileNames\) rpmlib\n/);
    expect(sh('rpm', ['-qp', '--provides', servin]).trim().split('\n')).toEqual(['config(servin) = 0.9.2-1', 'servin = 0.9.2-1', 'servin(x86-64) = 0.9.2-1']);
    expect(sh('rpm', ['-qp', '--recommends', servin]).trim()).toBe('shadow-utils');
  });

  test('rpm2cpio | cpio -itv lists the payload with ./ names', () => {
    if (!requireTool('rpm2cpio') || !requireTool('cpio')) return;
    const archive = execFileSync('rpm2cpio', [servin]);
    const list = execFileSync('cpio', ['-itv', '--quiet'], { input: archive, env }).toString();
    expect(list).toMatch(/^-rwxr-xr-x +1 root +root +\d+ Nov 14 {2}2023 \.\/usr\/bin\/servin$/m);
    expect(list).toMatch(/^lrwxrwxrwx +1 root +root +13 Nov 14 {2}2023 \.\/usr\/sbin\/servind -> \.\.\/bin\/servin$/m);
    expect(list.trim().split('\n').length).toBe(sh('rpm', ['-qlp', servin]).trim().split('\n').length);
  });
});

describe('the demo .rpm: every kind of relation, epoch and tilde version', () => {
  test('name, epoch, version, release and NEVRA', () => {
    if (!requireTool('rpm')) return;
    expect(qf(demo, '%{NEVRA}|%{EPOCH}|%{EVR}')).toBe('demo-3:1.2.0~rc.1-2.x86_64|3|3:1.2.0~rc.1-2');
    expect(qf(demo, '%{GROUP}|%{PACKAGER}|%{LICENSE}')).toBe('Applications/System|Demo Packager <pkg@example.org>|MIT');
  });

  test('requires, provides, conflicts, obsoletes, recommends, suggests', () => {
    if (!requireTool('rpm')) return;
    const q = (what: string) => sh('rpm', ['-qp', `--${what}`, demo]).trim().split('\n');
    expect(q('requires')).toEqual([
      '(tzdata or tzdata-legacy)',
      '/bin/sh',
      '/bin/sh',
      '/bin/sh',
      '/bin/sh',
      'bash >= 4.0',
      'config(demo) = 3:1.2.0~rc.1-2',
      'coreutils',
      'rpmlib(CompressedFileNames) <= 3.0.4-1',
      'rpmlib(FileDigests) <= 4.6.0-1',
      'rpmlib(PayloadFilesHavePrefix) <= 4.0-1',
      'rpmlib(PayloadIsZstd) <= 5.4.18-1',
      'rpmlib(RichDependencies) <= 4.12.0-1',
      'rpmlib(TildeInVersions) <= 4.10.0-1',
    ]);
    expect(q('provides')).toEqual(['config(demo) = 3:1.2.0~rc.1-2', 'demo = 3:1.2.0~rc.1-2', 'demo(x86-64) = 3:1.2.0~rc.1-2', 'demo-cli = 1.2.0']);
    expect(q('conflicts')).toEqual(['demo-legacy < 1.0']);
    expect(q('obsoletes')).toEqual(['olddemo < 1.0']);
    expect(q('recommends')).toEqual(['less >= 500']);
    expect(q('suggests')).toEqual(['man-db']);
    expect(qf(demo, '[%{REQUIRENAME} %{REQUIREFLAGS:deptype}\n]')).toMatch(/^\/bin\/sh pre,interp\n/m);
  });

  test('tag table: every tag we write is the tag rpm knows by that name, with the same values', async () => {
    if (!requireTool('rpm')) return;
    const { header, signature } = await readRpmHeaders(demo);
    let checked = 0;
    for (const [name, tag] of Object.entries(TAG)) {
      const entry = header.get(tag);
      if (!entry) continue;
      // rpm looks the name up in its own table; a wrong number here would print "(none)".
      const lines = qf(demo, `[%{${name}}<|>]`).split('<|>').slice(0, -1);
      const ours = [6, 8, 9].includes(entry.type) ? header.strings(tag)! : header.ints(tag)!.map((v) => String(v >>> 0));
      expect({ name, values: lines }).toEqual({ name, values: ours });
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    // Signature tags appear under rpm's retrofitted names.
    expect(qf(demo, '%{SHA256HEADER}|%{SHA1HEADER}|%{SIGSIZE}|%{ARCHIVESIZE}')).toBe(`${signature.string(SIG.SHA256)}|${signature.string(SIG.SHA1)}|${signature.int(SIG.SIZE)}|${signature.int(SIG.PAYLOADSIZE)}`);
  });

  test('scriptlet interpreters with arguments', () => {
    if (!requireTool('rpm')) return;
    const scripts = sh('rpm', ['-qp', '--scripts', demo]);
    expect(scripts).toMatch(/^preinstall scriptlet \(using \/bin\/sh\):/m);
    expect(scripts).toMatch(/^postinstall scriptlet \(using \/bin\/sh -e\):/m);
  });

  test('owners other than root and directory modes', () => {
    if (!requireTool('rpm')) return;
    expect(sh('rpm', ['-qlvp', demo])).toMatch(/^drwxr-x--- +2 daemon +daemon +0 .* \/var\/lib\/demo$/m);
  });
});
