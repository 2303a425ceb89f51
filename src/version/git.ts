/** Where HEAD sits relative to the nearest matching tag (`git describe --tags --long`). */
export interface Describe {
  tag: string;
  /** Commits from the tag to HEAD; 0 when HEAD is tagged. */
  distance: number;
  /** Abbreviated commit id of HEAD. */
  commit: string;
}

/** The little of git that version detection needs; tests substitute a fake. */
export interface GitPort {
  /** Tags on the HEAD commit (`git tag --points-at HEAD`); [] outside a repository. */
  tagsAtHead(): Promise<string[]>;
  /** Nearest tag reachable from HEAD that matches one of the globs; undefined when there is none. */
  describe(match: string[]): Promise<Describe | undefined>;
  /** Every tag in the clone (`git tag --list`); [] outside a repository. */
  tags(): Promise<string[]>;
  /** True in a shallow clone, where tags and history may be missing. */
  isShallow(): Promise<boolean>;
}

/** Parses `v1.2.0-rc.1-5-gabc1234`; the tag itself may contain dashes. */
export function parseDescribe(out: string): Describe | undefined {
  const m = /^(.+)-(\d+)-g([0-9a-f]+)$/.exec(out.trim());
  return m ? { tag: m[1]!, distance: Number(m[2]), commit: m[3]! } : undefined;
}

/** Escapes glob metacharacters so a tag prefix is matched literally by `git describe --match`. */
export function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * GitPort over the git executable (argv array, no shell). A failing git (not a repository, no
 * tags, git not installed) reads as "nothing found"; the reason goes to `debug`.
 */
export class ExecGit implements GitPort {
  constructor(
    private readonly cwd: string,
    private readonly debug: (message: string) => void = () => {},
  ) {}

  private async run(args: string[]): Promise<string | undefined> {
    // Loaded on first use: the build actions bundle this module but never start git through it.
    const { execFile } = await import('node:child_process');
    return new Promise((resolve) => {
      execFile('git', args, { cwd: this.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
        if (err) {
          this.debug(`git ${args.join(' ')} failed: ${(stderr || err.message).trim()}`);
          resolve(undefined);
        } else {
          resolve(stdout);
        }
      });
    });
  }

  private async lines(args: string[]): Promise<string[]> {
    const out = await this.run(args);
    return out === undefined ? [] : out.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
  }

  tagsAtHead(): Promise<string[]> {
    return this.lines(['tag', '--points-at', 'HEAD']);
  }

  async describe(match: string[]): Promise<Describe | undefined> {
    const out = await this.run(['describe', '--tags', '--long', '--abbrev=7', ...match.flatMap((m) => ['--match', m]), 'HEAD']);
    return out === undefined ? undefined : parseDescribe(out);
  }

  tags(): Promise<string[]> {
    return this.lines(['tag', '--list']);
  }

  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository']))?.trim() === 'true';
  }
}
