/**
 * Encodings and sizes (issue 6), extending the parser helper's tests (test/unit/normalise,
 * test/unit/ingest.test.ts cover BOM/UTF-16/CP1258 on short strings, skeletons under CRLF/CR/UTF-16 LE,
 * 10 MB, and TCVN3/VNI strings): here every real source in every encoding must give the SAME document,
 * a whole real text in TCVN3 is refused by name whether it arrives as 8-bit bytes or as UTF-8 mojibake,
 * the CLI refuses a 0-byte file, and a 50 MB file generated at test time is handled (in-process: the
 * CLI adds OCR detection over the whole text, timed by `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { ingestFile } from '../../../src/lib/ingest-cli.ts';
import { InputError } from '../../../src/lib/errors.ts';
import type { Document } from '../../../src/lib/schema.ts';
import { sources } from '../helpers/corpus.ts';
import { ENCODINGS, encode } from './encodings.ts';
import { Sandbox } from './sandbox.ts';

/** The document without what legitimately depends on the bytes (checksum, encoding name). */
const content = (d: Document) => ({ ...d, provenance: { ...d.provenance, sha256: '', encoding: '' } });

describe('every encoding of every real source gives the same document', () => {
  for (const { entry, bytes } of sources) {
    it(entry.id, () => {
      const text = new TextDecoder().decode(bytes);
      const reference = content(ingestBytes(bytes, 'x.txt', null, {}).document);
      for (const enc of ENCODINGS) {
        const doc = ingestBytes(encode(text, enc), 'x.txt', null, {}).document;
        expect(doc.provenance.encoding, enc).toBe(enc === 'windows-1258' ? 'windows-1258' : enc.startsWith('utf-16') ? enc : 'utf-8');
        expect(content(doc), enc).toEqual(reference);
      }
    });
  }
});

// TCVN3 (ABC) code points of the Vietnamese lower-case letters, as the legacy .Vn fonts drew them.
const TCVN3: Record<string, string> = Object.fromEntries(
  [...'ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'].map((ch, i) => [ch,
    '¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ'[i]!]),
);
const toTcvn3 = (s: string) => [...s.normalize('NFC')].map((c) => TCVN3[c.toLowerCase()] ?? c).join('');

describe('legacy TCVN3 text is refused by name', () => {
  const text = new TextDecoder().decode(sources.find((s) => s.entry.id === 'kien-giang-2019')!.bytes);
  const legacy = toTcvn3(text);
  it('as 8-bit bytes (what a .Vn-font file is)', () => {
    expect(() => ingestBytes(new Uint8Array(Buffer.from(legacy, 'latin1')), 'cu.txt', null, {})).toThrow(/^cu\.txt: .*TCVN3.*not supported/);
  });
  it('as UTF-8 mojibake (converted without the font table)', () => {
    expect(() => ingestBytes(new TextEncoder().encode(legacy), 'cu.txt', null, {})).toThrow(InputError);
    expect(() => ingestBytes(new TextEncoder().encode(legacy), 'cu.txt', null, {})).toThrow(/TCVN3/);
  });
});

describe('sizes', () => {
  it('a 0-byte file: the CLI exits 1 naming the file, writes nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quyche-empty-'));
    writeFileSync(join(dir, 'rong.txt'), new Uint8Array());
    let out = '';
    let err = '';
    expect(ingestFile(join(dir, 'rong.txt'), { format: 'json', out: (s) => { out += s; }, err: (s) => { err += s; } })).toBe(1);
    expect(err).toMatch(/rong\.txt: empty file/);
    expect(out).toBe('');
    rmSync(dir, { recursive: true });
  });

  it('a 50 MB file (generated now, not committed) is ingested into a valid document (the repeats are reported as an appendix)', async () => {
    const one = new TextDecoder().decode(sources.find((s) => s.entry.id === 'binh-dinh-2021')!.bytes);
    const big = new TextEncoder().encode(one.repeat(Math.ceil(50 * 1024 * 1024 / Buffer.byteLength(one))));
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    // in a niced child process: its memory is not the test runner's, and it yields the CPU to other tests
    const box = new Sandbox(240_000);
    try {
      const r = await box.run(big, 'lon.txt', { ledger: false });
      console.info(`50 MB ingest: ${(r.ms / 1000).toFixed(1)} s`);
      expect(r.outcome, r.detail).toBe('ok');
      expect(r.summary.chapters).toBe(4);
      expect(r.summary.lineCount).toBeGreaterThan(100_000);
      expect(r.summary.codes).toContain('appendix');
    } finally {
      box.close();
    }
  }, 300_000);
});
