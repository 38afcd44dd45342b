import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../src/lib/reference-report.ts';
import type { Document } from '../../src/lib/schema.ts';

const load = (id: string): Document => JSON.parse(readFileSync(new URL(`../../content/regulations/${id}.json`, import.meta.url), 'utf8'));

describe('referenceReport', () => {
  it('reads point tail paragraphs too (Bình Định Điều 10 khoản 1 điểm a has one)', () => {
    const doc = load('binh-dinh-2021');
    const before = referenceReport([doc]);
    const article = doc.regulation!.chapters.flatMap((c) => c.articles).find((a) => a.id === 'dieu-10')!;
    const point = article.clauses[0]!.points[0]!;
    expect(point.tail.length).toBeGreaterThan(0);
    point.tail[0] += ' Thực hiện theo Quyết định số 999/QĐ-TTg ngày 01/01/2020 của Thủ tướng Chính phủ.';
    const after = referenceReport([doc]);
    const found = [...after.external, ...after.unresolved].filter((r) => r.element === point.id);
    expect(found.length).toBe([...before.external, ...before.unresolved].filter((r) => r.element === point.id).length + 1);
  });
});
