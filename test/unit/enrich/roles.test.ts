import { describe, expect, it } from 'vitest';
import { classifyMentions, dutiesOf, enrichRoles, findRoleMentions, titleRoles } from '../../../src/lib/enrich/roles.ts';
import { corpusDocs, fixtureDocs, roleTaxonomy } from '../helpers.ts';

const roles = roleTaxonomy();
const doc = fixtureDocs()[0]!;

describe('role mentions', () => {
  it('prefers the longest alias: Phó Trưởng ban thường trực is not Phó Trưởng ban nor Trưởng ban', () => {
    expect(findRoleMentions('Phó Trưởng ban Thường trực', roles).map((m) => m.role)).toEqual(['pho-truong-ban-thuong-truc']);
    expect(findRoleMentions('Giúp Trưởng ban, Phó Trưởng ban', roles).map((m) => m.role)).toEqual(['truong-ban', 'pho-truong-ban']);
  });
  it('matches without diacritics and across spellings (Uỷ/Ủy, chỉ/Chỉ)', () => {
    expect(findRoleMentions('Uỷ viên Ban chỉ đạo', roles).map((m) => m.role)).toEqual(['uy-vien']);
    expect(findRoleMentions('TRUONG BAN CHI DAO', roles).map((m) => m.role)).toEqual(['truong-ban']);
  });
});

describe('actor or mentioned (real sentences, Kiên Giang 2019)', () => {
  it('Điều 8 khoản 1: convened by Trưởng ban, Phó Trưởng ban; proposed by Ủy viên Thường trực', () => {
    const text =
      'Ban Chỉ đạo họp định kỳ tổ chức họp 01 quý/ lần, Ban Chỉ đạo có thể họp đột xuất theo triệu tập của Trưởng ban, Phó Trưởng ban hoặc theo đề nghị của Ủy viên Thường trực Ban Chỉ đạo.';
    const m = classifyMentions(text, roles);
    expect(m.get('truong-ban')).toBe('actor');
    expect(m.get('uy-vien-thuong-truc')).toBe('actor');
  });
  it('Điều 9 khoản 2: the list of roles before the verb all act; the one they meet with is mentioned', () => {
    const text =
      'Trưởng ban, Phó Trưởng ban định kỳ hoặc đột xuất làm việc với Ủy viên Thường trực, Tổ công tác giúp việc để nghe báo cáo tình hình';
    const m = classifyMentions(text, roles);
    expect(m.get('truong-ban')).toBe('actor');
    expect(m.get('pho-truong-ban')).toBe('actor');
    expect(m.get('uy-vien-thuong-truc')).toBe('mentioned');
  });
  it('Điều 6 khoản 4: "báo cáo Trưởng ban" names the recipient only', () => {
    const m = classifyMentions('Kịp thời báo cáo Trưởng ban, Phó Trưởng ban về những vấn đề phát sinh', roles);
    expect(m.get('truong-ban')).toBe('mentioned');
  });
  it('Điều 12 khoản 1: "Trưởng Ban Chỉ đạo có trách nhiệm …" acts', () => {
    const m = classifyMentions('Trưởng Ban Chỉ đạo có trách nhiệm tổ chức, chỉ đạo các thành viên Ban Chỉ đạo và Tổ công tác giúp việc thực hiện Quy chế này.', roles);
    expect(m.get('truong-ban')).toBe('actor');
    // "chỉ đạo các thành viên … thực hiện": the members carry out the rules, so they act too.
    expect(m.get('uy-vien')).toBe('actor');
  });
  it('Điều 5 khoản 7: "do Trưởng ban, Phó Trưởng ban giao" makes both agents', () => {
    const m = classifyMentions('Thực hiện các nhiệm vụ khác do Trưởng ban, Phó Trưởng ban giao.', roles);
    expect([m.get('truong-ban'), m.get('pho-truong-ban')]).toEqual(['actor', 'actor']);
  });
});

describe('articles devoted to a role', () => {
  it('reads the roles listed at the start of a heading, not whom they help', () => {
    expect(titleRoles('Ủy viên thường trực, Tổ trưởng Tổ công tác giúp việc Trưởng ban', roles)).toEqual(['uy-vien-thuong-truc', 'to-truong']);
    expect(titleRoles('Các Phó Trưởng Ban chỉ đạo', roles)).toEqual(['pho-truong-ban']);
    expect(titleRoles('Cơ quan thường trực Ban Chỉ đạo (Sở Thông tin và Truyền thông)', roles)).toEqual(['co-quan-thuong-truc']);
    expect(titleRoles('Trách nhiệm của người đứng đầu các sở, ngành, địa phương', roles)).toEqual(['nguoi-dung-dau']);
    expect(titleRoles('Kinh phí hoạt động của Ban Chỉ đạo và Tổ công tác giúp việc', roles)).toEqual([]);
    expect(titleRoles('Các cuộc họp của Ban Chỉ đạo', roles)).toEqual([]);
  });
  it('annotates the fixture: Điều 3 is about the Trưởng ban, Điều 4 about the Phó Trưởng ban', () => {
    const ann = enrichRoles(doc, { roles });
    const subjects = ann.filter((a) => a.relation === 'subject').map((a) => `${a.element}:${a.key}`);
    expect(subjects).toEqual(expect.arrayContaining(['dieu-3:truong-ban', 'dieu-4:pho-truong-ban', 'dieu-6:uy-vien', 'dieu-7:to-giup-viec', 'dieu-11:nguoi-dung-dau']));
    expect(subjects).not.toContain('dieu-10:to-giup-viec');
    expect(ann).toContainEqual({ element: 'dieu-8-khoan-2', key: 'truong-ban', relation: 'actor', source: 'rule:actor' });
  });
  it('classifies kinds of duty', () => {
    expect(dutiesOf('Triệu tập và chủ trì các cuộc họp định kỳ hoặc đột xuất của Ban Chỉ đạo.', roles)).toContain('hop');
    expect(dutiesOf('ký các thông báo, biên bản họp của Ban Chỉ đạo', roles)).toContain('ky-con-dau');
  });
});

describe('the ingested corpus', () => {
  const docs = corpusDocs();
  it('every document has an article devoted to the Trưởng ban and one to the members', () => {
    for (const d of docs) {
      const subjects = d.annotations.filter((a) => a.relation === 'subject').map((a) => a.key);
      expect(subjects, d.id).toContain('truong-ban');
      expect(subjects, d.id).toContain('uy-vien');
      expect(subjects, d.id).toContain('nguoi-dung-dau');
    }
  });
  it('Phú Quốc and Bắc Giang name the standing agency in an article of its own', () => {
    for (const id of ['phu-quoc-2022', 'bac-giang-2021']) {
      const d = docs.find((x) => x.id === id)!;
      expect(d.annotations.some((a) => a.relation === 'subject' && a.key === 'co-quan-thuong-truc'), id).toBe(true);
    }
  });
});
