// The progress bar: drawn on a terminal only, by bytes, throttled, erased at the end.
import { describe, expect, it } from 'vitest';
import { ProgressBar, type ProgressStream } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

const SIZES = new Map([
  ['a.jsonl', 1_000_000],
  ['b.jsonl', 1_000_000],
  ['c.yaml', 2_000_000],
]);

/** A clock the test moves by hand, in milliseconds. */
function clock(): { now: () => number; at: (ms: number) => void } {
  let t = 0;
  return { now: () => t, at: (ms) => (t = ms) };
}

describe('progress bar', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    const stream = fakeStream(false);
    const bar = new ProgressBar(stream, SIZES);
    bar.fileDone({ path: 'a.jsonl', conversations: [1, 2] });
    bar.fileDone({ path: 'b.jsonl', conversations: [] });
    bar.done();
    expect(stream.written).toEqual([]);
  });

  it('on a terminal shows files, conversations and MB/s, fills by bytes, redraws at most every 100 ms, the last file always, and erases itself', () => {
    const stream = fakeStream(true, 120);
    const c = clock();
    const bar = new ProgressBar(stream, SIZES, c.now);
    c.at(1000);
    bar.fileDone({ path: 'a.jsonl', conversations: [1, 2] });
    c.at(1050);
    bar.fileDone({ path: 'b.jsonl', conversations: [1, 2, 3] });
    c.at(2000);
    bar.fileDone({ path: 'c.yaml' });
    bar.done();
    expect(stream.written).toEqual([
      '\r\x1b[K[█████░░░░░░░░░░░░░░░] 1/3 files · 2 conversations · 1.0 MB/s',
      '\r\x1b[K[████████████████████] 3/3 files · 5 conversations · 2.0 MB/s',
      '\r\x1b[K',
    ]);
  });

  it('fits a narrow terminal, one column short so the line does not wrap', () => {
    const stream = fakeStream(true, 30);
    const c = clock();
    const bar = new ProgressBar(stream, SIZES, c.now);
    c.at(500);
    bar.fileDone({ path: 'a.jsonl', conversations: [1] });
    expect(stream.written).toEqual(['\r\x1b[K[█████░░░░░░░░░░░░░░░] 1/3 fi']);
  });

  it('is off for a run of no files (stdin alone), and done() after nothing drawn writes nothing', () => {
    const stream = fakeStream(true);
    const bar = new ProgressBar(stream, new Map());
    bar.fileDone({ path: '<stdin>' });
    bar.done();
    expect(stream.written).toEqual([]);
  });
});
