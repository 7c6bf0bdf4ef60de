import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type CsvFiles, exportCsv, exportLosses, formatCsvPlace, importCsv } from '../../src/adapters/csv.ts';
import { numberCell, parseListCell, parseNumberCell } from '../../src/adapters/csv-columns.ts';
import { parseSheet, protectCell, unclosedQuoteLine, unprotectCell, writeSheet } from '../../src/adapters/csv-sheet.ts';
import { readCsvFolder } from '../../src/cli/csv-folder.ts';
import { fileTextLoader } from '../../src/cli/node-text-loader.ts';
import type { DatasetInput } from '../../src/model/schema.ts';
import { fixture, memoryLoader } from './helpers.ts';

const SEED = 'graph-data/easley-2024-axis-of-transactionalism.json';
const seed = () => JSON.parse(readFileSync(SEED, 'utf8')) as DatasetInput;

const folders: string[] = [];
function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'actor-graph-csv-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Runs a CLI entry point the way `npm run` does. */
function runCli(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A small dataset as an author would type it: no offsets, no sha256, no source column in the
 * evidence sheet, a byte-order mark and CRLF line ends in one sheet (as Excel saves them).
 */
function handWritten(): Record<string, string> {
  return {
    'dataset.csv': 'id,title\nsheets,A dataset typed as sheets\n',
    'sources.csv':
      '\uFEFFid,title,author,publisher,date,url,text\r\nsample,A made-up text,The actor-graph team,actor-graph,2026-11,https://example.org/sample,sample.txt\r\n',
    'actors.csv': [
      'id,kind,name,aliases,members,name:ko,# my notes',
      'ATL,state,Atlantis,Atlantis,,아틀란티스,check this',
      'BOR,state,Borealis,Borealis | the North,,,',
      'CAL,state,Caldera,,,,',
      ',,,,,,',
      'pact,bloc,Atlantis-Caldera pact,,ATL|CAL,,',
      '',
    ].join('\n'),
    'tie-types.csv': [
      'id,label,category,directed,cameo',
      'grain-for-ships,Grain for ships,transaction,TRUE,061',
      'defence-pact,Defence pact,alliance,false,',
      '',
    ].join('\n'),
    'ties.csv': [
      'id,source,target,type,status,hedge,from,to,note',
      'atl-bor-grain,ATL,BOR,grain-for-ships,present,asserted,2024-01,2025,',
      'atl-cal-pact,ATL,CAL,defence-pact,present,likely,,,"A note, with a comma and ""quotes"""',
      '',
    ].join('\n'),
    'evidence.csv': [
      'tie,exact,prefix',
      'atl-bor-grain,Atlantis sells grain to Borealis.,"for tests. "',
      'atl-bor-grain,Borealis sends ships to Atlantis in return.,',
      'atl-cal-pact,"Atlantis and Caldera keep a defence pact.",',
      '',
    ].join('\n'),
  };
}

/** The evidence sheet with empty start and end columns added. */
function withOffsets(evidence: string): string {
  const [header, ...rows] = evidence.split('\n');
  return [`${header},start,end`, ...rows.map((row) => (row === '' ? row : `${row},,`))].join('\n');
}

/** The hand-written sheets with one sheet replaced or edited. */
function edited(file: string, edit: string | ((text: string) => string)): Record<string, string> {
  const files = handWritten();
  files[file] = typeof edit === 'string' ? edit : edit(files[file] ?? '');
  return files;
}

/** The hand-written sheets less ties.csv. */
function withoutTies(): CsvFiles {
  const { 'ties.csv': _, ...rest } = handWritten();
  return rest;
}

/** The issues of importing `files`, as `place [code] message` lines. */
async function issuesOf(files: CsvFiles): Promise<string[]> {
  const result = await importCsv(files, memoryLoader());
  return result.issues.map((issue) => `${formatCsvPlace(issue)} [${issue.code}] ${issue.message}`);
}

describe('importCsv', () => {
  it('reads hand-written sheets and fills in the offsets and the sha256', async () => {
    const result = await importCsv(handWritten(), memoryLoader());
    expect(result.issues).toEqual([]);
    expect(result.offsets).toEqual({ found: 3, kept: 0, mended: 0 });
    expect(result.dataset).toEqual({
      id: 'sheets',
      title: 'A dataset typed as sheets',
      sources: [
        {
          id: 'sample',
          title: 'A made-up text',
          author: 'The actor-graph team',
          publisher: 'actor-graph',
          date: '2026-11',
          url: 'https://example.org/sample',
          text: 'sample.txt',
          sha256: fixture().sources[0]?.sha256,
        },
      ],
      actors: [
        { id: 'ATL', kind: 'state', name: 'Atlantis', aliases: ['Atlantis'], names: { ko: '아틀란티스' } },
        { id: 'BOR', kind: 'state', name: 'Borealis', aliases: ['Borealis', 'the North'] },
        { id: 'CAL', kind: 'state', name: 'Caldera' },
        { id: 'pact', kind: 'bloc', name: 'Atlantis-Caldera pact', members: ['ATL', 'CAL'] },
      ],
      tieTypes: [
        { id: 'grain-for-ships', label: 'Grain for ships', category: 'transaction', directed: true, cameo: '061' },
        { id: 'defence-pact', label: 'Defence pact', category: 'alliance', directed: false },
      ],
      ties: [
        {
          id: 'atl-bor-grain',
          source: 'ATL',
          target: 'BOR',
          type: 'grain-for-ships',
          status: 'present',
          hedge: 'asserted',
          period: { from: '2024-01', to: '2025' },
          evidence: [
            // "Atlantis sells grain to Borealis." occurs twice; the prefix picks the first.
            { source: 'sample', exact: 'Atlantis sells grain to Borealis.', prefix: 'for tests. ', start: 26, end: 59 },
            { source: 'sample', exact: 'Borealis sends ships to Atlantis in return.', start: 60, end: 103 },
          ],
        },
        {
          id: 'atl-cal-pact',
          source: 'ATL',
          target: 'CAL',
          type: 'defence-pact',
          status: 'present',
          hedge: 'likely',
          note: 'A note, with a comma and "quotes"',
          evidence: [{ source: 'sample', exact: 'Atlantis and Caldera keep a defence pact.', start: 104, end: 145 }],
        },
      ],
    });
  });

  it('keeps offsets a row gives when the quote stands there, and mends them with a warning when not', async () => {
    const files = edited('evidence.csv', (text) =>
      text
        .replace('tie,exact,prefix', 'tie,exact,prefix,start,end')
        .replace('"for tests. "', '"for tests. ",26,59')
        .replace('in return.,', 'in return.,,61,104')
        .replace('defence pact.",', 'defence pact.",,,'),
    );
    const result = await importCsv(files, memoryLoader());
    expect(result.offsets).toEqual({ found: 1, kept: 1, mended: 1 });
    expect(result.issues.map((issue) => `${formatCsvPlace(issue)} [${issue.code}] ${issue.severity}`)).toEqual([
      'evidence.csv row 3, column start [evidence-drifted] warning',
    ]);
    expect(result.dataset?.ties[0]?.evidence[1]).toMatchObject({ start: 60, end: 103 });
  });

  it.each<[string, CsvFiles, string, RegExp]>([
    [
      'an unknown column, with a suggestion',
      edited('actors.csv', (text) => text.replace('id,kind,name,', 'id,kind,Name,')),
      'actors.csv row 1, column Name [csv-unknown-column]',
      /Did you mean "name"\?/,
    ],
    [
      'an unknown column, with the known ones',
      edited('ties.csv', (text) => text.replace(',note', ',colour')),
      'ties.csv row 1, column colour [csv-unknown-column]',
      /The columns of ties\.csv are: id, source, target, type, status, hedge, from, to, note\./,
    ],
    [
      'a missing required column',
      edited('tie-types.csv', (text) => text.replace(',directed,', ',').replace(',TRUE,', ',').replace(',false,', ',')),
      'tie-types.csv row 1, column directed [csv-missing-column]',
      /The required column "directed" is missing/,
    ],
    [
      'a column given twice',
      edited('dataset.csv', 'id,title,id\nsheets,Sheets,again\n'),
      'dataset.csv row 1, column id [csv-duplicate-column]',
      /appears twice, in columns A and C/,
    ],
    [
      'a bad hedge',
      edited('ties.csv', (text) => text.replace('present,likely', 'present,sure')),
      'ties.csv row 3, column hedge [schema]',
      /must be one of: asserted, likely, possible, expected \(found "sure"\)/,
    ],
    [
      'a bad actor kind',
      edited('actors.csv', (text) => text.replace('CAL,state', 'CAL,country')),
      'actors.csv row 4, column kind [schema]',
      /must be one of: state, organization, non-state, bloc/,
    ],
    [
      'a bad category',
      edited('tie-types.csv', (text) => text.replace('alliance', 'friendship')),
      'tie-types.csv row 3, column category [schema]',
      /must be one of: alliance, transaction/,
    ],
    [
      'a bad status',
      edited('ties.csv', (text) => text.replace('present,asserted', 'denied,asserted')),
      'ties.csv row 2, column status [schema]',
      /must be one of: present, absent/,
    ],
    [
      'a localized label under a tag that is not a language tag',
      edited('tie-types.csv', (text) =>
        text.replace(',cameo', ',cameo,label:ko_KR').replace(',061', ',061,곡물-선박 거래').replace('false,', 'false,,'),
      ),
      'tie-types.csv row 2, column label:ko_KR [schema]',
      /must be a language tag such as "ko" or "zh-Hant"/,
    ],
    [
      'a word where true or false belongs',
      edited('tie-types.csv', (text) => text.replace('TRUE', 'yes')),
      'tie-types.csv row 2, column directed [schema]',
      /must be true or false \(found "yes"\)/,
    ],
    [
      'a tie naming an unknown actor',
      edited('ties.csv', (text) => text.replace('ATL,CAL', 'ATL,XXX')),
      'ties.csv row 3, column target [unknown-actor]',
      /The target "XXX" of tie "atl-cal-pact" is not the id of any actor/,
    ],
    [
      'an offset that is not a number',
      edited('evidence.csv', (text) => withOffsets(text).replace('"for tests. ",,', '"for tests. ",26a,59')),
      'evidence.csv row 2, column start [schema]',
      /"start" must be a number \(the start offset\) \(found "26a"\)/,
    ],
    [
      'a layout position that is not a number',
      { ...edited('dataset.csv', 'id,title,layoutSeed\nsheets,Sheets,1\n'), 'layout.csv': 'actor,x,y\nATL,1.5,2\nBOR,"1,5",2\n' },
      'layout.csv row 3, column x [schema]',
      /must be a number \(x\) \(found "1,5"\)/,
    ],
    [
      'a quote that is nowhere in the text',
      edited('evidence.csv', (text) => text.replace('keep a defence pact', 'keep a  defence pact')),
      'evidence.csv row 4, column exact [evidence-orphaned]',
      /is nowhere in source "sample"\. At 104–145 the text has "Atlantis and Caldera keep a defence pact\."/,
    ],
    [
      'a quote that occurs twice with nothing to say which',
      edited('evidence.csv', (text) => text.replace('"for tests. "', '')),
      'evidence.csv row 2, column exact [evidence-ambiguous]',
      /occurs 2 times in source "sample" and it has no prefix or suffix/,
    ],
    [
      'a start with no end',
      edited('evidence.csv', (text) => withOffsets(text).replace('"for tests. ",,', '"for tests. ",26,')),
      'evidence.csv row 2, column end [csv-offsets-incomplete]',
      /Give both start and end/,
    ],
    [
      'a quote naming an unknown tie',
      edited('evidence.csv', (text) => text.replace('atl-cal-pact,', 'atl-cal-pakt,')),
      'evidence.csv row 4, column tie [csv-unknown-tie]',
      /"atl-cal-pakt" is not the id of any tie in ties\.csv/,
    ],
    [
      'a tie with no quote',
      edited('evidence.csv', (text) => text.replace('atl-cal-pact,', 'atl-bor-grain,')),
      'ties.csv row 3, column id [csv-no-evidence]',
      /Tie "atl-cal-pact" has no quote: add a row to evidence\.csv/,
    ],
    [
      'an id used twice, naming the other row',
      edited('actors.csv', (text) => text.replace('pact,bloc', 'BOR,bloc')),
      'actors.csv row 6, column id [duplicate-id]',
      /The id "BOR" is already used by actors\.csv row 3/,
    ],
    [
      'a text that changed since its sha256 was taken',
      edited('sources.csv', (text) =>
        text.replace(',text\r\n', ',text,sha256\r\n').replace('sample.txt', `sample.txt,${'0'.repeat(64)}`),
      ),
      'sources.csv row 2, column sha256 [sha256-mismatch]',
      /has SHA-256 2cd87ae3\S+, not 0{64}/,
    ],
    [
      'a source text that cannot be read',
      edited('sources.csv', (text) => text.replace(',sample.txt', ',nope.txt')),
      'sources.csv row 2, column text [source-text-missing]',
      /The text of source "sample" could not be read from nope\.txt: no such file\./,
    ],
    [
      'an empty required cell',
      edited('actors.csv', (text) => text.replace('BOR,state,Borealis', 'BOR,state,')),
      'actors.csv row 3, column name [schema]',
      /This cell is empty, but "name" is required\./,
    ],
    [
      'an unclosed quote',
      edited('ties.csv', (text) => text.replace(' and ""quotes"""', '')),
      'ties.csv row 3, column note [csv-syntax]',
      /A quoted cell starts here and is never closed/,
    ],
    [
      'a tie id given twice, whose repeat gets no quotes because they all go to the first',
      edited('ties.csv', (text) => `${text}atl-bor-grain,BOR,CAL,grain-for-ships,absent,asserted,,,\n`),
      'ties.csv row 4, column id [duplicate-id]',
      /^\S+ \S+ \S+ \S+ \S+ \[duplicate-id\] The id "atl-bor-grain" is already used by ties\.csv row 2; ids must be unique/,
    ],
    [
      'a sheet saved with semicolons, as Excel does in some languages',
      edited('tie-types.csv', (text) => text.replaceAll(',', ';')),
      'tie-types.csv row 1 [csv-syntax]',
      /^\S+ row 1 \[csv-syntax\] Row 1 holds no comma but semicolons \(;\): the sheet seems to be separated by semicolons/,
    ],
    [
      'a sheet saved with tabs',
      edited('actors.csv', (text) => text.replaceAll(',', '\t')),
      'actors.csv row 1 [csv-syntax]',
      /Row 1 holds no comma but tabs: the sheet seems to be separated by tabs/,
    ],
    [
      'a stray quote inside a cell',
      edited('actors.csv', (text) => text.replace('Borealis | the North', 'Borealis | the "North"')),
      'actors.csv row 3, column aliases [csv-syntax]',
      /double each quote inside it/,
    ],
    [
      'a row with too many cells',
      edited('tie-types.csv', (text) => text.replace('alliance,false,', 'alliance,false,,extra')),
      'tie-types.csv row 3 [csv-ragged-row]',
      /This row has 6 cells but the header has 5\. A cell holding a comma/,
    ],
    [
      'a row with too few cells',
      edited('ties.csv', (text) => text.replace('asserted,2024-01,2025,', 'asserted,2024-01')),
      'ties.csv row 2 [csv-ragged-row]',
      /This row has 7 cells but the header has 9/,
    ],
    [
      'two rows in dataset.csv',
      edited('dataset.csv', 'id,title\na,A\nb,B\n'),
      'dataset.csv row 3 [csv-row-count]',
      /must hold exactly one row under its header/,
    ],
    ['a missing sheet', withoutTies(), 'ties.csv [csv-file-missing]', /ties\.csv is missing/],
  ])('names the file, row and column of %s', async (_, files, where, message) => {
    const issues = await issuesOf(files);
    const issue = issues.find((line) => line.startsWith(`${where} `));
    expect(issue, issues.join('\n')).toBeDefined();
    expect(issue).toMatch(message);
  });

  it('keeps a cell such as __proto__ as an own key, as JSON.parse does, for the validator to refuse', async () => {
    // Set as a prototype instead, the key would vanish, and the sheets would pass without a word.
    const files = {
      ...edited('dataset.csv', 'id,title,layoutSeed\nsheets,Sheets,1\n'),
      'layout.csv': 'actor,x,y\n__proto__,1,2\n',
    };
    expect(await issuesOf(files)).toEqual([
      'layout.csv row 2, column actor [schema] "__proto__" is not allowed as a key: JavaScript gives it a meaning of its own, so its value would be lost.',
    ]);
  });

  /** The sheets with Korean and Traditional Chinese tie-type labels, in columns named `ko` and `zh`. */
  const withLabels = (ko: string, zh: string) =>
    edited('tie-types.csv', (text) =>
      text
        .replace(',cameo', `,${ko},cameo,${zh}`)
        .replace('TRUE,061', 'TRUE,곡물-선박 거래,061,')
        .replace('false,', 'false,방위 조약,,防衛條約'),
    );

  it('reads a language tag in any case, and refuses two columns of the same language', async () => {
    const result = await importCsv(withLabels('label:KO', 'label:ZH-Hant'), memoryLoader());
    expect(result.issues).toEqual([]);
    expect(result.dataset?.tieTypes.map((type) => type.labels)).toEqual([
      { ko: '곡물-선박 거래' },
      { ko: '방위 조약', 'zh-Hant': '防衛條約' },
    ]);
    const twice = edited('tie-types.csv', (text) =>
      text.replace(',cameo', ',label:ko,label:KO,cameo').replace('TRUE,061', 'TRUE,가,나,061').replace('false,', 'false,,,'),
    );
    expect(await issuesOf(twice)).toEqual([
      'tie-types.csv row 1, column label:KO [csv-duplicate-column] The columns "label:ko" and "label:KO" (E and F) are the same: a language tag is the same in any case.',
    ]);
    const regions = edited('tie-types.csv', (text) =>
      text.replace(',cameo', ',label:en-GB,label:EN-gb,cameo').replace('TRUE,061', 'TRUE,a,b,061').replace('false,', 'false,,,'),
    );
    expect(await issuesOf(regions)).toEqual([
      'tie-types.csv row 1, column label:EN-gb [csv-duplicate-column] The columns "label:en-GB" and "label:EN-gb" (E and F) are the same: a language tag is the same in any case.',
    ]);
  });

  it('reads localized tie-type labels from label:ko columns, leaving out empty cells', async () => {
    const result = await importCsv(withLabels('label:ko', 'label:zh-Hant'), memoryLoader());
    expect(result.issues).toEqual([]);
    expect(result.dataset?.tieTypes).toEqual([
      {
        id: 'grain-for-ships',
        label: 'Grain for ships',
        labels: { ko: '곡물-선박 거래' },
        category: 'transaction',
        directed: true,
        cameo: '061',
      },
      {
        id: 'defence-pact',
        label: 'Defence pact',
        labels: { ko: '방위 조약', 'zh-Hant': '防衛條約' },
        category: 'alliance',
        directed: false,
      },
    ]);
    // `labels` comes right after `label`, where the dataset files have it.
    expect(Object.keys(result.dataset?.tieTypes[0] ?? {})).toEqual(['id', 'label', 'labels', 'category', 'directed', 'cameo']);
  });

  it('reports every problem at once and writes no dataset', async () => {
    const files = edited('ties.csv', (text) => text.replace('present,likely', 'present,sure').replace('ATL,BOR', 'ATL,XXX'));
    files['evidence.csv'] = (files['evidence.csv'] ?? '').replace('keep a defence', 'keep no defence');
    const result = await importCsv(files, memoryLoader());
    expect(result.dataset).toBeUndefined();
    // The bad hedge stops the validator before references, as in a JSON file; the quote is checked anyway.
    expect(result.issues.map((issue) => formatCsvPlace(issue))).toEqual([
      'ties.csv row 3, column hedge',
      'evidence.csv row 4, column exact',
    ]);
  });
});

describe('exportCsv and importCsv', () => {
  it('name a sheet saved under a name a case or a dash away, or as a workbook, rather than call it missing', async () => {
    const dataset = seed();
    // Not called missing, nor, for the optional layout.csv, passed over without a word.
    const misnamed = scratch();
    for (const [name, text] of Object.entries(exportCsv(dataset))) {
      writeFileSync(join(misnamed, name.replace('layout', 'Layout').replace('tie-types', 'tie_types')), text);
    }
    rmSync(join(misnamed, 'actors.csv'));
    writeFileSync(join(misnamed, 'actors.xlsx'), 'PK');
    writeFileSync(join(misnamed, 'actors.csv.bak'), '');
    expect((await readCsvFolder(misnamed)).issues.map((issue) => `${issue.file}: ${issue.message}`)).toEqual([
      'actors.csv: The sheet actors.csv is missing, but actors.xlsx is here: save it as "CSV UTF-8", named actors.csv.',
      'tie-types.csv: The sheet tie-types.csv is missing, but tie_types.csv is here: rename it tie-types.csv.',
      'layout.csv: The sheet layout.csv is missing, but Layout.csv is here: rename it layout.csv.',
    ]);
  });

  it('round-trip the seed dataset losslessly through the files the CLI reads', async () => {
    const dataset = seed();
    const folder = scratch();
    for (const [name, text] of Object.entries(exportCsv(dataset))) writeFileSync(join(folder, name), text);
    const read = await readCsvFolder(folder);
    expect(read.issues).toEqual([]);
    const result = await importCsv(read.files, fileTextLoader(SEED));
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.offsets.kept).toBe(108);
    expect(result.dataset).toEqual(dataset);
    expect(exportLosses(dataset)).toEqual([]);
    // The seed's Korean tie-type labels travel in a label:ko column.
    const header = exportCsv(dataset)
      ['tie-types.csv'].replace(/^\uFEFF/, '')
      .split('\n')[0];
    expect(header).toBe('id,label,category,directed,description,cameo,plover,label:ko');
    expect(result.dataset?.tieTypes.every((type) => type.labels?.ko !== undefined)).toBe(true);
  });

  it('find the same offsets in the seed when the sheets give none', async () => {
    const dataset = seed();
    const sheets = exportCsv(dataset);
    // Blank every start and end: the quotes' words and context must find them again.
    const evidence = sheets['evidence.csv'].replace(/,\d+,\d+\n/g, ',,\n');
    const result = await importCsv({ ...sheets, 'evidence.csv': evidence }, fileTextLoader(SEED));
    expect(result.offsets.found).toBe(108);
    expect(result.dataset).toEqual(dataset);
  });

  it('keep awkward values: floats, list separators, quotes, line breaks, language tags, an empty layout', async () => {
    const dataset = fixture();
    for (const actor of dataset.actors) if (actor.aliases?.length === 0) delete actor.aliases;
    const atlantis = dataset.actors[0] as DatasetInput['actors'][number];
    atlantis.aliases = ['A|B', 'back\\slash', 'ends with \\', 'comma, "quoted"', '=1+1'];
    atlantis.names = { ko: '아틀란티스', 'zh-Hant': '亞特蘭提斯' };
    const [firstType, secondType] = dataset.tieTypes as [DatasetInput['tieTypes'][number], DatasetInput['tieTypes'][number]];
    firstType.labels = { 'zh-Hant': '同盟, "引號"' };
    secondType.labels = { ko: '거래\n두 줄', 'zh-Hant': '交易' };
    dataset.description = 'Two lines\r\nand a "quote", with commas';
    const tie = dataset.ties[2] as DatasetInput['ties'][number];
    tie.period = { to: '2024-06-04' };
    tie.note = '  spaced  ';
    // Text a spreadsheet would run as a formula, or that starts with the apostrophe that guards it.
    tie.note = "=cmd|' /C calc'!A0";
    (dataset.actors[1] as DatasetInput['actors'][number]).aliases = ['+1', 'Borealis'];
    firstType.description = '-note';
    secondType.description = '@x';
    dataset.title = "'quoted";
    (dataset.ties[1] as DatasetInput['ties'][number]).note = '\tstarts with a tab';
    const positions = [0.1 + 0.2, -0, 1e21, 5e-324, -1.7976931348623157e308, 123456789.12345679];
    dataset.layout = {
      seed: 0,
      positions: {
        ATL: [positions[0] ?? 0, positions[1] ?? 0],
        BOR: [positions[2] ?? 0, positions[3] ?? 0],
        CAL: [positions[4] ?? 0, positions[5] ?? 0],
      },
    };
    const result = await importCsv(exportCsv(dataset), memoryLoader());
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.dataset).toEqual(dataset);
    expect(Object.is(result.dataset?.layout?.positions.ATL?.[1], -0)).toBe(true);
    expect(exportLosses(dataset)).toEqual([]);
    // No cell of the sheets starts as a formula would; numbers stay numbers.
    const sheets = exportCsv(dataset);
    const cells = Object.values(sheets).flatMap((text) =>
      (parse(text, { bom: true, relax_column_count: true }) as string[][]).flat(),
    );
    expect(cells.filter((value) => /^[=+\-@\t\r]/.test(value) && !/^-?[\d.]+(e[+-]\d+)?$/.test(value))).toEqual([]);
    expect(cells).toEqual(
      expect.arrayContaining(["'=cmd|' /C calc'!A0", "'+1 | Borealis", "'-note", "'@x", "''quoted", "'\tstarts with a tab"]),
    );
    expect(cells).toEqual(expect.arrayContaining(['-0', '-1.7976931348623157e+308']));

    const empty = { ...dataset, layout: { seed: 7, positions: {} } };
    expect((await importCsv(exportCsv(empty), memoryLoader())).dataset).toEqual(empty);
  });

  it('say which values would not come back the same', () => {
    const dataset = fixture();
    (dataset.actors[1] as DatasetInput['actors'][number]).aliases = [' Borealis'];
    expect(exportLosses(dataset)).toEqual([['actors', 1, 'aliases', 0]]);
  });

  it('bring back any text of a cell exactly, with a formula never written as one', () => {
    const spec = { file: 'x.csv', columns: ['a', 'b'], required: ['a', 'b'] };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        fc.pre(a !== '' || b !== '');
        const text = writeSheet(spec.columns, [[a, b]]);
        const [, written] = parse(text, { bom: true }) as string[][];
        for (const cell of written ?? []) expect(/^[=+@\t\r]/.test(cell)).toBe(false);
        expect([...(parseSheet(spec, text).sheet?.rows[0]?.cells.values() ?? [])]).toEqual([a, b]);
      }),
    );
    for (const cell of ['=1+1', '+1', '-note', '@x', "'quoted", "''", '\tx', '\rx', '-12.5', '12', '']) {
      expect(unprotectCell(protectCell(cell))).toBe(cell);
    }
    expect(['-12.5', '-0', '-1e-7', '3'].map(protectCell)).toEqual(['-12.5', '-0', '-1e-7', '3']);
    expect(['+1', '-', '-1.', '=A1', "'"].map(protectCell)).toEqual(["'+1", "'-", "'-1.", "'=A1", "''"]);
  });

  it('end a row at any line end, in a sheet whose lines end in two ways', () => {
    const spec = { file: 'x.csv', columns: ['a', 'b'], required: ['a', 'b'] };
    const cellsOf = (text: string) => parseSheet(spec, text).sheet?.rows.map((row) => [...row.cells.values()]);
    // Typed in one editor (CRLF), then a row added in another (LF), and the other way round.
    expect(cellsOf('a,b\r\n1,2\n3,4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(cellsOf('a,b\n1,2\r\n3,"x\r\ny"\n')).toEqual([
      ['1', '2'],
      ['3', 'x\r\ny'],
    ]);
    expect(cellsOf('a,b\r\nGamma,Beta\n')).toEqual([['Gamma', 'Beta']]);
  });

  it('name the line where a quote that is never closed opens, not the end of the file', () => {
    const spec = { file: 'x.csv', columns: ['a', 'b'], required: ['a', 'b'] };
    // Row 2 spans lines 2 and 3, so row 3, whose quote never closes, starts on line 4.
    const text = 'a,b\r\n"two\r\nlines",x\r\ny,"never closed\r\nz,1\r\nw,2\r\n';
    expect(parseSheet(spec, text).issues).toEqual([
      {
        file: 'x.csv',
        row: 3,
        column: 'b',
        code: 'csv-syntax',
        severity: 'error',
        message: 'A quoted cell starts here and is never closed: add the closing double quote ("). (line 4 of the file)',
      },
    ]);
    expect(unclosedQuoteLine('a\n"b ""c""\nd')).toBe(2);
  });

  it('write numbers that read back as the very same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) =>
        Object.is(parseNumberCell(numberCell(value)), value),
      ),
    );
    expect(parseListCell(' a |b\\|c|| \\\\ ')).toEqual(['a', 'b|c', '\\']);
  });
});

