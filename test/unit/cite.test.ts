import { describe, expect, it } from 'vitest';
import { cite, elementLabel, formatDate, formatIssuer } from '../../src/lib/cite.ts';
import { fixtureDocs } from './helpers.ts';

const doc = fixtureDocs()[0]!;

describe('citation', () => {
  it('cites a clause of the regulation in the Vietnamese form', () => {
    expect(cite(doc, 'dieu-5-khoan-2')).toBe(
      'khoản 2 Điều 5 Quy chế hoạt động của Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang ban hành kèm theo ' +
        'Quyết định số 85/QĐ-BCĐ ngày 03/5/2019 của Trưởng Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang',
    );
  });
  it('cites an article of the decision against the decision', () => {
    expect(cite(doc, 'qd-dieu-2')).toBe(
      'Điều 2 Quyết định số 85/QĐ-BCĐ ngày 03/5/2019 của Trưởng Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang',
    );
  });
  it('labels a lone paragraph as its article and points with their clause', () => {
    expect(elementLabel(doc, 'dieu-4-doan-1')).toBe('Điều 4');
    const withPoint = structuredClone(doc);
    const clause = withPoint.regulation!.chapters[1]!.articles[0]!.clauses[0]!;
    clause.points.push({ id: `${clause.id}-diem-dd`, text: 'x', lines: [1, 1], label: 'đ', marker: 'đ)', tail: [] });
    expect(elementLabel(withPoint, 'dieu-3-khoan-1-diem-dd')).toBe('điểm đ khoản 1 Điều 3');
  });
  it('formats dates and issuers the way legal texts print them', () => {
    expect(formatDate('2019-05-03')).toBe('03/5/2019');
    expect(formatDate('2021-11-20')).toBe('20/11/2021');
    expect(formatIssuer('TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ THÀNH PHỐ PHÚ QUỐC', {
      committee: { name: 'Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc', programme: 'chuyen-doi-so' },
      jurisdiction: { id: 'phu-quoc', name: 'Phú Quốc', level: 'thanh-pho', parent: 'kien-giang' },
    })).toBe('Trưởng Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
  });
  it('says so when the number was left blank', () => {
    const blank = structuredClone(doc);
    blank.decision.number.value = null;
    blank.decision.date.value = null;
    expect(cite(blank, 'qd-dieu-1')).toMatch(/^Điều 1 Quyết định \(chưa ghi số\) năm 2019 của /);
  });
});
