// Which files a command line names, each real file once under the first name found: walked files
// are resolved through their folder, and a file that is a symbolic link through itself.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/runner/expand-paths.js';

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
