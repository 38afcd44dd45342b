import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/lib/plain-text.ts';
import { allArticles } from '../../src/lib/enrich/roles.ts';
import type { Document } from '../../src/lib/schema.ts';

const dir = new URL('../../content/regulations/', import.meta.url);
const docs: Document[] = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));

describe('toPlainText (the .txt download)', () => {
  it.each(docs.map((d) => [d.id, d] as const))('%s: every clause, point and tail paragraph is in the text', (_id, doc) => {
    const text = toPlainText(doc);
    let n = 0;
    for (const { article } of allArticles(doc)) {
      for (const c of article.clauses) {
        for (const t of [c.text, ...c.tail, ...c.points.flatMap((p) => [p.text, ...p.tail])]) {
          if (!t) continue;
          expect(text).toContain(t);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(20);
  });

  it("prints a consolidated text's note under the title, one paragraph per line", () => {
    const doc: Document = structuredClone(docs[0]!);
    doc.decision.note = 'Quyết định này được sửa đổi, bổ sung bởi:\nQuyết định số 12/QĐ-BCĐ ngày 01/02/2023.';
    const text = toPlainText(doc);
    expect(text).toContain(`${doc.decision.title}\n\nQuyết định này được sửa đổi, bổ sung bởi:\n\nQuyết định số 12/QĐ-BCĐ ngày 01/02/2023.\n`);
  });
});