describe('the CLI', () => {
  it('exports the seed, imports it back equal, and refuses broken sheets with exit code 1', () => {
    const folder = scratch();
    const sheets = join(folder, 'easley');
    const exported = runCli('src/cli/export-csv.ts', [SEED, '--out', sheets]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('wrote   7 sheets to');
    expect(exported.stdout).toContain(`npm run import-csv -- ${sheets} --out ${SEED}`);

    // The text paths are relative to the dataset file, so the text goes beside the imported file.
    mkdirSync(join(folder, 'sources'));
    cpSync(
      'graph-data/sources/easley-2024-axis-of-transactionalism.txt',
      join(folder, 'sources/easley-2024-axis-of-transactionalism.txt'),
    );
    const imported = runCli('src/cli/import-csv.ts', [sheets]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`wrote   ${join(folder, 'easley.json')}: 19 actors`);
    expect(imported.stdout).toContain('Quote offsets: 0 found in the source text, 108 kept as given, 0 mended.');
    expect(JSON.parse(readFileSync(join(folder, 'easley.json'), 'utf8'))).toEqual(seed());

    const ties = join(sheets, 'ties.csv');
    writeFileSync(ties, readFileSync(ties, 'utf8').replace(',present,asserted,', ',present,sure,'));
    const broken = runCli('src/cli/import-csv.ts', [sheets, '--out', join(folder, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`error   ${ties} row 2, column hedge [schema]`);
    expect(broken.stdout).toContain('1 error: nothing was written.');
    expect(broken.stdout + broken.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(folder, 'broken.json'))).toBe(false);
  }, 60_000);

  it('reports a bad hedge, a missing quote and a missing source text of one folder in one run', async () => {
    const dataset = fixture();
    // A second source, whose text file is not there; the sheets give both sources' sha256, as exported.
    dataset.sources.push({ ...(dataset.sources[0] as DatasetInput['sources'][number]), id: 'other', text: 'other.txt' });
    const folder = scratch();
    const sheets = join(folder, 'sheets');
    mkdirSync(sheets);
    cpSync('tests/fixtures/valid/sample.txt', join(folder, 'sample.txt'));
    const files = exportCsv(dataset);
    files['ties.csv'] = files['ties.csv'].replace(
      'atl-cal-pact,ATL,CAL,defence-pact,present,asserted',
      'atl-cal-pact,ATL,CAL,defence-pact,present,sure',
    );
    files['evidence.csv'] = files['evidence.csv'].replace('keep a defence pact', 'keep no defence pact');
    for (const [name, text] of Object.entries(files)) writeFileSync(join(sheets, name), text);
    const wanted = [
      'sources.csv row 3, column text [source-text-missing]',
      'ties.csv row 3, column hedge [schema]',
      'evidence.csv row 4, column exact [evidence-orphaned]',
    ];
    const result = await importCsv(files, fileTextLoader(join(folder, 'sheets.json')));
    expect(result.issues.map((issue) => `${formatCsvPlace(issue)} [${issue.code}]`)).toEqual(wanted);

    const run = runCli('src/cli/import-csv.ts', [sheets]);
    expect(run.code).toBe(1);
    for (const place of wanted) expect(run.stdout).toContain(place.replace(/^\S+/, (file) => join(sheets, file)));
    expect(run.stdout).toContain('3 errors: nothing was written.');

    // A sheet that cannot be read at all stops neither the texts nor the quotes from being checked.
    writeFileSync(join(sheets, 'actors.csv'), Buffer.from([0x69, 0x64, 0x0a, 0xff, 0xfe]));
    const unreadable = runCli('src/cli/import-csv.ts', [sheets]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain(`${join(sheets, 'actors.csv')} [csv-syntax]`);
    expect(unreadable.stdout).not.toContain('The sheet actors.csv is missing.');
    for (const place of [wanted[0], wanted[2]]) {
      expect(unreadable.stdout).toContain((place as string).replace(/^\S+/, (file) => join(sheets, file)));
    }
  }, 60_000);

  it('finds the quotes in their texts even when other sheets are broken', async () => {
    const files = edited('actors.csv', (text) => text.replace('CAL,state,Caldera,,,,', 'CAL,state,Caldera,,,'));
    files['ties.csv'] = (files['ties.csv'] ?? '').replace('id,source', 'id,sourse');
    files['evidence.csv'] = (files['evidence.csv'] ?? '').replace('keep a defence', 'keep no defence');
    files['sources.csv'] = (files['sources.csv'] ?? '').replace('sample.txt', 'missing.txt');
    const second = handWritten()['sources.csv']?.split('\r\n')[1]?.replace('sample,', 'second,');
    files['sources.csv'] += `${second}\r\n`;
    files['evidence.csv'] = (files['evidence.csv'] ?? '').replace('tie,exact,prefix', 'tie,exact,prefix,source');
    files['evidence.csv'] = files['evidence.csv'].replace(/^(atl-.*)$/gm, '$1,second');
    // Neither ties.csv nor actors.csv can be read, yet each quote is looked for in its source's text.
    expect(await issuesOf(files)).toEqual([
      expect.stringMatching(/^sources\.csv row 2, column text \[source-text-missing\]/),
      expect.stringMatching(/^actors\.csv row 4 \[csv-ragged-row\]/),
      expect.stringMatching(/^ties\.csv row 1, column sourse \[csv-unknown-column\]/),
      expect.stringMatching(/^ties\.csv row 1, column source \[csv-missing-column\]/),
      expect.stringMatching(
        /^evidence\.csv row 4, column exact \[evidence-orphaned\] The quote "Atlantis and Caldera keep no defence pact\."/,
      ),
    ]);
  });
});
