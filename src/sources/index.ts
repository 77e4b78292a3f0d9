// Input readers: open a file (or text from stdin) as a SourceDocument whose conversations are
// read lazily, one at a time. Every utterance's `locate` gives exact positions in the file.
//
// Errors: a missing or unreadable file and an undetectable encoding throw from openSource; a
// syntax or shape error in the content throws (an InputError with line and column) while the
// conversations are iterated.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { InputError, type Conversation, type SourceDocument, type SourceFormat } from '../types.js';
import { decodeBytes, detectEncoding, fileError, readTextFile, type SourceEncoding, type DetectedEncoding } from './encoding.js';
import { jsonlConversations } from './jsonl.js';
import { linesOfFile, linesOfString } from './lines.js';
import { jsonReplies } from './replies-json.js';
import { textReplies } from './replies-text.js';
import { yamlReplies } from './replies-yaml.js';
import { looksLikeTranscript, textConversations } from './text.js';

export type { SourceEncoding, DecodedText } from './encoding.js';
export { decodeBytes, encodeText, readTextFile, parseEncodingName, SOURCE_ENCODINGS } from './encoding.js';
export { parseRole } from './roles.js';
export { OffsetMap, LineMap } from './positions.js';

/** Extensions (with the dot) of the files aslint reads when it walks a directory. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.jsonl', '.ndjson', '.json', '.yaml', '.yml', '.txt'];

export const SOURCE_FORMATS: readonly SourceFormat[] = ['jsonl', 'text', 'replies-yaml', 'replies-json', 'replies-text'];

/** A SourceDocument read from a file, with what is needed to write the file back unchanged. */
export interface SourceFile extends SourceDocument {
  encoding: SourceEncoding;
  bom: boolean;
}

export interface OpenOptions {
  format?: SourceFormat | 'auto';
  encoding?: SourceEncoding | 'auto';
}

const SAMPLE = 64 * 1024;
const MAX_SAMPLE = 4 * 1024 * 1024;

/** Whether a JSON-ish text is JSON Lines rather than one JSON document. */
function looksLikeJsonl(text: string): boolean {
  const lines = text.split('\n', 50).filter((l) => l.trim() !== '');
  const first = lines[0];
  if (!first) return false;
  let v: unknown;
  try {
    v = JSON.parse(first);
  } catch {
    return false;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  if (lines.length > 1) return lines[1]!.trimStart().startsWith('{');
  return 'turns' in v || 'messages' in v;
}

/**
 * The format of a file from its extension and the start of its text: .jsonl/.ndjson → jsonl,
 * .yaml/.yml → replies-yaml, .json → replies-json (jsonl when its lines are objects), .txt →
 * text when its lines carry role prefixes, else replies-text. Other names: by content.
 */
export function detectFormat(path: string, head: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  const body = head.replace(/^\ufeff/, '');
  switch (ext) {
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.yaml':
    case '.yml':
      return 'replies-yaml';
    case '.json':
      return looksLikeJsonl(body) ? 'jsonl' : 'replies-json';
    case '.txt':
      return looksLikeTranscript(body) ? 'text' : 'replies-text';
  }
  const t = body.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return looksLikeJsonl(body) ? 'jsonl' : 'replies-json';
  if (looksLikeTranscript(body)) return 'text';
  throw new InputError(
    `cannot tell the format of the file from its name`,
    path,
    undefined,
    undefined,
    `name it .jsonl, .json, .yaml, .yml or .txt, or give the format (${SOURCE_FORMATS.join(', ')})`,
  );
}

function reiterable(make: () => AsyncIterator<Conversation>): AsyncIterable<Conversation> {
  return { [Symbol.asyncIterator]: make };
}

/** Read the start of a file: 64 KiB, or more (up to 4 MiB) while it is all ASCII. */
async function readHead(path: string): Promise<{ sample: Buffer; complete: boolean }> {
  // Opening a FIFO blocks until something writes to it, and reading at a position then fails
  // (ESPIPE): only regular files are opened. Pipes go to stdin (-).
  const kind = await stat(path).catch((err: unknown) => {
    throw fileError(err, path);
  });
  if (!kind.isFile() && !kind.isDirectory()) {
    throw new InputError(
      `is not a regular file (${kind.isFIFO() ? 'a named pipe' : kind.isSocket() ? 'a socket' : 'a device'})`,
      path,
      undefined,
      undefined,
      'aslint reads files; send a stream to its standard input instead: … | aslint lint - --stdin-format jsonl',
    );
  }
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw fileError(err, path);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw fileError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path);
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = total === 0 ? SAMPLE : Math.min(total, MAX_SAMPLE - total);
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, total);
      parts.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < want) return { sample: Buffer.concat(parts), complete: true };
      const all = Buffer.concat(parts);
      if (total >= MAX_SAMPLE || all.some((b) => b >= 0x80)) return { sample: all, complete: false };
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileError(err, path);
  } finally {
    await fh.close();
  }
}

