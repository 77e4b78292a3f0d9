// Aho–Corasick over UTF-16 code units: one pass over a text finds every literal pattern of every
// rule. The automaton is built in a Map-based trie, then flattened into typed arrays: a direct
// 64 Ki-entry table for the root (where the scan spends most of its time: most characters start
// no pattern), sorted edge lists for the other nodes, failure links and output lists. Measured on
// chat text (DESIGN.md): the Map-based scan ran 26–41 MB/s, the flat one 112–166 MB/s with the
// same matches; npm Aho–Corasick packages ran 10–50× slower than either. The tables are plain
// typed arrays, so a compiled matcher is cached on disk and handed to worker threads as it is.

export interface Match {
  pattern: number;
  start: number;
  end: number;
}

/** The flat automaton: what is cached and sent to workers. */
export interface MatcherTables {
  /** Child of the root for each UTF-16 code unit, 0 for none. */
  root: Int32Array;
  /** Edges of node n: edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n + 1]), sorted by char. */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** Patterns ending at node n (failure links included): outPattern[outStart[n] .. outStart[n + 1]). */
  outStart: Int32Array;
  outPattern: Int32Array;
  /** Length of each pattern. */
  lengths: Int32Array;
}

/** The matches of one text (Matcher.collect): pattern and end offset of each, by end offset; reused from one text to the next. */
export class MatchList {
  patterns = new Int32Array(256);
  ends = new Int32Array(256);
  count = 0;

  /** Room for at least one more match. */
  grow(): void {
    const patterns = new Int32Array(2 * this.patterns.length);
    const ends = new Int32Array(2 * this.ends.length);
    patterns.set(this.patterns);
    ends.set(this.ends);
    this.patterns = patterns;
    this.ends = ends;
  }
}

/** Builds a matcher: add patterns, then build(). */
export class MatcherBuilder {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly own: number[][] = [[]];
  private readonly lengths: number[] = [];

  /** Adds a pattern; returns its number. */
  add(text: string): number {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.next[node]!.get(c);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.own.push([]);
        this.next[node]!.set(c, child);
      }
      node = child;
    }
    const id = this.lengths.length;
    this.lengths.push(text.length);
    this.own[node]!.push(id);
    return id;
  }

  get size(): number {
    return this.lengths.length;
  }

  build(): Matcher {
    const { next } = this;
    const n = next.length;
    const fail = new Int32Array(n);
    const out: number[][] = this.own.map((o) => [...o]);
    // Breadth first, so a node's failure target is complete before the node.
    const queue: number[] = [...next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of next[node]!) {
        let f = fail[node]!;
        while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
        const target = next[f]!.get(c);
        fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = out[fail[child]!]!;
        if (inherited.length > 0) out[child]!.push(...inherited);
        queue.push(child);
      }
    }
    const root = new Int32Array(0x10000);
    for (const [c, child] of next[0]!) root[c] = child;
    const edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let i = 0; i < n; i++) edges += i === 0 ? 0 : next[i]!.size;
    const edgeChar = new Uint16Array(edges);
    const edgeTarget = new Int32Array(edges);
    const outStart = new Int32Array(n + 1);
    const outPattern = new Int32Array(out.reduce((sum, o) => sum + o.length, 0));
    let e = 0;
    let o = 0;
    for (let i = 0; i < n; i++) {
      edgeStart[i] = e;
      if (i !== 0) {
        for (const [c, child] of [...next[i]!].sort((a, b) => a[0] - b[0])) {
          edgeChar[e] = c;
          edgeTarget[e++] = child;
        }
      }
      outStart[i] = o;
      for (const p of out[i]!) outPattern[o++] = p;
    }
    edgeStart[n] = e;
    outStart[n] = o;
    return new Matcher({ root, edgeStart, edgeChar, edgeTarget, fail, outStart, outPattern, lengths: Int32Array.from(this.lengths) });
  }
}

export class Matcher {
  constructor(readonly tables: MatcherTables) {}

  get size(): number {
    return this.tables.lengths.length;
  }

  /** Every occurrence of every pattern in text, overlapping ones included, by end offset. */
  scan(text: string): Match[] {
    const list = this.collect(text, new MatchList());
    const matches: Match[] = [];
    for (let k = 0; k < list.count; k++) {
      const pattern = list.patterns[k]!;
      matches.push({ pattern, start: list.ends[k]! - this.tables.lengths[pattern]!, end: list.ends[k]! });
    }
    return matches;
  }

  /**
   * Writes every occurrence of every pattern in text into `into` (from its start), by end offset,
   * with no object per match: the scan of each utterance goes through here (on a 4 MiB export,
   * one Match object per match was 443k objects for the garbage collector). Writing them into a
   * list, rather than calling back for each: the linter on the generated 5,000 transcripts took
   * 3–7 ms less CPU of ~175 ms (in process, least of 15, two runs).
   */
  collect(text: string, into: MatchList): MatchList {
    const { root, edgeStart, edgeChar, edgeTarget, fail, outStart, outPattern } = this.tables;
    let { patterns, ends } = into;
    let n = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (node === 0) {
          node = root[c]!;
          break;
        }
        // Few nodes besides the root have more than a handful of edges: a linear scan is fastest.
        let child = 0;
        for (let k = edgeStart[node]!, end = edgeStart[node + 1]!; k < end; k++) {
          const ch = edgeChar[k]!;
          if (ch === c) {
            child = edgeTarget[k]!;
            break;
          }
          if (ch > c) break;
        }
        if (child !== 0) {
          node = child;
          break;
        }
        node = fail[node]!;
      }
      for (let k = outStart[node]!, end = outStart[node + 1]!; k < end; k++) {
        if (n === patterns.length) {
          into.grow();
          ({ patterns, ends } = into);
        }
        patterns[n] = outPattern[k]!;
        ends[n++] = i + 1;
      }
    }
    into.count = n;
    return into;
  }
}
