// Which files a command line names, each real file once under the first name found: walked files
// are resolved through their folder, and a file that is a symbolic link through itself.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { glob } from 'tinyglobby';
import { expandPaths } from '../../src/runner/expand-paths.js';
import { SOURCE_EXTENSIONS } from '../../src/sources/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aslint-expand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandPaths', () => {
  mkdirSync(join(dir, 'chats'));
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'chats', 'a.txt'), '客服：您好\n');
  writeFileSync(join(dir, 'chats', 'c.txt'), '客服：您好\n');
  writeFileSync(join(dir, 'other', 'd.txt'), '客服：您好\n');
  // b.txt is a.txt; e.txt is other/d.txt; linked/ is other/.
  symlinkSync('a.txt', join(dir, 'chats', 'b.txt'));
  symlinkSync('../other/d.txt', join(dir, 'chats', 'e.txt'));
  symlinkSync('../other', join(dir, 'chats', 'linked'));

  it('walks a folder and keeps each real file once, under the first name in order', async () => {
    const chats = join(dir, 'chats');
    expect(await expandPaths([chats])).toEqual([`${chats}/a.txt`, `${chats}/c.txt`, `${chats}/e.txt`]);
  });

  it('keeps a file once whether it is named, walked or globbed, and under whatever path', async () => {
    const named = join(dir, 'other', 'd.txt');
    expect(await expandPaths([named, join(dir, 'other'), `${dir}/chats/../other/*.txt`, join(dir, 'chats')])).toEqual([
      named,
      join(dir, 'chats', 'a.txt'),
      join(dir, 'chats', 'c.txt'),
    ]);
  });
});

describe('a folder without links, walked without the glob', () => {
  const root = join(dir, 'plain');
  const files = [
    'a.txt',
    'b.jsonl',
    'c.ndjson',
    'd.json',
    'e.csv',
    'f.tsv',
    'g.xlsx',
    'h.yaml',
    'i.yml',
    'j.md',
    'K.TXT',
    'l.txt.bak',
    'm.b.txt',
    '.hidden.txt',
    'noext',
    'sub/n.txt',
    'sub/deeper/o.yaml',
    'sub/.p.txt',
    '.dot/q.txt',
    'node_modules/r.txt',
    'sub/node_modules/s.txt',
    'x.txt/t.txt',
    'Z/u.txt',
    '中文/v.txt',
    '[w] x.txt',
  ];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '客服：您好\n');
  }
  mkdirSync(join(root, 'empty.txt'));

  it('finds what the glob finds, in the same order', async () => {
    const exts = SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',');
    const globbed = (await glob(`**/*.{${exts}}`, { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true })).sort();
    // Dot files and folders, node_modules, other extensions and other cases left out; a folder named x.txt walked.
    expect(globbed).toEqual([
      'Z/u.txt',
      '[w] x.txt',
      'a.txt',
      'b.jsonl',
      'c.ndjson',
      'd.json',
      'e.csv',
      'f.tsv',
      'g.xlsx',
      'h.yaml',
      'i.yml',
      'm.b.txt',
      'sub/deeper/o.yaml',
      'sub/n.txt',
      'x.txt/t.txt',
      '中文/v.txt',
    ]);
    expect(await expandPaths([root])).toEqual(globbed.map((f) => `${root}/${f}`));
    expect(await expandPaths([`${root}/`])).toEqual(globbed.map((f) => `${root}/${f}`));
  });

  it('leaves a name with a line break to the glob, which does not take it', async () => {
    const odd = join(dir, 'plain-odd');
    mkdirSync(join(odd, 'a\nb'), { recursive: true });
    writeFileSync(join(odd, 'a\nb', 'c.txt'), '客服：您好\n');
    writeFileSync(join(odd, '\nd.txt'), '客服：您好\n');
    writeFileSync(join(odd, 'e.txt'), '客服：您好\n');
    expect(await expandPaths([odd])).toEqual([`${odd}/e.txt`]);
  });

  it('leaves a folder with a link to the glob, which follows it', async () => {
    const linked = join(dir, 'plain-linked');
    mkdirSync(join(linked, 'in'), { recursive: true });
    writeFileSync(join(linked, 'in', 'a.txt'), '客服：您好\n');
    symlinkSync(join(root, 'sub'), join(linked, 'in', 'sub'));
    expect(await expandPaths([linked])).toEqual([`${linked}/in/a.txt`, `${linked}/in/sub/deeper/o.yaml`, `${linked}/in/sub/n.txt`]);
  });
});
