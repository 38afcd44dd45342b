/**
 * A hash table from a pair of 32-bit integers to a number, in typed arrays (open addressing, linear
 * probing): the language model's memos and sparse tables are looked up hundreds of thousands of times
 * per restoration, and a `Map` (or a `Map` of `Map`s) costs a call, a hash of a boxed key and an
 * allocation per row; this costs a few integer operations and no allocation per entry.
 */

/** The one key `a` that cannot be stored (marks an empty slot). */
const EMPTY = -0x80000000;

export class PairTable {
  private ka: Int32Array;
  private kb: Int32Array;
  /** The values, by slot (`find`). */
  vals: Float64Array;
  private mask: number;
  /** Number of entries. */
  size = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < 2 * capacity) cap *= 2;
    this.ka = new Int32Array(cap).fill(EMPTY);
    this.kb = new Int32Array(cap);
    this.vals = new Float64Array(cap);
    this.mask = cap - 1;
  }

  private static hash(a: number, b: number): number {
    const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
    return h ^ (h >>> 15);
  }

  /** The slot of (a, b), or -1 when it has no value. `a` must not be -2^31. */
  find(a: number, b: number): number {
    const ka = this.ka, mask = this.mask;
    let i = PairTable.hash(a, b) & mask;
    for (;;) {
      const x = ka[i]!;
      if (x === a && this.kb[i] === b) return i;
      if (x === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** The value of (a, b), or `missing`. */
  get(a: number, b: number, missing: number): number {
    const i = this.find(a, b);
    return i < 0 ? missing : this.vals[i]!;
  }

  /** Whether (a, b) has a value. */
  has(a: number, b: number): boolean {
    return this.find(a, b) >= 0;
  }

  /** Set the value of (a, b) (replacing any). */
  set(a: number, b: number, v: number): void {
    const i = this.slotOf(a, b); // (first: it may grow the arrays)
    this.vals[i] = v;
  }

  /** Add `d` to the value of (a, b) (0 when it has none); whether (a, b) is new. */
  add(a: number, b: number, d: number): boolean {
    const size = this.size, i = this.slotOf(a, b);
    this.vals[i] = this.vals[i]! + d;
    return this.size !== size;
  }

  /** The slot of (a, b), made (value 0) when it has none. */
  private slotOf(a: number, b: number): number {
    if (2 * (this.size + 1) > this.ka.length) this.grow();
    const ka = this.ka, mask = this.mask;
    let i = PairTable.hash(a, b) & mask;
    for (;;) {
      const x = ka[i]!;
      if (x === EMPTY) { ka[i] = a; this.kb[i] = b; this.vals[i] = 0; this.size++; return i; }
      if (x === a && this.kb[i] === b) return i;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const ka = this.ka, kb = this.kb, vals = this.vals;
    const cap = 2 * ka.length;
    this.ka = new Int32Array(cap).fill(EMPTY);
    this.kb = new Int32Array(cap);
    this.vals = new Float64Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== EMPTY) this.set(ka[i]!, kb[i]!, vals[i]!);
  }
}

/**
 * Rows of int → number entries, each row a small open-addressing table of its own in one flat pair of
 * typed arrays (sized when the row is opened, from a bound on its entries), with a 256-bit filter of
 * its keys: a row is filled at once and then asked about many keys, most of which it lacks (the
 * language model's sparse tables: ~400k questions a run, ~95% about absent words). The filter (32
 * bytes, hot while one row is asked about a run of keys) answers most of them, and one row's slots
 * are contiguous, so filling or asking it touches a few cache lines, not a large table's.
 */
export class SparseRows {
  private keys = new Int32Array(1 << 12).fill(EMPTY);
  /** The values, by slot (`find`). */
  vals = new Float64Array(1 << 12);
  private used = 0;
  private start = new Int32Array(256);
  private masks = new Int32Array(256);
  private filter = new Int32Array(8 * 256);
  /** Number of rows. */
  rows = 0;

  /** A new empty row with room for `bound` entries; its number. */
  open(bound: number): number {
    const r = this.rows++;
    if (r >= this.start.length) {
      const grow = (a: Int32Array, n: number) => { const g = new Int32Array(n); g.set(a); return g; };
      this.start = grow(this.start, 2 * this.start.length);
      this.masks = grow(this.masks, 2 * this.masks.length);
      this.filter = grow(this.filter, 2 * this.filter.length);
    }
    let cap = 0;
    if (bound > 0) { cap = 4; while (cap < 2 * bound) cap *= 2; }
    if (this.used + cap > this.keys.length) {
      let size = 2 * this.keys.length;
      while (size < this.used + cap) size *= 2;
      const keys = new Int32Array(size).fill(EMPTY);
      keys.set(this.keys);
      const vals = new Float64Array(size);
      vals.set(this.vals);
      this.keys = keys;
      this.vals = vals;
    }
    this.start[r] = this.used;
    this.masks[r] = cap - 1;
    this.used += cap;
    return r;
  }

  /** The slot of `key` in row `r`, or -1 when it has no value there. */
  find(r: number, key: number): number {
    const h = Math.imul(key, 0x9e3779b1), bit = h >>> 24;
    if (!(this.filter[8 * r + (bit >>> 5)]! & (1 << (bit & 31)))) return -1;
    const keys = this.keys, s = this.start[r]!, mask = this.masks[r]!;
    let i = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const x = keys[s + i]!;
      if (x === key) return s + i;
      if (x === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Set the value of `key` in row `r` (replacing any); the row must have room (`open`'s bound). `key` must not be -2^31. */
  set(r: number, key: number, v: number): void {
    const h = Math.imul(key, 0x9e3779b1), bit = h >>> 24;
    const keys = this.keys, s = this.start[r]!, mask = this.masks[r]!;
    if (mask < 0) throw new Error('SparseRows: row opened with no room');
    this.filter[8 * r + (bit >>> 5)]! |= 1 << (bit & 31);
    let i = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const x = keys[s + i]!;
      if (x === EMPTY) { keys[s + i] = key; this.vals[s + i] = v; return; }
      if (x === key) { this.vals[s + i] = v; return; }
      i = (i + 1) & mask;
    }
  }
}
