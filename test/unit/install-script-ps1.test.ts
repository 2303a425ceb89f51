// install.ps1 cannot be run here (no PowerShell on the test machines), so it is judged by a
// PowerShell grammar (tree-sitter-powershell): it must parse without errors, and what would
// fail at run time under Set-StrictMode is checked statically: every variable read is assigned,
// a parameter or automatic; every command is defined or a cmdlet of Windows PowerShell 5.1;
// every -f format has as many arguments as placeholders.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { renderInstallPs1, type InstallScriptInput } from '../../src/install-script/index.js';

const BASE: InstallScriptInput = {
  name: 'servin',
  version: '0.9.2',
  tag: 'v0.9.2',
  repo: 'octo/servin',
  serverUrl: 'https://github.com',
  platforms: [
    { os: 'windows', arch: 'amd64' },
    { os: 'windows', arch: 'arm64' },
    { os: 'linux', arch: 'amd64' },
  ],
  assets: ['servin_0.9.2_windows_amd64.zip', 'servin_0.9.2_windows_arm64.zip', 'servin_0.9.2_linux_amd64.tar.gz', 'SHA256SUMS'],
  binaries: ['servin', 'servin-desktop'],
};
const VARIANTS: [string, InstallScriptInput][] = [
  ['unsigned', BASE],
  ['signed with a pinned key', { ...BASE, assets: [...BASE.assets, 'SHA256SUMS.asc', 'KEY.asc'], publicKeyAsset: 'KEY.asc', publicKeyFingerprint: 'A'.repeat(40) }],
  ['odd names and a server URL with quotes', { ...BASE, name: 'my.tool+x', version: '1.0.0-rc.1', tag: 'tools/v1.0.0-rc.1', serverUrl: "https://ghes.example.com/o'x/$(y)/", assets: ['my.tool+x_1.0.0-rc.1_windows_386.zip', 'SHA256SUMS'], platforms: [{ os: 'windows', arch: '386' }], binaries: ['my.tool+x.exe'] }],
];

/** Cmdlets the script may call: all ship with Windows PowerShell 5.1 and PowerShell 7. */
const CMDLETS = ['Set-StrictMode', 'Write-Host', 'Write-Output', 'Write-Warning', 'Write-Verbose', 'Get-Command', 'Invoke-WebRequest', 'Get-FileHash', 'New-Item', 'Set-Content', 'Get-Content', 'Out-Null', 'Test-Path', 'Remove-Item', 'Copy-Item', 'Get-Item', 'Set-ItemProperty', 'Where-Object', 'Select-Object', 'Join-Path', 'Add-Type'];
/** Automatic and preference variables the script may read without assigning. */
const AUTOMATIC = ['_', 'matches', 'lastexitcode', 'psversiontable', 'iswindows', 'true', 'false', 'null', 'erroractionpreference', 'progresspreference', 'executioncontext'];

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  const require = createRequire(import.meta.url);
  parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')));
});

function all(node: Node, type: string): Node[] {
  return node.descendantsOfType(type).filter((n): n is Node => n !== null);
}
const varName = (text: string) => text.replace(/^\$/, '').replace(/^(script|global|local):/i, '').toLowerCase();

describe.each(VARIANTS)('install.ps1, %s', (_n, input) => {
  let text: string;
  let root: Node;
  beforeAll(() => {
    text = renderInstallPs1(input);
    root = parser.parse(text)!.rootNode;
  });

  test('parses without a syntax error', () => {
    const errors = [...all(root, 'ERROR'), ...root.descendantsOfType('MISSING').filter((n): n is Node => n !== null)];
    const missing: string[] = [];
    const walk = (n: Node) => {
      if (n.isMissing || n.isError) missing.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
      for (const c of n.children) if (c) walk(c);
    };
    walk(root);
    expect({ hasError: root.hasError, errors: errors.length, missing }).toEqual({ hasError: false, errors: 0, missing: [] });
  });

  test('opens with comment-based help, then the param block with its five parameters', () => {
    const kinds = root.children.map((c) => c?.type);
    expect(kinds.slice(0, 2)).toEqual(['comment', 'param_block']);
    expect(root.children[0]!.text).toMatch(/^<#\n\.SYNOPSIS\n[\s\S]*\n#>$/);
    const params = all(root.children[1]!, 'script_parameter').map((p) => all(p, 'variable')[0].text);
    expect(params).toEqual(['$Version', '$Prefix', '$DryRun', '$VerifySignature', '$NoModifyPath']);
  });

  test('every variable read is assigned, a parameter or automatic (Set-StrictMode would stop otherwise)', () => {
    const defined = new Set(AUTOMATIC);
    for (const p of [...all(root, 'script_parameter'), ...all(root, 'function_parameter_declaration')]) for (const v of all(p, 'variable')) defined.add(varName(v.text));
    // Assignments to a variable (not to a static property such as [Net.ServicePointManager]::X).
    for (const a of all(root, 'left_assignment_expression')) {
      const v = all(a, 'variable')[0];
      if (v && a.text.startsWith(v.text)) defined.add(varName(v.text));
    }
    for (const f of all(root, 'foreach_statement')) defined.add(varName(all(f, 'variable')[0].text));
    const used = all(root, 'variable').map((v) => v.text).filter((t) => !/^\$env:/i.test(t));
    expect(used.length).toBeGreaterThan(50);
    expect([...new Set(used.filter((t) => !defined.has(varName(t))))]).toEqual([]);
  });

  test('every command is a function of the script or a cmdlet of PowerShell 5.1', () => {
    const functions = all(root, 'function_name').map((n) => n.text.toLowerCase());
    expect(functions).toEqual(expect.arrayContaining(['get-assetname', 'convertto-goarch', 'get-checksumsname', 'fail', 'add-userpath']));
    const known = new Set([...functions, ...CMDLETS.map((c) => c.toLowerCase())]);
    const commands = all(root, 'command_name').map((n) => n.text);
    expect(commands.length).toBeGreaterThan(40);
    expect([...new Set(commands.filter((c) => !known.has(c.toLowerCase())))]).toEqual([]);
  });

  test('every -f format gets an argument for each placeholder', () => {
    const formats = all(root, 'format_expression').filter((n) => n.children.some((c) => c?.type === 'format_operator'));
    expect(formats.length).toBeGreaterThan(10);
    for (const f of formats) {
      const template = all(f.children[0]!, 'string_literal')[0]?.text ?? '';
      const op = f.children.findIndex((c) => c?.type === 'format_operator');
      const args = f.children[op + 1]!;
      const list = [args, ...all(args, 'array_literal_expression')].find((a) => a.type === 'array_literal_expression' && a.children.some((c) => c?.type === ','));
      const count = list ? list.children.filter((c) => c?.type === ',').length + 1 : 1;
      const highest = Math.max(-1, ...[...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
      expect({ format: f.text.slice(0, 60), fits: highest < count }).toEqual({ format: f.text.slice(0, 60), fits: true });
    }
  });

  test('no template artefacts, backticks or non-ASCII text', () => {
    expect(text).not.toMatch(/\$\{|`|undefined|\[object /);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
  });
});

test('a deliberately broken script is caught (the grammar judges, it does not accept anything)', () => {
  const good = renderInstallPs1(BASE);
  for (const broken of [good.replace('function Fail([string]$Message) {', 'function Fail([string]$Message) '), good.replace("$Name = 'servin'", "$Name = 'servin"), good.replace('param(\n', 'param(\n    [string]$X = (,\n')]) {
    expect(parser.parse(broken)!.rootNode.hasError).toBe(true);
  }
});
