import { describe, expect, it } from 'vitest';
import { foldedSearchWords, replacedBy, roleInDocument, status } from '../../src/lib/site-model.ts';
import { enrichRoles } from '../../src/lib/enrich/roles.ts';
import { fixtureDocs, roleTaxonomy } from './helpers.ts';

const roles = roleTaxonomy();
const base = fixtureDocs()[0]!;
const doc = { ...base, annotations: enrichRoles(base, { roles }) };

describe('site model', () => {
  it('folds only the words Pagefind cannot match itself (those with đ)', () => {
    expect(foldedSearchWords('Điều 5. Triệu tập họp định kỳ của Ban Chỉ đạo')).toBe('dieu dinh dao');
  });
  it('reads replaced-by from the replacing document as well', () => {
    const later = { ...base, id: 'kien-giang-2022', relations: [{ type: 'replaces' as const, target: 'kien-giang-2019', label: 'QĐ 85' }] };
    expect(replacedBy(base, [base, later])).toEqual(['kien-giang-2022']);
    expect(status(base, [base, later]).inForce).toBe(false);
    expect(status(later, [base, later]).inForce).toBe(true);
  });
  it("gives a role's devoted article and its other clauses, grouped by duty", () => {
    const view = roleInDocument(doc, 'truong-ban', roles);
    expect(view.subjects.map((a) => a.id)).toEqual(['dieu-3']);
    expect(view.clauses.some((c) => c.article.id === 'dieu-3')).toBe(false);
    const meeting = view.clauses.find((c) => c.element === 'dieu-8-khoan-2')!;
    expect(meeting).toMatchObject({ relation: 'actor' });
    expect(meeting.duties).toContain('hop');
    expect(view.counts.actor + view.counts.mentioned).toBe(view.clauses.length);
  });
});