function decodeHead(sample: Buffer, enc: DetectedEncoding): string {
  const body = sample.subarray(enc.bomLength);
  switch (enc.encoding) {
    case 'utf-8':
      return body.toString('utf8');
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(enc.encoding, { ignoreBOM: true }).decode(body.subarray(0, body.length & ~1));
    default:
      return iconv.decode(body, enc.encoding);
  }
}

/** Open a source file. */
export async function openSource(path: string, options: OpenOptions = {}): Promise<SourceFile> {
  const { sample, complete } = await readHead(path);
  let enc: DetectedEncoding;
  if (options.encoding && options.encoding !== 'auto') {
    const bom = detectBom(sample);
    enc = { encoding: options.encoding, bomLength: bom && bom.encoding === options.encoding ? bom.bomLength : 0 };
  } else enc = detectEncoding(sample, complete, path);
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(path, decodeHead(sample, enc));
  let conversations: AsyncIterable<Conversation>;
  switch (format) {
    case 'jsonl':
      conversations = reiterable(() => jsonlConversations(path, linesOfFile(path, enc)));
      break;
    case 'text':
      conversations = reiterable(() => textConversations(path, linesOfFile(path, enc)));
      break;
    case 'replies-text':
      conversations = reiterable(() => textReplies(linesOfFile(path, enc)));
      break;
    case 'replies-yaml':
    case 'replies-json':
      conversations = reiterable(() =>
        (async function* () {
          const { text } = await readTextFile(path, enc.encoding);
          yield* format === 'replies-yaml' ? yamlReplies(path, text) : jsonReplies(path, text);
        })(),
      );
      break;
    default:
      throw new InputError(`unknown input format "${String(format)}"`, path, undefined, undefined, `use one of ${SOURCE_FORMATS.join(', ')}`);
  }
  return { path, format, encoding: enc.encoding, bom: enc.bomLength > 0, conversations };
}

function detectBom(sample: Buffer): DetectedEncoding | undefined {
  try {
    const d = detectEncoding(sample.subarray(0, 3), false, '');
    return d.bomLength ? d : undefined;
  } catch {
    return undefined;
  }
}

/** A source from text already in memory (stdin: path `<stdin>`). A leading BOM is dropped. */
export function openText(path: string, text: string, format: SourceFormat): SourceDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let make: () => AsyncIterator<Conversation>;
  switch (format) {
    case 'jsonl':
      make = () => jsonlConversations(path, linesOfString(body));
      break;
    case 'text':
      make = () => textConversations(path, linesOfString(body));
      break;
    case 'replies-text':
      make = () => textReplies(linesOfString(body));
      break;
    case 'replies-yaml':
      make = () => (async function* () { yield* yamlReplies(path, body); })();
      break;
    case 'replies-json':
      make = () => (async function* () { yield* jsonReplies(path, body); })();
      break;
    default:
      throw new InputError(`unknown input format "${String(format)}"`, path, undefined, undefined, `use one of ${SOURCE_FORMATS.join(', ')}`);
  }
  return { path, format, conversations: reiterable(make) };
}

/** Decode stdin bytes (any supported encoding) to text for openText. */
export function decodeStdin(bytes: Uint8Array): string {
  return decodeBytes(bytes, '<stdin>').text;
}
