// Every input format, in the order detection tries them: where formats share an extension
// (.json, .txt), the first whose sniff accepts the file's start wins, and the format without a
// sniff takes the rest. A new format is a module exporting an InputFormat and one line here.
import { InputError } from '../core/types.js';
import { csvFormat, tsvFormat } from './csv.js';
import type { InputFormat } from './format.js';
import { jsonChatsFormat } from './json-chats.js';
import { jsonlFormat } from './jsonl.js';
import { repliesJsonFormat } from './replies-json.js';
import { repliesTextFormat } from './replies-text.js';
import { repliesYamlFormat } from './replies-yaml.js';
import { textFormat } from './text.js';
import { xlsxFormat } from './xlsx.js';

export const INPUT_FORMATS = [
  jsonlFormat,
  jsonChatsFormat,
  csvFormat,
  tsvFormat,
  xlsxFormat,
  textFormat,
  repliesYamlFormat,
  repliesJsonFormat,
  repliesTextFormat,
] as const satisfies readonly InputFormat[];

/** The name of an input format. */
export type SourceFormat = (typeof INPUT_FORMATS)[number]['name'];

const BY_NAME = new Map<string, InputFormat<SourceFormat>>(INPUT_FORMATS.map((f) => [f.name, f]));

export const SOURCE_FORMATS: readonly SourceFormat[] = INPUT_FORMATS.map((f) => f.name);

/** Extensions (with the dot) of the files aslint reads when it walks a directory. */
export const SOURCE_EXTENSIONS: readonly string[] = [...new Set(INPUT_FORMATS.flatMap((f) => f.extensions))];

/** The formats --fix may rewrite and inline disables apply to: canned-reply libraries. */
export const FIXABLE_FORMATS: ReadonlySet<SourceFormat> = new Set(INPUT_FORMATS.filter((f) => f.library).map((f) => f.name));

/** The formats that can come as text (stdin). */
export const TEXT_FORMATS: readonly SourceFormat[] = INPUT_FORMATS.filter((f) => !f.binary).map((f) => f.name);

export function isSourceFormat(name: string): name is SourceFormat {
  return BY_NAME.has(name as SourceFormat);
}

/** The format of a name, or an InputError that lists the names. */
export function inputFormat(name: string): InputFormat<SourceFormat> {
  const f = BY_NAME.get(name as SourceFormat);
  if (!f) throw new InputError(`unknown input format "${name}"`, undefined, undefined, undefined, `use one of ${SOURCE_FORMATS.join(', ')}`);
  return f;
}

/** The lower-case extension of a path, with the dot ('' when none). */
export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The formats of each extension, in detection order: found once, not filtered per file. */
const BY_EXTENSION = new Map<string, InputFormat<SourceFormat>[]>();
for (const f of INPUT_FORMATS as readonly InputFormat<SourceFormat>[])
  for (const ext of f.extensions) {
    const list = BY_EXTENSION.get(ext);
    if (list) {
      if (!list.includes(f)) list.push(f);
    } else BY_EXTENSION.set(ext, [f]);
  }

/** The binary format a file name says, if any (read without decoding the file as text). */
export function binaryFormatOf(path: string): InputFormat<SourceFormat> | undefined {
  return BY_EXTENSION.get(extensionOf(path))?.find((f) => f.binary);
}

/**
 * The format of a file from its name and the start of its text: among the formats of its
 * extension, the first whose sniff accepts the text (or that has none); for other names, the
 * first format whose sniffUnknownName accepts it.
 */
export function detectFormat(path: string, head: string): SourceFormat {
  const ext = extensionOf(path);
  const body = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const candidates = BY_EXTENSION.get(ext) ?? [];
  if (candidates.length === 1) return candidates[0]!.name;
  if (candidates.length > 1) return (candidates.find((f) => !f.sniff || f.sniff(body)) ?? candidates[candidates.length - 1]!).name;
  const sniffed = INPUT_FORMATS.find((f) => f.sniffUnknownName?.(body));
  if (sniffed) return sniffed.name;
  throw new InputError(
    `cannot tell the format of the file from its name`,
    path,
    undefined,
    undefined,
    `name it ${SOURCE_EXTENSIONS.join(', ')}, or give the format with --input-format (${SOURCE_FORMATS.join(', ')}) or a config \`files\` entry`,
  );
}
