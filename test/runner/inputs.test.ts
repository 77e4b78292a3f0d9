// Which files a lint run takes: each file once across the command line's patterns, never the
// files aslint itself writes, walked files as candidates (judged when read), named files as they are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectInputs } from '../../src/runner/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'aslint-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('selectInputs', () => {
  const chats = join(dir, 'chats');
  mkdirSync(chats);
  for (const name of ['a.txt', 'b.txt', 'package.json', 'report.json']) writeFileSync(join(chats, name), '客服：您好\n');

  it('walks one folder: every file once, in order, all candidates, tooling files left out', async () => {
    const { files, candidates, ignored } = await selectInputs([chats], { useConfig: false });
    expect(files).toEqual([join(chats, 'a.txt'), join(chats, 'b.txt'), join(chats, 'report.json')]);
    expect([...candidates]).toEqual(files);
    expect(ignored).toEqual([]);
  });

  it("leaves out the run's own files, with a single folder too", async () => {
    const { files } = await selectInputs([chats], { useConfig: false, ownFiles: [join(chats, 'report.json')] });
    expect(files).toEqual([join(chats, 'a.txt'), join(chats, 'b.txt')]);
  });

  it('takes a file named and walked once, under the first pattern that names it', async () => {
    const { files, candidates } = await selectInputs([join(chats, 'b.txt'), chats, `${chats}/*.txt`], { useConfig: false });
    expect(files).toEqual([join(chats, 'b.txt'), join(chats, 'a.txt'), join(chats, 'report.json')]);
    expect([...candidates]).toEqual([join(chats, 'a.txt'), join(chats, 'report.json')]);
  });

  it('names walked files by normal paths, whatever the folder was called', async () => {
    const normal = [join(chats, 'a.txt'), join(chats, 'b.txt'), join(chats, 'report.json')];
    for (const folder of [`${chats}/.`, `${chats}/./`, `${dir}//chats`, `${chats}/../chats`, `${dir}/./chats//`])
      expect([folder, (await selectInputs([folder], { useConfig: false })).files]).toEqual([folder, normal]);
    const dotted = join(dir, '.dotted');
    mkdirSync(dotted);
    writeFileSync(join(dotted, 'c.txt'), '客服：您好\n');
    expect((await selectInputs([`${dotted}/./`], { useConfig: false })).files).toEqual([join(dotted, 'c.txt')]);
  });
});
