import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileOrSayWhy } from '../../src/cli/files.ts';
import { buildJsonSchemaText } from '../../src/cli/json-schema.ts';
import { formatSummary, shellArgument } from '../../src/cli/report.ts';
import { invocationFolder } from '../../src/cli/working-folder.ts';

/**
 * Runs a CLI entry point the way `npm run` does (in the project's root, with `extraEnv` such as
 * npm's own variables), and returns its exit code and output.
 */
function runCli(script: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...extraEnv },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
/** A scratch copy of the valid fixture folder. */
function scratchFixture(): string {
  const folder = mkdtempSync(join(tmpdir(), 'actor-graph-cli-'));
  folders.push(folder);
  cpSync('tests/fixtures/valid', folder, { recursive: true });
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm run validate', () => {
  it('passes the valid fixture and prints its summary', () => {
    const { code, stdout } = runCli('src/cli/validate.ts', ['tests/fixtures/valid/sample.json']);
    expect(code).toBe(0);
    expect(stdout).toContain('valid   4 actors · 3 tie types · 3 ties (2 present, 1 absent) · 4 quotes');
    expect(stdout.trim().split('\n').at(-1)).toBe('1 file checked: 0 errors, 0 warnings.');
  });

  it('fails a corrupted copy with a precise report and no stack trace', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"hedge": "asserted"', '"hedge": "sure"').replace('"target": "CAL"', '"target": "XXX"'));
    const { code, stdout, stderr } = runCli('src/cli/validate.ts', [file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error {3}ties\[0\]\.hedge \(line \d+, column \d+\) \[schema\]/);
    expect(stdout).toContain('must be one of: asserted, likely, possible, expected');
    // The unknown target of a tie whose structure holds is reported in the same run.
    expect(stdout).toMatch(/error {3}ties\[1\]\.target \(line \d+, column \d+\) \[unknown-actor\]/);
    expect(stdout.trim().split('\n').at(-1)).toBe('1 file checked: 2 errors, 0 warnings.');
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing dataset file and a missing source text', () => {
    const folder = scratchFixture();
    rmSync(join(folder, 'sample.txt'));
    const { code, stdout } = runCli('src/cli/validate.ts', [join(folder, 'sample.json'), join(folder, 'nope.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('sources[0].text');
    expect(stdout).toMatch(/could not be read from \S*sample\.txt: no such file/);
    expect(stdout).toMatch(/The dataset file \S*nope\.json could not be read: no such file\./);
  });

  it('gives the line and column of bad JSON', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    writeFileSync(file, '{\n  "id": "x",\n}\n');
    const { code, stdout } = runCli('src/cli/validate.ts', [file]);
    expect(code).toBe(1);
    expect(stdout).toContain('Invalid JSON: expected a property name in double quotes but found "}", at line 3, column 1.');
  });

  it('rewrites drifted offsets in place, changing nothing else, atomically', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const original = readFileSync(file, 'utf8');
    // Shift the offsets of the second tie's quote and compact one array, to check the style is kept.
    const right = /"start": (\d+),\n\s+"end": (\d+)\n\s+}\n\s+\]\n\s+},\n\s+{\n\s+"id": "cal-bor-trade"/.exec(original);
    expect(right).not.toBeNull();
    const corrupted = original
      .replace(`"start": ${right?.[1]},`, `"start": ${Number(right?.[1]) + 5},`)
      .replace(`"end": ${right?.[2]}`, `"end": ${Number(right?.[2]) + 5}`)
      .replace(/"members": \[\s+"ATL",\s+"CAL"\s+\]/, '"members": ["ATL", "CAL"]');
    writeFileSync(file, corrupted);
    const before = runCli('src/cli/validate.ts', [file]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('[evidence-drifted]');

    const fixed = runCli('src/cli/validate.ts', ['--fix-offsets', file]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 drifted quote offset rewritten in place.');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(
      corrupted
        .replace(`"start": ${Number(right?.[1]) + 5},`, `"start": ${right?.[1]},`)
        .replace(`"end": ${Number(right?.[2]) + 5}`, `"end": ${right?.[2]}`),
    );
    expect(after).toContain('"members": ["ATL", "CAL"]');
    expect(readdirSync(folder).sort()).toEqual(['sample.json', 'sample.txt']);
  });

  it('leaves a file untouched when it has errors --fix-offsets cannot fix', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const corrupted = readFileSync(file, 'utf8')
      .replace(/"start": (\d+)/, (_, n) => `"start": ${Number(n) + 1}`)
      .replace('"type": "trade"', '"type": "nope"');
    writeFileSync(file, corrupted);
    const { code, stdout } = runCli('src/cli/validate.ts', ['--fix-offsets', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('not fixed The file was left untouched: it has 1 error that --fix-offsets cannot fix');
    expect(readFileSync(file, 'utf8')).toBe(corrupted);
  });

  it('refuses a dataset that is not UTF-8, naming the line, and never rewrites its bytes', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const text = readFileSync(file, 'utf8');
    const line = text.slice(0, text.indexOf('Borealis')).split('\n').length;
    // "Boréalis" saved as Latin-1, and a drifted offset that --fix-offsets would otherwise rewrite.
    const [before, after] = text.replace(/"start": (\d+)/, (_, n) => `"start": ${Number(n) + 1}`).split('"name": "Borealis"');
    const latin1 = Buffer.concat([Buffer.from(`${before}"name": "Bor`), Buffer.from([0xe9]), Buffer.from(`alis"${after}`)]);
    writeFileSync(file, latin1);
    const { code, stdout } = runCli('src/cli/validate.ts', ['--fix-offsets', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('[invalid-encoding]');
    expect(stdout).toContain(`could not be read: it is not UTF-8 text: line ${line} holds a byte that is not UTF-8.`);
    expect(readFileSync(file).equals(latin1)).toBe(true);
  });

  it('reports a key written twice, whose first value JSON would drop', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"id": "sample",', '"id": "sample",\n  "ties": [],'));
    const { code, stdout } = runCli('src/cli/validate.ts', [file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error {3}ties \(line \d+, column \d+\) \[duplicate-key\]/);
    expect(stdout).toContain('The key "ties" is written again at line 77 in this object (first at line 4)');
    // export-csv refuses it too: the sheets cannot carry a value JSON has already dropped.
    const exported = runCli('src/cli/export-csv.ts', [file, '--out', join(folder, 'sheets')]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/is not a well-formed dataset \(1 error\); run npm run validate/);
  });

  it('goes on to the next file after one it cannot read through', () => {
    const folder = scratchFixture();
    const deep = join(folder, 'deep.json');
    writeFileSync(deep, `{"id": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    const { code, stdout, stderr } = runCli('src/cli/validate.ts', [deep, join(folder, 'sample.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('Invalid JSON: the values are nested more than 1,000 levels deep here, at line 1, column 1007.');
    expect(stdout).toContain('valid   4 actors');
    expect(stdout.trim().split('\n').at(-1)).toBe('2 files checked: 1 error, 0 warnings.');
    expect(stderr).toBe('');
  });

  it('reads a relative path from the folder npm run was typed in, not from the project root', () => {
    const folder = scratchFixture();
    // What `npm run validate -- sample.json` typed in `folder` gives the script.
    const typedInFolder = { INIT_CWD: folder, npm_lifecycle_event: 'validate' };
    const { code, stdout } = runCli('src/cli/validate.ts', ['sample.json'], typedInFolder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sample\.json\n {2}valid {3}4 actors/);
    // With no file named, it still checks the project's own graph-data/.
    const all = runCli('src/cli/validate.ts', [], typedInFolder);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('easley-2024-axis-of-transactionalism.json\n  valid');
  });

  it('takes INIT_CWD only when npm started this very command, as a spawned child inherits it', () => {
    expect(invocationFolder('validate', { INIT_CWD: '/typed/here', npm_lifecycle_event: 'validate' }, '/root')).toBe(
      '/typed/here',
    );
    expect(invocationFolder('validate', { INIT_CWD: '/typed/here', npm_lifecycle_event: 'test' }, '/root')).toBe('/root');
    expect(invocationFolder('validate', {}, '/root')).toBe('/root');
  });

  it('rejects an unknown option with exit code 2', () => {
    const { code, stderr } = runCli('src/cli/validate.ts', ['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run validate');
  });
});

describe('npm run schema', () => {
  it('finds the committed JSON Schema up to date', () => {
    const { code, stderr } = runCli('src/cli/schema.ts', ['--check']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuses the ids the validator refuses as reserved, wherever an id goes', () => {
    const schema = JSON.parse(buildJsonSchemaText());
    const actorId = schema.properties.actors.items.properties.id;
    expect(actorId.not.enum).toEqual(expect.arrayContaining(['constructor', 'prototype', 'toString', 'valueOf']));
    // `__proto__` breaks the pattern already.
    expect(actorId.not.enum).not.toContain('__proto__');
    expect(schema.properties.ties.items.properties.source.not).toEqual(actorId.not);
    expect(schema.properties.tieTypes.items.properties.id.not).toEqual(actorId.not);
  });
});

describe('npm run validate on the built-in dataset', () => {
  it('passes the dataset and fails a corrupted copy with a precise report', () => {
    const ok = runCli('src/cli/validate.ts', []);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('graph-data/easley-2024-axis-of-transactionalism.json');
    expect(ok.stdout).toContain('0 errors, 0 warnings');

    const folder = mkdtempSync(join(tmpdir(), 'actor-graph-cli-'));
    folders.push(folder);
    cpSync('graph-data', folder, { recursive: true });
    const file = join(folder, 'easley-2024-axis-of-transactionalism.json');
    const dataset = JSON.parse(readFileSync(file, 'utf8'));
    dataset.ties[3].evidence[0].start += 2;
    dataset.ties[3].evidence[0].end += 2;
    // Straighten the curly apostrophe of the first quote that has one, as a careless copy would.
    const curly = dataset.ties.findIndex(
      (tie: { evidence: { exact: string }[] }, i: number) => i > 3 && tie.evidence[0]?.exact.includes('’'),
    );
    expect(curly).toBeGreaterThan(3);
    dataset.ties[curly].evidence[0].exact = dataset.ties[curly].evidence[0].exact.replace('’', "'");
    writeFileSync(file, `${JSON.stringify(dataset, null, 2)}\n`);
    const bad = runCli('src/cli/validate.ts', [file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/ties\[3\]\.evidence\[0\]\.start \(line \d+, column \d+\) \[evidence-drifted\]/);
    expect(bad.stdout).toMatch(
      new RegExp(`ties\\[${curly}\\]\\.evidence\\[0\\]\\.exact \\(line \\d+, column \\d+\\) \\[evidence-orphaned\\]`),
    );
    expect(bad.stdout).toContain('if quote marks, dashes and spacing were ignored');
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('1 file checked: 2 errors, 0 warnings.');
  });
});

describe('npm run layout', () => {
  it('freezes the positions the widget would compute into a dataset', async () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const { code, stdout } = runCli('src/cli/layout.ts', ['--seed', '5', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/laid out 4 actors with seed 5 in \d+ ms/);
    const dataset = JSON.parse(readFileSync(file, 'utf8'));
    expect(dataset.layout.seed).toBe(5);
    expect(Object.keys(dataset.layout.positions).sort()).toEqual(['ATL', 'BOR', 'CAL', 'pact']);
    const { computeLayout } = await import('../../src/layout/compute.ts');
    const { layoutRequestOf } = await import('../../src/layout/request.ts');
    const { buildElements } = await import('../../src/render/elements.ts');
    const computed = await computeLayout(layoutRequestOf(buildElements(dataset), 5, 15));
    for (const [id, x, y] of computed) {
      expect(dataset.layout.positions[id][0]).toBeCloseTo(x, 1);
      expect(dataset.layout.positions[id][1]).toBeCloseTo(y, 1);
    }
    expect(runCli('src/cli/validate.ts', [file]).code).toBe(0);
  });

  it('keeps a byte order mark and Windows line endings when it rewrites the file', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    const { code, stdout, stderr } = runCli('src/cli/layout.ts', [file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/laid out 4 actors/);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\ufeff{\r\n  "$schema"')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(JSON.parse(after.slice(1)).layout.positions.ATL).toHaveLength(2);
  });

  it('says on standard error that no file was named, as the other commands do', () => {
    const { code, stdout, stderr } = runCli('src/cli/layout.ts', []);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Name the dataset files to lay out\.\n\nUsage: npm run layout/);
  });

  it('refuses a dataset with errors, and leaves it alone', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    const broken = readFileSync(file, 'utf8').replace('"type": "trade"', '"type": "nope"');
    writeFileSync(file, broken);
    const { code, stderr } = runCli('src/cli/layout.ts', [file]);
    expect(code).toBe(1);
    expect(stderr).toContain('has 1 error; run npm run validate');
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});

describe('npm run export-csv and import-csv', () => {
  it('say that the folder is missing when a file cannot be written into it', async () => {
    const folder = scratchFixture();
    const out = join(folder, 'no such folder', 'set.json');
    expect(await writeFileOrSayWhy(out, '{}')).toBe(`there is no folder ${join(folder, 'no such folder')}`);
  });

  it('refuse an empty --out, which would have meant the working folder', () => {
    const folder = scratchFixture();
    const before = readdirSync(folder);
    // As typed in `folder`: `npm run export-csv -- sample.json --out "$SHEETS"`, with SHEETS unset.
    const typedInFolder = { INIT_CWD: folder, npm_lifecycle_event: 'export-csv' };
    const exported = runCli('src/cli/export-csv.ts', ['sample.json', '--out='], typedInFolder);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/^--out is empty: give it a value\.\n\nUsage: npm run export-csv/);
    expect(readdirSync(folder)).toEqual(before);
    const imported = runCli('src/cli/import-csv.ts', [folder, '-o', '']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/^--out is empty/);
  });

  it('read a dataset with a byte order mark, and say so when the sheets cannot be written', () => {
    const folder = scratchFixture();
    const file = join(folder, 'sample.json');
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8')}`);
    const sheets = join(folder, 'sheets');
    const exported = runCli('src/cli/export-csv.ts', [file, '--out', sheets]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(readdirSync(sheets).length).toBeGreaterThan(3);

    // A file stands where the folder of sheets should go.
    const blocked = runCli('src/cli/export-csv.ts', [file, '--out', join(folder, 'sample.txt')]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(
      /The sheets could not be written to \S*sample\.txt\/: a file stands where a folder is needed\./,
    );
    expect(blocked.stdout + blocked.stderr).not.toMatch(/\n\s+at |\.tmp/);

    // A folder stands where the dataset should go.
    mkdirSync(join(folder, 'taken.json'));
    const imported = runCli('src/cli/import-csv.ts', [sheets, '--out', join(folder, 'taken.json')]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/\S*taken\.json could not be written: it is a folder, not a file\. Nothing was written\./);
    expect(imported.stdout + imported.stderr).not.toMatch(/\n\s+at |\.tmp/);
  });
});

describe('the report', () => {
  it('quotes a path in a command it tells the author to run, so that it can be pasted into a shell', () => {
    expect(shellArgument('graph-data/my-set.json')).toBe('graph-data/my-set.json');
    expect(shellArgument('my sheets/set.json')).toBe("'my sheets/set.json'");
    expect(shellArgument("Kim's $set")).toBe(`'Kim'\\''s $set'`);
    const folder = join(scratchFixture(), 'my data');
    cpSync('tests/fixtures/valid', folder, { recursive: true });
    const exported = runCli('src/cli/export-csv.ts', [join(folder, 'sample.json'), '--out', join(folder, 'my sheets')]);
    const command = /Read them back with: npm run import-csv -- (.*)$/m.exec(exported.stdout)?.[1];
    expect(command).toMatch(/'\S*my data\/my sheets' --out '\S*my data\/sample\.json'/);
    // The shell splits the pasted arguments back into the two paths.
    const echoed = spawnSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' }).stdout;
    expect(echoed).toBe(`${join(folder, 'my sheets')}\n--out\n${join(folder, 'sample.json')}\n`);
  });

  it('counts in the singular for one', () => {
    const none = { present: 0, absent: 0 };
    const summary = formatSummary({
      actors: 1,
      actorsByKind: { state: 1, organization: 0, 'non-state': 0, bloc: 0 },
      tieTypes: 1,
      ties: 1,
      present: 1,
      absent: 0,
      quotes: 1,
      tiesByCategory: {
        alliance: { present: 1, absent: 0 },
        transaction: none,
        hostility: none,
        competition: none,
        diplomacy: none,
      },
    });
    expect(summary.split('\n')[0]).toBe('1 actor · 1 tie type · 1 tie (1 present, 0 absent) · 1 quote');
  });
});
