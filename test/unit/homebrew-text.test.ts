import { describe, expect, it } from '@jest/globals';
import { formulaNameProblem, suggestFormulaName } from '../../src/homebrew/class-name.js';
import { descProblems } from '../../src/homebrew/desc.js';
import { fixDesc, formulaClassName, rubyString } from '../../src/homebrew/index.js';
import { LicenseSyntaxError, licenseArgs } from '../../src/homebrew/license.js';
import { rubyHeredoc } from '../../src/homebrew/ruby.js';

describe('formulaClassName (Formulary.class_s)', () => {
  it.each([
    ['servin', 'Servin'],
    ['my-tool', 'MyTool'],
    ['foo_bar.baz', 'FooBarBaz'],
    ['gtk+3', 'Gtkx3'],
    ['libxml++', 'Libxmlxx'],
    ['node@20', 'NodeAT20'],
    ['foo@1.2', 'FooAT12'],
    ['python@3.12', 'PythonAT312'],
    ['foo-bar@2', 'FooBarAT2'],
    ['myTool', 'Mytool'], // capitalize lowercases the rest
    ['MY-TOOL', 'MyTool'],
    ['a--b', 'A-B'], // a separator followed by another separator stays
    ['foo@bar', 'Foo@bar'], // AT only before a digit
    ['x@1@2', 'XAT1@2'], // only the first @
    ['3proxy', '3proxy'],
  ])('%s → %s', (name, cls) => {
    expect(formulaClassName(name)).toBe(cls);
  });
});

describe('formula names', () => {
  it.each(['servin', 'my-tool', 'foo_bar', 'gtk+3', 'node@20', 'foo@1.2', 'a1'])('accepts %s', (name) => {
    expect(formulaNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['3proxy', /must start with a lowercase letter/, undefined],
    ['MyTool', /must start with a lowercase letter/, 'mytool'],
    ['my tool', /only lowercase letters, digits/, 'my-tool'],
    ['tool-', /must end with a letter or digit/, 'tool'],
    ['foo@bar', /class name "Foo@bar", which is not a Ruby constant/, undefined],
    ['a--b', /class name "A-B"/, undefined],
  ])('refuses %s', (name, problem, suggestion) => {
    expect(formulaNameProblem(name)).toMatch(problem);
    expect(suggestFormulaName(name)).toBe(suggestion);
  });
});

describe('desc fix-ups', () => {
  it.each([
    ['container runtime with a lightweight virtual machine mode', 'Container runtime with a lightweight virtual machine mode'],
    ['A tool for widgets.', 'Tool for widgets'],
    ['  an   archiver  ', 'Archiver'],
    ['The command line interface to X', 'Command-line interface to X'],
    ['Commandline helper', 'Command-line helper'],
    ['macOS menu bar helper', 'macOS menu bar helper'],
    ['iOS simulator tool', 'iOS simulator tool'],
    ['servin: a container runtime', 'Container runtime'],
    ['Servin - the container runtime', 'Container runtime'],
    ['SERVIN, container runtime', 'Container runtime'],
    ['servinctl companion', 'Servinctl companion'], // a longer word is not the name
    ['Fast 🚀 runtime', 'Fast runtime'],
    ['Lists files, dirs, etc.', 'Lists files, dirs, etc.'],
    ['Thing...', 'Thing'],
    ['Says "hi" and #{x}', 'Says "hi" and #{x}'],
    ['Théâtre manager', 'Théâtre manager'],
  ])('%j → %j', (summary, desc) => {
    expect(fixDesc(summary, 'servin')).toEqual({ desc, problems: [] });
  });

  it('follows Homebrew\'s name pattern: dashes optional, spaces or dashes between letters', () => {
    expect(fixDesc('my tool for x', 'my-tool').problems).toEqual(['starts with the formula name "my-tool"']);
    expect(fixDesc('Mytool: for x', 'my-tool').desc).toBe('For x');
  });

  it('cannot fix a summary that is a sentence about the program, or too long', () => {
    expect(fixDesc('Servin runs containers', 'servin').problems).toEqual(['starts with the formula name "servin"']);
    const long = `Tool ${'x'.repeat(80)}`;
    expect(fixDesc(long, 'servin').problems).toEqual(['is 85 characters long; Homebrew allows at most 80']);
    expect(fixDesc('a', 'servin').problems).toEqual([]);
    expect(fixDesc('The ...', 'servin').problems).toEqual(["is empty once Homebrew's style fixes are made"]);
  });

  it('counts characters, not UTF-16 units, against the 80 limit', () => {
    expect(fixDesc('Ü' + 'x'.repeat(79), 'servin').problems).toEqual([]);
    expect(fixDesc('𝔘' + 'x'.repeat(79), 'servin').problems).toEqual([]);
    expect(fixDesc('𝔘' + 'x'.repeat(80), 'servin').problems).toEqual(['is 81 characters long; Homebrew allows at most 80']);
  });

  it('reports what a hand-written desc breaks, with the fixed text', () => {
    expect(descProblems('Container runtime', 'servin')).toEqual({ problems: [] });
    expect(descProblems('A container runtime.', 'servin')).toEqual({ problems: ['starts with an article'], suggestion: 'Container runtime' });
    expect(descProblems('container runtime', 'servin')).toEqual({ problems: ['should start with a capital letter'], suggestion: 'Container runtime' });
    expect(descProblems('Container runtime.', 'servin')).toEqual({ problems: ['ends with a period'], suggestion: 'Container runtime' });
    expect(descProblems('Command line tool', 'servin')).toEqual({ problems: ['should spell "command-line" with a hyphen'], suggestion: 'Command-line tool' });
    expect(descProblems('Servin runs containers', 'servin')).toEqual({ problems: ['starts with the formula name "servin"'], suggestion: undefined });
  });
});

describe('Ruby string literals', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['#{system("rm -rf /")}', '"\\#{system(\\"rm -rf /\\")}"'],
    ['#@ivar #$global', '"\\#@ivar \\#$global"'],
    ['# comment #x ##', '"# comment #x ##"'], // a # not starting an interpolation stays
    ['line\nbreak\ttab\rcr', '"line\\nbreak\\ttab\\u{d}cr"'],
    ['bell\u0007 del\u007f', '"bell\\u{7} del\\u{7f}"'],
    ['ünïcödé ✓', '"ünïcödé ✓"'],
  ])('%j', (value, literal) => {
    expect(rubyString(value)).toBe(literal);
  });
});

