// --cache: a file's findings are kept under a key made of everything that could change them: the
// file's bytes, the resolved configuration, the contents of every glossary and rule file loaded,
// and aslint's version. Any change gives another key, so a stale entry is never used.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { FileResult } from './result.js';

interface CacheEntry {
  key: string;
  result: Omit<FileResult, 'path'>;
}

interface CacheData {
  version: 1;
  aslint: string;
  files: Record<string, CacheEntry>;
}

export class ResultCache {
  private readonly fileHashes = new Map<string, string>();
  private dirty = false;

  private constructor(
    readonly location: string,
    private readonly version: string,
    private readonly data: CacheData,
  ) {}

  /** Opens a cache file; a missing, unreadable or other-version cache starts empty. */
  static async open(location: string, version: string): Promise<ResultCache> {
    let data: CacheData = { version: 1, aslint: version, files: {} };
    try {
      const parsed = JSON.parse(await readFile(location, 'utf8')) as CacheData;
      if (parsed.version === 1 && parsed.aslint === version && parsed.files && typeof parsed.files === 'object') data = parsed;
    } catch {
      // no cache yet, or a damaged one: start again
    }
    return new ResultCache(location, version, data);
  }

  private hashOf(file: string): string {
    let h = this.fileHashes.get(file);
    if (!h) {
      h = createHash('sha256').update(readFileSync(file)).digest('hex');
      this.fileHashes.set(file, h);
    }
    return h;
  }

  /** The key of a file's result: settings, the rule files' contents, the file's content hash. */
  key(settings: readonly string[], ruleFiles: readonly string[], contentHash: string): string {
    const h = createHash('sha256').update(this.version);
    for (const s of settings) h.update('\0').update(s);
    for (const f of ruleFiles) h.update('\0').update(f).update('\0').update(this.hashOf(f));
    return h.update('\0').update(contentHash).digest('hex');
  }

  get(path: string, key: string): Omit<FileResult, 'path'> | undefined {
    const entry = this.data.files[resolve(path)];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(path: string, key: string, result: FileResult): void {
    const { path: _p, ...rest } = result;
    this.data.files[resolve(path)] = { key, result: rest };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await writeFileAtomic(this.location, JSON.stringify(this.data) + '\n');
    this.dirty = false;
  }
}
