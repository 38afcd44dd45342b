/**
 * Fuzzing the ingest pipeline (issue 6): ≥ 10,000 generated inputs per run (FUZZ_RUNS), built from
 * windows of the five real sources and of unseen-layout samples (a decree with Chương/Mục, a
 * consolidated text with footnotes and `Điều 2a.`, a Quy định with `Điều 1:` headings), then reordered,
 * truncated, duplicated, re-laid-out (PDF breaks, Markdown), markup- and noise-injected and re-encoded
 * (UTF-8 ± BOM, UTF-16 LE/BE, Windows-1258, CRLF, CR).
 *
 * For every input: ingest either refuses it by name (InputError "file[:line]: reason") or returns a
 * valid document in which every non-blank line is accounted for (the parser helper's ledger check,
 * test/unit/helpers/corpus.ts), within a per-input time limit enforced from outside (a niced child
 * process, killed on timeout: see sandbox.ts). The parser helper's property test (test/unit/parse/property.test.ts) mutates
 * whole real sources with line operations; this one adds unseen layouts, encodings, character-level
 * noise and hostile markup, at volume.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { sources } from '../helpers/corpus.ts';
import { ENCODINGS, encode, type Encoding } from './encodings.ts';
import { Sandbox } from './sandbox.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 30_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const WORKERS = 1;

const UNSEEN = new URL('../../fixtures/hostile/unseen/', import.meta.url);
const bases: Array<{ name: string; lines: string[] }> = [
  ...sources.map((s) => ({ name: s.entry.id, lines: new TextDecoder().decode(s.bytes).split(/\r?\n/) })),
  ...readdirSync(UNSEEN).sort().map((f) => ({ name: f, lines: readFileSync(new URL(f, UNSEEN), 'utf8').split('\n') })),
];

/** Lines a hostile or careless source might contain. */
const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">Điều 3</a>', '[bấm vào](javascript:alert(1))',
  '<!-- chú thích ẩn -->', '<!--', '-->', '{/* mdx */}', "import X from './x.astro'", 'export const a = 1;', '<Component client:load />', '{alert(1)}',
  '\u202eĐiều 9. đảo chiều\u202c', '\u2066Chương X\u2069', '&lt;b&gt;Điều 4&lt;/b&gt;', '<style>body{display:none}</style>', '<iframe src="//x"></iframe>',
  '| Điều | Nội dung |', '|---|---|', '```', '$$x$$', '> Điều 2. Trích dẫn', '* * *', '\\', 'Điều', 'Chương', 'Mục 1', 'Điều 1:', 'Điều 10a.', 'Điều 3a. (được bổ sung)[2]',
  '[1] Khoản này được bãi bỏ.', '(được bãi bỏ)', 'QUY CHẾ', 'NGHỊ ĐỊNH', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'Số: 01/QĐ-UBND', '1.', 'a)', 'đ)', '-', '+', '•',
];
/** Characters injected inside lines: marks, invisibles, bidi controls, look-alikes, replacement char. */
const NOISE = ['\u0301', '\u0323', '\u200b', '\u00ad', '\ufeff', '\u202e', '\u2067', '\u00a0', '\t', '\ufffd', 'Ð', 'Ð', 'ð', '１', '．', '"', '<', '>', '&', '*', '_', '#', '`', '\\', '$', '{', '}'];

type Op =
  | { op: 'delete' | 'duplicate' | 'reverse'; at: number; count: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'truncate'; at: number }
  | { op: 'inject'; at: number; text: string }
  | { op: 'noise'; at: number; pos: number; text: string }
  | { op: 'wrap'; at: number; before: string; after: string }
  | { op: 'nfd'; at: number }
  | { op: 'layout'; kind: 'pdf' | 'markdown' | 'indent' | 'join' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'reverse' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20, unit: 'grapheme' })) }),
  fc.record({ op: fc.constant('noise' as const), at: fc.nat(), pos: fc.nat(), text: fc.constantFrom(...NOISE) }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), before: fc.constantFrom('**', '<b>', '## ', '#### **', '*', '<p>', '> ', '`', '<!-- ', '\u202b'), after: fc.constantFrom('**', '</b>', '', '*', '</p>', '\\', '`', ' -->', '\u202c') }),
  fc.record({ op: fc.constant('nfd' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('layout' as const), kind: fc.constantFrom('pdf' as const, 'markdown' as const, 'indent' as const, 'join' as const) }),
);