describe('Ruby heredocs', () => {
  it('writes flush text as an indented <<~ heredoc, escaping interpolation and backslashes', () => {
    expect(rubyHeredoc('Start it:\n  brew services start x\n\n#{x} \\ "q"\n', '    ')).toBe(
      ['<<~EOS', '      Start it:', '        brew services start x', '', '      \\#{x} \\\\ "q"', '    EOS'].join('\n'),
    );
  });

  it('picks a terminator that no line of the text is', () => {
    expect(rubyHeredoc('a\nEOS\n  EOS2\n', '')).toBe(['<<~EOS3', '  a', '  EOS', '    EOS2', 'EOS3'].join('\n'));
  });

  it('falls back to a literal when <<~ would change the text', () => {
    expect(rubyHeredoc('  all indented\n  lines\n', '  ')).toBe('"  all indented\\n  lines\\n"');
    expect(rubyHeredoc('a\n   \nb', '  ')).toBe('"a\\n   \\nb\\n"'); // a line of only spaces
    expect(rubyHeredoc('a\u0001b', '  ')).toBe('"a\\u{1}b\\n"');
  });
});

describe('SPDX expressions as Homebrew license arguments', () => {
  it.each([
    ['MIT', '"MIT"'],
    ['Apache-2.0', '"Apache-2.0"'],
    ['LicenseRef-Proprietary', '"LicenseRef-Proprietary"'],
    ['MIT OR Apache-2.0', 'any_of: ["MIT", "Apache-2.0"]'],
    ['MIT AND BSD-2-Clause AND Zlib', 'all_of: ["MIT", "BSD-2-Clause", "Zlib"]'],
    ['MIT AND BSD-2-Clause OR Zlib', 'any_of: [{ all_of: ["MIT", "BSD-2-Clause"] }, "Zlib"]'], // AND binds tighter
    ['MIT AND (BSD-2-Clause OR Zlib)', 'all_of: ["MIT", { any_of: ["BSD-2-Clause", "Zlib"] }]'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', '"GPL-2.0-only" => { with: "Classpath-exception-2.0" }'],
    ['MIT OR GPL-2.0-only WITH LLVM-exception', 'any_of: ["MIT", { "GPL-2.0-only" => { with: "LLVM-exception" } }]'],
    ['((MIT))', '"MIT"'],
    ['mit or apache-2.0', 'any_of: ["mit", "apache-2.0"]'],
  ])('%s', (expr, args) => {
    expect(licenseArgs(expr)).toBe(args);
  });

  it.each([
    ['MIT OR', /ends where a license identifier was expected/],
    ['(MIT', /"\(" without its "\)"/],
    ['MIT Apache-2.0', /"Apache-2.0" after a complete expression/],
    ['MIT/Apache-2.0', /"MIT\/Apache-2.0" is not an SPDX license identifier/],
    ['OR MIT', /"OR" where a license identifier was expected/],
    ['MIT WITH', /WITH must join/],
    ['(MIT OR X) WITH Y', /WITH must join/],
    ['"MIT"', /not an SPDX license identifier/],
  ])('refuses %s', (expr, message) => {
    expect(() => licenseArgs(expr)).toThrow(LicenseSyntaxError);
    expect(() => licenseArgs(expr)).toThrow(message);
  });
});
