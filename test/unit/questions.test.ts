import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Alignable } from '../../src/lib/align.ts';
import { parseTopics, topicAnnotations } from '../../src/lib/enrich/topics.ts';
import { answerMatrix, answerQuestion, findPeriod, foldAligned, matrixCsv, parseQuestions } from '../../src/lib/questions.ts';
import { foldKey } from '../../src/lib/fold.ts';

const root = new URL('../../', import.meta.url);
const topics = parseTopics(parse(readFileSync(new URL('content/topics.yaml', root), 'utf8')), 'topics.yaml');
const questions = parseQuestions(parse(readFileSync(new URL('content/questions.yaml', root), 'utf8')), 'questions.yaml');
const IDS = ['kien-giang-2019', 'kien-giang-2022', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
const corpus: Alignable[] = IDS.map((id) => JSON.parse(readFileSync(new URL(`content/regulations/${id}.json`, root), 'utf8')));
const docs = corpus.map((doc) => ({ doc, annotations: topicAnnotations(doc, topics, corpus) }));
const answer = (q: string, id: string) => {
  const d = docs[IDS.indexOf(id)]!;
  return answerQuestion(questions.find((x) => x.id === q)!, d.doc, d.annotations);
};
/** Text of an element (clause, point or article heading) of a fixture document. */
const elementText = (id: string, element: string): string => {
  const doc = corpus[IDS.indexOf(id)]!;
  for (const ch of doc.regulation!.chapters)
    for (const a of ch.articles) {
      if (a.id === element) return a.title;
      for (const c of a.clauses) {
        if (c.id === element) return [c.text, ...(c.tail ?? [])].join(' ');
        for (const p of c.points) if (p.id === element) return [p.text, ...(p.tail ?? [])].join(' ');
      }
    }
  throw new Error(`no element ${element} in ${id}`);
};

/**
 * Expected answers, read by hand off the source texts: [question, document, value, element, what the clause says].
 * The last column is checked against the clause text itself, so the expectation is tied to the source.
 */
const EXPECTED: Array<[string, string, string, string | null, string | null]> = [
  ['hop-dinh-ky', 'kien-giang-2019', '3', 'dieu-8-khoan-1', 'họp 01 quý/ lần'],
  ['hop-dinh-ky', 'phu-quoc-2022', '6', 'dieu-9-khoan-1', 'họp định kỳ 06 tháng một lần'],
  ['hop-dinh-ky', 'bac-giang-2021', '3', 'dieu-10-khoan-1', 'định kỳ họp một quý một lần'],
  ['hop-dinh-ky', 'binh-dinh-2021', '6', 'dieu-10-khoan-1-diem-a', 'định kỳ họp 06 tháng một lần'],
  // Kiên Giang 2022: OCR text as restored by ingest (residual errors such as "TH công tác" for "Tổ công tác")
  ['hop-dinh-ky', 'kien-giang-2022', '6', 'dieu-9-khoan-1', 'họp định kỳ 06 tháng một lần'],
  ['hop-dot-xuat', 'kien-giang-2022', 'truong-ban;pho-truong-ban;de-nghi:co-quan-thuong-truc', 'dieu-9-khoan-1', 'theo đề nghị của cơ quan thường trực'],
  ['hop-to-giup-viec', 'kien-giang-2022', 'khong-neu-chu-ky', 'dieu-9-khoan-3', 'công tác giúp việc họp định kỳ hoặc đột xuất'],
  ['bao-cao-thanh-vien', 'kien-giang-2022', 'ky-hop', 'dieu-10-khoan-5', 'tại các kỳ họp'],
  ['bao-cao-to-giup-viec', 'kien-giang-2022', '3', 'dieu-7-khoan-6', 'Định kỳ hàng quý báo cáo'],
  ['tai-lieu-truoc-hop', 'kien-giang-2022', 'khong-quy-dinh', null, null],
  ['ten-to-giup-viec', 'kien-giang-2022', 'to-cong-tac', 'dieu-7', 'Tổ công tác giúp việc'],
  ['co-quan-thuong-truc', 'kien-giang-2022', 'so-tttt', 'dieu-13-khoan-2', '(Sở Thông tin và Truyền thông)'],
  ['nguon-kinh-phi', 'kien-giang-2022', 'su-nghiep-cntt', 'dieu-11-khoan-1', 'nghiệp công nghệ thông tin'],
  ['con-dau', 'kien-giang-2022', 'khong-quy-dinh', null, null],
  ['chu-tri-hop', 'kien-giang-2022', 'truong-ban', 'dieu-3-khoan-4', 'chủ trì các cuộc họp'],
  ['hop-dot-xuat', 'kien-giang-2019', 'truong-ban;pho-truong-ban;de-nghi:uy-vien-thuong-truc', 'dieu-8-khoan-1', 'theo đề nghị của Ủy viên Thường trực'],
  ['hop-dot-xuat', 'phu-quoc-2022', 'truong-ban;pho-truong-ban;de-nghi:co-quan-thuong-truc', 'dieu-9-khoan-1', 'theo đề nghị của cơ quan thường trực'],
  ['hop-dot-xuat', 'bac-giang-2021', 'truong-ban;pho-truong-ban-thuong-truc', 'dieu-10-khoan-1', 'theo triệu tập của Trưởng ban, Phó Trưởng ban thường trực.'],
  ['hop-dot-xuat', 'binh-dinh-2021', 'truong-ban;pho-truong-ban-thuong-truc;de-nghi:co-quan-thuong-truc', 'dieu-10-khoan-1-diem-a', 'hoặc theo đề nghị của cơ quan thường trực'],
  ['hop-to-giup-viec', 'kien-giang-2019', '3', 'dieu-8-khoan-3', 'họp định kỳ ba tháng một lần'],
  ['hop-to-giup-viec', 'phu-quoc-2022', 'khong-neu-chu-ky', 'dieu-9-khoan-3', 'họp định kỳ hoặc đột xuất'],
  ['hop-to-giup-viec', 'bac-giang-2021', '3', 'dieu-10-khoan-3', 'họp định kỳ một quý một lần'],
  ['hop-to-giup-viec', 'binh-dinh-2021', 'khong-neu-chu-ky', 'dieu-10-khoan-1-diem-b', 'họp định kỳ và đột xuất'],
  ['bao-cao-thanh-vien', 'kien-giang-2019', 'khong-quy-dinh', null, null],
  ['bao-cao-thanh-vien', 'phu-quoc-2022', 'ky-hop', 'dieu-10-khoan-5', 'tại các kỳ họp'],
  ['bao-cao-thanh-vien', 'bac-giang-2021', '3', 'dieu-6-khoan-5', 'báo cáo định kỳ một quý một lần'],
  ['bao-cao-thanh-vien', 'binh-dinh-2021', '6', 'dieu-5-khoan-5', 'báo cáo định kỳ (06 tháng một lần)'],
  ['bao-cao-to-giup-viec', 'kien-giang-2019', '3', 'dieu-7-khoan-9', 'Định kỳ hàng quý báo cáo'],
  ['bao-cao-to-giup-viec', 'phu-quoc-2022', '3', 'dieu-7-khoan-6', 'Định kỳ hàng quý báo cáo'],
  ['bao-cao-to-giup-viec', 'bac-giang-2021', '3', 'dieu-8-khoan-4', 'Định kỳ hằng quý (hoặc đột xuất) báo cáo'],
  ['bao-cao-to-giup-viec', 'binh-dinh-2021', '3', 'dieu-7-khoan-7', 'Định kỳ hàng quý hoặc đột xuất báo cáo'],
  ['tai-lieu-truoc-hop', 'kien-giang-2019', 'khong-quy-dinh', null, null],
  ['tai-lieu-truoc-hop', 'phu-quoc-2022', 'khong-quy-dinh', null, null],
  ['tai-lieu-truoc-hop', 'bac-giang-2021', '02 ngày làm việc', 'dieu-10-khoan-4', 'chậm nhất 02 ngày làm việc trước khi tổ chức họp'],
  ['tai-lieu-truoc-hop', 'binh-dinh-2021', '48 giờ', 'dieu-10-khoan-1-diem-c', 'chậm nhất 48 giờ trước khi tổ chức họp'],
  ['ten-to-giup-viec', 'kien-giang-2019', 'to-cong-tac', 'dieu-7', 'Tổ công tác giúp việc Ban Chỉ đạo'],
  ['ten-to-giup-viec', 'phu-quoc-2022', 'to-cong-tac', 'dieu-7', 'Tổ công tác giúp việc'],
  ['ten-to-giup-viec', 'bac-giang-2021', 'to-thu-ky', 'dieu-8', 'Tổ Thư ký'],
  ['ten-to-giup-viec', 'binh-dinh-2021', 'to-thu-ky', 'dieu-7', 'Tổ thư ký giúp việc Ban chỉ đạo'],
  ['co-quan-thuong-truc', 'kien-giang-2019', 'so-tttt', 'dieu-12-khoan-2', 'Sở Thông tin và Truyền thông - Thường trực Ban Chỉ đạo'],
  ['co-quan-thuong-truc', 'phu-quoc-2022', 'phong-vhtt', 'dieu-13-khoan-2', 'cơ quan thường trực Ban Chỉ đạo (thông qua Phòng Văn hóa và Thông tin)'],
  ['co-quan-thuong-truc', 'bac-giang-2021', 'so-tttt', 'dieu-7', 'Cơ quan thường trực Ban Chỉ đạo (Sở Thông tin và Truyền thông)'],
  ['co-quan-thuong-truc', 'binh-dinh-2021', 'so-tttt', 'dieu-6-doan-1', 'Sở Thông tin và Truyền thông là cơ quan thường trực'],
  ['nguon-kinh-phi', 'kien-giang-2019', 'su-nghiep-cntt;nguon-khac', 'dieu-10-khoan-1', 'nguồn kinh phí sự nghiệp công nghệ thông tin'],
  ['nguon-kinh-phi', 'phu-quoc-2022', 'ngan-sach;du-toan;nguon-khac', 'dieu-11-khoan-1', 'do ngân sách thành phố đảm bảo'],
  ['nguon-kinh-phi', 'bac-giang-2021', 'ngan-sach;du-toan;nguon-khac', 'dieu-11-doan-1', 'do ngân sách Nhà nước đảm bảo'],
  ['con-dau', 'kien-giang-2019', 'khong-quy-dinh', null, null],
  ['con-dau', 'phu-quoc-2022', 'khong-quy-dinh', null, null],
  ['con-dau', 'bac-giang-2021', 'khong-quy-dinh', null, null],
  ['con-dau', 'binh-dinh-2021', 'co', 'dieu-11', 'con dấu'],
  ['chu-tri-hop', 'kien-giang-2019', 'truong-ban-chi-dao', 'dieu-3-khoan-3', 'chủ trì các cuộc họp'],
  ['chu-tri-hop', 'phu-quoc-2022', 'truong-ban;pho-truong-ban-thuong-truc-khi-duoc-truong-ban-giao', 'dieu-3-khoan-4', 'chủ trì các cuộc họp'],
  ['chu-tri-hop', 'bac-giang-2021', 'truong-ban-chi-dao', 'dieu-3-khoan-3', 'chủ trì các cuộc họp'],
  ['chu-tri-hop', 'binh-dinh-2021', 'truong-ban-chi-dao', 'dieu-3-khoan-4', 'chủ trì các cuộc họp'],
  ['nguon-kinh-phi', 'binh-dinh-2021', 'ngan-sach;du-toan;nguon-khac', 'dieu-13-khoan-2', 'dự toán ngân sách nhà nước'],
];

describe('coded answers, checked against the texts', () => {
  it.each(EXPECTED)('%s / %s → %s (%s)', (q, id, value, element, says) => {
    const a = answer(q, id);
    expect(a.value).toBe(value);
    expect(a.element).toBe(element);
    if (element && says) {
      // the clause really says it, and the quote is cut from that clause's text
      expect(foldKey(elementText(id, element))).toContain(foldKey(says));
      expect(elementText(id, element)).toContain(a.quote!);
    } else expect(a.quote).toBeNull();
  });

  it('every question has an answer for every document (not regulated is an answer)', () => {
    const m = answerMatrix(questions, docs);
    expect(m).toHaveLength(questions.length);
    for (const row of m) expect(row.map((a) => a.document)).toEqual(IDS);
    for (const a of m.flat()) expect(a.label).not.toBe('');
  });

  it('CSV has one row per question × document and links to the clause', () => {
    const csv = matrixCsv(questions, answerMatrix(questions, docs));
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + questions.length * IDS.length);
    expect(csv).toContain('/van-ban/bac-giang-2021/#dieu-10-khoan-4');
  });
});

describe('helpers', () => {
  it('foldAligned keeps offsets', () => {
    const t = 'Ủy viên Thường trực Ban Chỉ đạo';
    expect(foldAligned(t)).toBe('uy vien thuong truc ban chi dao');
    expect(foldAligned(t).length).toBe(t.length);
  });
  it('findPeriod', () => {
    expect(findPeriod('hop 01 quy/ lan')!.months).toBe(3);
    expect(findPeriod('06 thang mot lan')!.months).toBe(6);
    expect(findPeriod('dinh ky hang quy bao cao')!.months).toBe(3);
    expect(findPeriod('mot nam mot lan')!.months).toBe(12);
    expect(findPeriod('theo yeu cau')).toBeNull();
  });
  it('rejects a questions file with a broken regex', () => {
    expect(() => parseQuestions({ questions: [{ ...questions[0]!, pattern: '(' }] }, 'q.yaml')).toThrow(/q\.yaml.*bad regex/);
  });
});