/** Apply one operation to the lines (pure). */
function apply(lines: string[], m: Op): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  if (m.op === 'layout') {
    if (m.kind === 'pdf') return out.flatMap((l) => [`${l}  `, '']);
    if (m.kind === 'markdown') return out.map((l) => (/^(Điều|Chương|Mục)\s/.test(l) ? `#### **${l}**` : l));
    if (m.kind === 'indent') return out.map((l, i) => (i % 3 ? `    ${l}` : l));
    return out.length > 1 ? [out.slice(0, 2).join(' '), ...out.slice(2)] : out;
  }
  const at = m.at % out.length;
  switch (m.op) {
    case 'delete': out.splice(at, m.count); break;
    case 'duplicate': out.splice(at, 0, ...out.slice(at, at + m.count)); break;
    case 'reverse': out.splice(at, m.count, ...out.slice(at, at + m.count).reverse()); break;
    case 'swap': { const j = m.with % out.length; [out[at], out[j]] = [out[j]!, out[at]!]; break; }
    case 'truncate': out.splice(Math.max(1, at)); break;
    case 'inject': out.splice(at, 0, m.text); break;
    case 'noise': { const l = out[at]!; const p = l.length ? m.pos % (l.length + 1) : 0; out[at] = l.slice(0, p) + m.text + l.slice(p); break; }
    case 'wrap': out[at] = `${m.before}${out[at]}${m.after}`; break;
    case 'nfd': out[at] = out[at]!.normalize('NFD'); break;
  }
  return out;
}

/** One fuzz case: a window of a base text, mutated, re-encoded. */
const input = fc.record({
  base: fc.nat({ max: bases.length - 1 }),
  start: fc.nat(),
  // mostly windows (cheap, many shapes: ~7 ms each), now and then a whole text (~100 ms)
  length: fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }),
  ops: fc.array(op, { maxLength: 6 }),
  encoding: fc.constantFrom<Encoding>(...ENCODINGS),
}).map(({ base, start, length, ops, encoding }) => {
  const all = bases[base]!.lines;
  const from = Number.isFinite(length) ? start % all.length : 0;
  const lines = ops.reduce(apply, all.slice(from, from + length));
  return { name: `${bases[base]!.name}[${from}+${length}]`, text: lines.join('\n'), encoding };
});

const sandboxes = Array.from({ length: WORKERS }, () => new Sandbox(TIME_LIMIT_MS));
afterAll(() => sandboxes.forEach((s) => s.close()));

describe('fuzzing ingest', () => {
  it(`${RUNS} generated inputs: refused by name or parsed with nothing lost, each within ${TIME_LIMIT_MS} ms`, async () => {
    const tally: Record<string, number> = {};
    let slowest = 0;
    await Promise.all(sandboxes.map((box, k) => fc.assert(
      fc.asyncProperty(input, async ({ name, text, encoding }) => {
        const r = await box.run(encode(text, encoding), `fuzz/${name}.${encoding}.txt`);
        tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
        tally[encoding] = (tally[encoding] ?? 0) + 1;
        slowest = Math.max(slowest, r.ms);
        if (r.outcome !== 'ok' && r.outcome !== 'refused') throw new Error(`${r.outcome}: ${r.detail}`);
      }),
      { numRuns: Math.ceil(RUNS / WORKERS), seed: SEED + k, endOnFailure: false },
    )));
    console.info(`fuzz: ${JSON.stringify(tally)}, slowest input ${slowest.toFixed(0)} ms`);
    expect((tally.ok ?? 0) + (tally.refused ?? 0)).toBeGreaterThanOrEqual(RUNS);
    // the generator must mostly produce documents, not refusals, or it tests nothing
    expect(tally.ok ?? 0).toBeGreaterThan(RUNS / 3);
    for (const e of ENCODINGS) expect(tally[e] ?? 0, e).toBeGreaterThan(RUNS / 20);
  }, 1_800_000);
});
