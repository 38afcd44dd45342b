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
  /**
   * With `rows`: a 256-bit filter per first key (8 ints per row, a ≥ 0), a bit per hash of the
   * second keys set in that row. A large table is mostly cache misses, and most questions to a
   * sparse row are about keys it lacks: the row's filter (32 bytes, hot while one row is asked
   * about many keys) answers most of them without touching the table.
   */
  private filter: Int32Array | null;

  constructor(capacity = 64, rows = 0) {
    this.filter = rows ? new Int32Array(8 * rows) : null;
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

  /** `find` for a table made with `rows` (a ≥ 0): the filter first. */
  findInRow(a: number, b: number): number {
    const bit = Math.imul(b, 0x9e3779b1) >>> 24;
    if (!(this.filter![8 * a + (bit >>> 5)]! & (1 << (bit & 31)))) return -1;
    return this.find(a, b);
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
    if (2 * (this.size + 1) > this.ka.length) this.grow();
    if (this.filter) {
      if (8 * a + 8 > this.filter.length) { const f = new Int32Array(Math.max(2 * this.filter.length, 8 * a + 8)); f.set(this.filter); this.filter = f; }
      const bit = Math.imul(b, 0x9e3779b1) >>> 24;
      this.filter[8 * a + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    const ka = this.ka, mask = this.mask;
    let i = PairTable.hash(a, b) & mask;
    for (;;) {
      const x = ka[i]!;
      if (x === EMPTY) { ka[i] = a; this.kb[i] = b; this.vals[i] = v; this.size++; return; }
      if (x === a && this.kb[i] === b) { this.vals[i] = v; return; }
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
