// A progress bar on stderr for long runs — files, conversations, MB/s — drawn only when stderr is
// a terminal: in a pipe, a CI log or a file it would be noise, so nothing is written at all.
// One line redrawn in place (`\r`, then erase to the end of the line), at most every REDRAW_MS,
// and erased when the run ends, so the report that follows starts on a clean line.
import stringWidth from 'string-width';

/** The part of a stream the bar uses (process.stderr, or a fake one in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface FileDone {
  path: string;
  /** The file's dialogues (reply libraries have none). */
  conversations?: readonly unknown[];
}

const REDRAW_MS = 100;
const BAR_WIDTH = 20;
const ERASE_LINE = '\r\x1b[K';

export class ProgressBar {
  private files = 0;
  private conversations = 0;
  private bytes = 0;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly started: number;
  private readonly on: boolean;

  /**
   * @param sizes the byte size of every file of the run, by path: the bar fills by bytes, so a
   *   large export counts for what it weighs.
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly sizes: ReadonlyMap<string, number>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.on = stream.isTTY === true && sizes.size > 0;
    this.started = now();
  }

  /** A file is linted. */
  fileDone(file: FileDone): void {
    if (!this.on) return;
    this.files++;
    this.conversations += file.conversations?.length ?? 0;
    this.bytes += this.sizes.get(file.path) ?? 0;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS && this.files < this.sizes.size) return;
    this.lastDraw = t;
    this.stream.write(ERASE_LINE + this.line(t));
    this.drawn = true;
  }

  /** The run is over: erase the bar. */
  done(): void {
    if (this.drawn) this.stream.write(ERASE_LINE);
    this.drawn = false;
  }

  /** `[██████░░░░] 3/10 files · 120 conversations · 5.2 MB/s`, cut to the terminal's width. */
  line(t = this.now()): string {
    const total = [...this.sizes.values()].reduce((a, b) => a + b, 0);
    const share = total > 0 ? this.bytes / total : this.files / this.sizes.size;
    const filled = Math.round(Math.min(1, share) * BAR_WIDTH);
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? `${(this.bytes / 1e6 / seconds).toFixed(1)} MB/s` : '… MB/s';
    const text = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${this.files}/${this.sizes.size} files · ${this.conversations} conversation${this.conversations === 1 ? '' : 's'} · ${rate}`;
    // One column short of the width: a line that fills it wraps on some terminals.
    // A pty may report 0 columns: then assume the usual 80.
    const room = (this.stream.columns || 80) - 1;
    let out = '';
    let used = 0;
    for (const ch of text) {
      used += stringWidth(ch);
      if (used > room) break;
      out += ch;
    }
    return out;
  }
}
