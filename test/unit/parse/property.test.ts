/**
 * Property test: mutate the real sources (delete, duplicate, shuffle lines; inject Markdown, HTML and
 * noise; truncate) and check the parser never throws (bad input may only be refused with InputError)
 * and never loses a non-blank line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { ledgerProblems, sources } from '../helpers/corpus.ts';

type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'inject'; at: number; text: string }
  | { op: 'wrap'; at: number; before: string; after: string }
  | { op: 'truncate'; at: number };

const junk = fc.constantFrom('**', '## ', '<b>', '</p>', '<br/>', '*', '---', '~', '|', '> ', '`', '&nbsp;', '\u200b', '\t', '  ');
const injected = fc.oneof(
  fc.constantFrom('---', '**', '<div class="x">', '6', '- 6 -', 'Loy=', 'ff\\', 'Điều 8, 9, 10 Nghị định số 61/2018/NĐ-CP', 'Chương', 'Điều', 'Điều 99.', 'Chương IX',
    'QUY CHẾ', 'Nơi nhận:', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/QĐ-UBND', 'a) điểm chèn', '- gạch đầu dòng', '1. khoản chèn', '(Ban hành kèm theo)', './.'),
  fc.string({ maxLength: 30 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('inject' as const), at: fc.nat(), text: injected }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), before: junk, after: junk }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(lines: string[], muts: Mutation[]): string[] {
  const out = [...lines];
  for (const m of muts) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.op === 'delete') out.splice(at, m.count);
    else if (m.op === 'duplicate') out.splice(at, 0, ...out.slice(at, at + m.count));
    else if (m.op === 'swap') { const j = m.with % out.length; [out[at], out[j]] = [out[j]!, out[at]!]; }
    else if (m.op === 'inject') out.splice(at, 0, m.text);
    else if (m.op === 'wrap') out[at] = `${m.before}${out[at]}${m.after}`;
    else out.splice(Math.max(1, at));
  }
  return out;
}

describe('parser properties on mutated real sources', () => {
  for (const { entry, bytes } of sources) {
    it(`${entry.id}: never throws, never loses a line`, () => {
      const lines = new TextDecoder().decode(bytes).split('\n');
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
          const text = apply(lines, muts).join('\n');
          let result;
          try {
            result = ingestBytes(new TextEncoder().encode(text), 'mutated.txt', null, {});
          } catch (e) {
            if (e instanceof InputError) return true; // refused by name: allowed
            throw e;
          }
          expect(ledgerProblems(text.normalize('NFC'), result.document, result.accounting)).toEqual([]);
          return true;
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 15), seed: Number(process.env.PROPERTY_SEED ?? 42) },
      );
    });
  }
});
