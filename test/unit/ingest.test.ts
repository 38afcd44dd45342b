import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBytes } from '../../src/lib/ingest.ts';
import { ingestFile, ingestManifest, ROOT } from '../../src/lib/ingest-cli.ts';
import { DocumentSchema } from '../../src/lib/schema.ts';
import { sources } from './helpers/corpus.ts';

const capture = () => {
  const o = { out: '', err: '' };
  return { o, out: (s: string) => { o.out += s; }, err: (s: string) => { o.err += s; } };
};
const bd = sources.find((s) => s.entry.id === 'binh-dinh-2021')!;
const kg = sources.find((s) => s.entry.id === 'kien-giang-2022')!;
const skeleton = (bytes: Uint8Array) => {
  const d = ingestBytes(bytes, 'x.txt', null, {}).document;
  return [d.decision.articles.length, d.regulation!.chapters.flatMap((c) => c.articles).length, d.regulation!.chapters.length];
};

describe('bad input is refused clearly or handled, never half-written', () => {
  it('CRLF and CR line ends give the same structure', () => {
    const text = readFileSync(join(ROOT, 'content/sources', bd.entry.file), 'utf8');
    expect(skeleton(new TextEncoder().encode(text.replace(/\n/g, '\r\n')))).toEqual([3, 14, 4]);
    expect(skeleton(new TextEncoder().encode(text.replace(/\n/g, '\r')))).toEqual([3, 14, 4]);
  });
  it('UTF-16 LE with BOM and UTF-8 BOM', () => {
    const text = readFileSync(join(ROOT, 'content/sources', bd.entry.file), 'utf8');
    expect(skeleton(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]))).toEqual([3, 14, 4]);
    expect(skeleton(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toEqual([3, 14, 4]);
  });
  it('a 10 MB file is handled in reasonable time', () => {
    const one = readFileSync(join(ROOT, 'content/sources', bd.entry.file), 'utf8');
    const big = one.repeat(Math.ceil(10_000_000 / Buffer.byteLength(one)));
    const t0 = performance.now();
    const { document } = ingestBytes(Buffer.from(big), 'big.txt', null, {});
    const ms = performance.now() - t0;
    expect(Buffer.byteLength(big)).toBeGreaterThan(10_000_000);
    expect(document.regulation!.chapters.length).toBe(4);
    expect(document.provenance.diagnostics.map((d) => d.code)).toContain('appendix');
    expect(ms).toBeLessThan(25_000);
  }, 60_000);
  it('a checksum mismatch stops ingest before anything is written', () => {
    const root = mkdtempSync(join(tmpdir(), 'quyche-'));
    cpSync(join(ROOT, 'content/sources'), join(root, 'content/sources'), { recursive: true });
    writeFileSync(join(root, 'content/sources', kg.entry.file), 'tampered');
    const c = capture();
    expect(ingestManifest({ root, out: c.out, err: c.err })).toBe(1);
    expect(c.o.err).toMatch(/kien-giang-2022\.ocr\.txt: checksum mismatch/);
    expect(existsSync(join(root, 'content/regulations'))).toBe(false);
  });
  it('ingestManifest writes all five valid documents with a summary', () => {
    const root = mkdtempSync(join(tmpdir(), 'quyche-'));
    cpSync(join(ROOT, 'content/sources'), join(root, 'content/sources'), { recursive: true });
    const c = capture();
    expect(ingestManifest({ root, out: c.out, err: c.err })).toBe(0);
    expect(c.o.out).toMatch(/\[5\/5\] binh-dinh-2021/);
    expect(c.o.out).toMatch(/document\s+dec\.art\s+chapters\s+articles\s+clauses\s+points\s+discarded\s+diagnostics/);
    for (const s of sources) {
      const json = readFileSync(join(root, 'content/regulations', `${s.entry.id}.json`), 'utf8');
      expect(json.endsWith('}\n')).toBe(true);
      expect(DocumentSchema.safeParse(JSON.parse(json)).success).toBe(true);
    }
  });
});

describe('ingest --file', () => {
  it('any text file: metadata derived from the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quyche-'));
    const file = join(dir, 'unknown.txt');
    writeFileSync(file, readFileSync(join(ROOT, 'content/sources', bd.entry.file)));
    const c = capture();
    expect(ingestFile(file, { format: 'json', out: c.out, err: c.err })).toBe(0);
    const doc = JSON.parse(c.o.out);
    expect([doc.id, doc.jurisdiction.name, doc.year, doc.committee.programme]).toEqual(['binh-dinh-2021', 'Bình Định', 2021, 'chinh-quyen-dien-tu']);
  });
  it('Markdown to stdout, decision first', () => {
    const c = capture();
    expect(ingestFile(join(ROOT, 'content/sources', kg.entry.file), { format: 'md', out: c.out, err: c.err })).toBe(0);
    expect(c.o.out.indexOf('### Điều 1.')).toBeGreaterThan(0);
    expect(c.o.out.indexOf('### Điều 1.')).toBeLessThan(c.o.out.indexOf('## Chương '));
  });
  it('--ocr without a restorer says so instead of pretending', () => {
    const c = capture();
    expect(ingestFile(join(ROOT, 'content/sources', bd.entry.file), { format: 'json', ocr: true, out: c.out, err: c.err })).toBe(0);
    const doc = JSON.parse(c.o.out);
    expect(doc.provenance.ocr.restored).toBe(false);
    expect(doc.provenance.diagnostics.map((d: { code: string }) => d.code)).toContain('ocr-restoration-unavailable');
  });
  it('--no-ocr on the OCR source publishes the raw text, skipping corrections made for the restored text', () => {
    const c = capture();
    const stale = () => { throw new Error('must not be called'); };
    const { document } = ingestBytes(kg.bytes, kg.entry.file, kg.entry, { ocr: false, corrections: { any: 1 }, corrector: stale, detector: () => ({ detected: true, invalidShare: 0.5 }) });
    expect(document.provenance.ocr.restored).toBe(false);
    expect(document.provenance.diagnostics.map((d) => d.code)).toContain('corrections-skipped');
    void c;
  });
  it('invalid input exits 1 naming file and line; usage errors exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quyche-'));
    writeFileSync(join(dir, 'bin.dat'), new Uint8Array([0x41, 0x0a, 0x00]));
    const c = capture();
    expect(ingestFile(join(dir, 'bin.dat'), { format: 'json', out: c.out, err: c.err })).toBe(1);
    expect(c.o.err).toMatch(/bin\.dat:2: binary file/);
    expect(c.o.out).toBe('');
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts'), ...args], { encoding: 'utf8' });
    expect(run(['--bogus']).status).toBe(2);
    expect(run(['--file', join(dir, 'bin.dat'), '--format', 'pdf']).status).toBe(2);
    expect(run(['--file', join(dir, 'missing.txt')]).status).toBe(1);
  });

  it('writes the whole JSON to a pipe before exiting (a large output was cut at 64 KB)', () => {
    // A reader that starts late (`sleep`) lets the 64 KB pipe buffer fill while the CLI is still writing.
    const cli = [process.execPath, join(ROOT, 'scripts/ingest.ts'), '--file', join(ROOT, 'content/sources/kien-giang-2022.ocr.txt'), '--format', 'json'].map((x) => `'${x}'`).join(' ');
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${cli} | (sleep 1; cat)`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 18);
    expect(JSON.parse(r.stdout).id).toBe('kien-giang-2022');
  }, 120_000);
});
