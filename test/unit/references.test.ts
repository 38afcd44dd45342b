import { describe, expect, it } from 'vitest';
import { findReferences, resolveDocument } from '../../src/lib/references.ts';
import { fixtureDocs } from './helpers.ts';

const [kg2019] = fixtureDocs();
const doc = kg2019!;
// A second corpus member that cites the first: a copy with its own number (as Kiên Giang 2022 does).
const later = { ...doc, id: 'kien-giang-2022', decision: { ...doc.decision, number: { value: '40/QĐ-BCĐ', variants: [] }, date: { value: '2022-04-09', variants: [] } } };
const corpus = [doc, later];
const reg = (article: string | null = null) => ({ doc, part: 'regulation' as const, article, corpus });

describe('findReferences', () => {
  it('finds a clause of an article of the same regulation', () => {
    const refs = findReferences('thực hiện theo quy định tại khoản 2 Điều 5 Quy chế này.', reg());
    expect(refs.map((r) => [r.text, r.target?.element])).toEqual([['khoản 2 Điều 5 Quy chế này', 'dieu-5-khoan-2']]);
  });

  it('resolves "Điều 3 của QĐ" (Nơi nhận) to the decision article', () => {
    const [r] = findReferences('Như Điều 3 của QĐ;', { doc, part: 'decision', corpus });
    expect(r?.target).toEqual({ doc: 'kien-giang-2019', element: 'qd-dieu-3' });
  });

  it('resolves a bare "Điều 3" by the part it is written in', () => {
    expect(findReferences('Điều 3', reg())[0]?.target?.element).toBe('dieu-3');
    expect(findReferences('Điều 3', { doc, part: 'decision', corpus })[0]?.target?.element).toBe('qd-dieu-3');
  });

  it('resolves "Quy chế này" and "Quyết định này" to the parts of the same document', () => {
    const text = 'Sở Thông tin và Truyền thông có trách nhiệm tổ chức triển khai và kiểm tra việc thực hiện Quy chế này.';
    expect(findReferences(text, { doc, part: 'decision', corpus }).map((r) => r.target)).toEqual([{ doc: 'kien-giang-2019', element: 'quy-che' }]);
    const t2 = 'Chánh Văn phòng Ủy ban nhân dân tỉnh … chịu trách nhiệm thi hành Quyết định này.';
    expect(findReferences(t2, { doc, part: 'decision', corpus })[0]?.target?.element).toBe('quyet-dinh');
  });

  it('resolves a cited decision in the corpus by number and date, in both date styles', () => {
    const sentence =
      'Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 85/QĐ-BCĐ ngày 03 tháng 5 năm 2019 của Trưởng Ban Chỉ đạo Chính quyền điện tử tỉnh về ban hành Quy chế';
    const refs = findReferences(sentence, { doc: later, part: 'decision', corpus });
    const cited = refs.find((r) => r.kind === 'document');
    expect(cited?.text).toBe('Quyết định số 85/QĐ-BCĐ ngày 03 tháng 5 năm 2019');
    expect(cited?.target).toEqual({ doc: 'kien-giang-2019', element: null });
    expect(findReferences('Quyết định số 85 /QĐ-BCĐ ngày 03/5/2019', reg())[0]?.target?.doc).toBe('kien-giang-2019');
  });

  it('keeps documents outside the corpus unresolved and marked external', () => {
    const [r] = findReferences('Căn cứ Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính phủ', { doc, part: 'decision', corpus });
    expect(r).toMatchObject({ kind: 'document', target: null, external: true });
  });

  it('does not take "Điều 8, 9, 10 Nghị định số …" for articles of this regulation', () => {
    const refs = findReferences('theo quy định tại Điều 8, 9, 10 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ', reg());
    expect(refs.map((r) => r.kind)).toEqual(['document']);
    expect(refs[0]?.text).toBe('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018');
  });

  it('resolves points, relative "Điều này" and a bare clause inside an article', () => {
    expect(findReferences('quy định tại khoản 2 Điều này', reg('dieu-9'))[0]?.target?.element).toBe('dieu-9-khoan-2');
    expect(findReferences('theo khoản 3', reg('dieu-8'))[0]?.target?.element).toBe('dieu-8-khoan-3');
    // No point a in the fixture: found, but unresolved with a reason (goes to the build report).
    const [p] = findReferences('điểm a khoản 1 Điều 4', reg());
    expect(p).toMatchObject({ text: 'điểm a khoản 1 Điều 4', target: null, external: false });
    expect(p?.reason).toContain('dieu-4-khoan-1-diem-a');
  });

  it('reports a missing article instead of linking it', () => {
    const [r] = findReferences('Điều 15', reg());
    expect(r?.target).toBeNull();
  });

  it('needs number and date to agree when the date is given', () => {
    expect(resolveDocument(corpus, '85/QĐ-BCĐ', '2019-05-04')).toBeNull();
    expect(resolveDocument(corpus, '85/QĐ-BCĐ', null)).toBe('kien-giang-2019');
  });
});
