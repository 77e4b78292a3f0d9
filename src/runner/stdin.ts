// Linting stdin as a file: `aslint lint -` (or --stdin), named by --stdin-filename, in the format
// --stdin-format gives or the name and content tell.
import { ConfigResolver, isIgnored, type ConfigOptions } from '../config/discovery.js';
import { decodeBytes, detectFormat, TEXT_FORMATS, type SourceFormat } from '../sources/index.js';
import { InputError } from '../core/types.js';
import { jsonlPartsOf } from './read.js';
import type { StdinInput } from './run.js';

export interface StdinChoice {
  /** --stdin-format. */
  format?: SourceFormat;
  /** --stdin-filename: the file stdin is reported as; its config, ignores and format apply. */
  filename?: string;
  /** The whole text is needed at once (a --baseline filter): no streaming of JSONL. */
  whole?: boolean;
}

/** Stdin cannot be read without a way to tell its format. */
export function checkStdinChoice(choice: StdinChoice): void {
  if (!choice.format && !choice.filename) {
    throw new InputError(
      'reading stdin needs --stdin-format or --stdin-filename',
      undefined,
      undefined,
      undefined,
      `Add --stdin-format ${TEXT_FORMATS.join('|')}, or --stdin-filename replies.yaml.`,
    );
  }
}

/** Whether an ignore pattern of the config matches the --stdin-filename (then it is skipped with ESLint's warning). */
export function isStdinIgnored(choice: StdinChoice, config: ConfigOptions): boolean {
  return choice.filename !== undefined && isIgnored(new ConfigResolver(config).forFile(choice.filename), choice.filename);
}

/** Stdin as the runner lints it: JSONL in parts of whole lines as they arrive (a streaming filter: docs/scale.md), anything else whole. */
export async function stdinInput(stream: AsyncIterable<Buffer>, choice: StdinChoice): Promise<StdinInput> {
  if (choice.format === 'jsonl' && !choice.whole) return { parts: jsonlPartsOf(stream, true), format: 'jsonl', path: choice.filename };
  const name = choice.filename ?? '<stdin>';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  // Decoded as a file's bytes are (UTF-8 with or without BOM, UTF-16 with BOM, GB18030, Big5).
  const text = decodeBytes(Buffer.concat(chunks), name).text;
  return { text, format: choice.format ?? detectFormat(name, text), path: choice.filename };
}
