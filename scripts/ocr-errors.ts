/**
 * Where the restorer still goes wrong on the leave-one-out synthetic documents (an analysis tool, not
 * a benchmark or a test): bench-ocr's set-up (scripts/ocr-sources.ts), each clean source damaged with
 * the given seeds and restored with that source excluded from every model. Prints each row's SER, the
 * mean over the rows, the errors by kind (case only, diacritics only, other letters, missing/extra
 * syllable) and the most frequent error pairs; `--lines` also prints every line whose syllables
 * differ from the clean text (clean, damaged, restored), optionally only those matching a pattern.
 *
 * Which seeds have been read for errors matters: a change found by reading a seed's errors is
 * measured fairly only on seeds nobody read (README, OCR section, lists them).
 *
 * Usage: node --no-warnings scripts/ocr-errors.ts [--seeds 12345,1,777,2026] [--docs id,…]
 *        [--top 40] [--lines [regex]] [--weights '{"channel":0.8}'] [--share 0.03]
 *        [--strip tones|all] [--tones 0.05] [--glue 0.03] [--split 0.03] [--marks 0.1]
 * (`--share` damages only that share of the words, a lighter scan (`damageWords`); 0 forces the clean
 * text itself through the restorer. `--strip tones` drops every tone mark instead, `--strip all` every
 * diacritic (`đ` → `d`): text typed or recognised without them. `--tones 0.05` gives 5 % of the words
 * another tone that leaves them syllables (`damageTones`); `--glue 0.03` drops 3 % of the spaces
 * between words (`damageSpaces`); `--split 0.03` cuts 3 % of the words with a space (`damageSplits`);
 * `--marks 0.1` gives 10 % of the vowel letters another tone or hook of their family and reads 10 % of
 * the `đ` as `d`, another scan's damage (`damageMarks`).)
 * (`--weights` overrides restore.ts's WEIGHTS for the run: an experiment without editing the code.)
 */
import { parseArgs } from 'node:util';
import { CLEAN, leaveOneOut, ocrSources, sourceLines } from './ocr-sources.ts';
import { clearModelCache, restoreLines } from '../src/lib/ocr/index.ts';
import { learnDamage, damageMarks, damageSpaces, damageSplits, damageText, damageTones, damageWords } from '../src/lib/ocr/damage.ts';
import { learnFromReferences } from '../src/lib/ocr/train.ts';
import { syllableErrorRate } from '../src/lib/ocr/ser.ts';
import { scoreTokens } from '../src/lib/ocr/text.ts';
import { fold, foldKey } from '../src/lib/fold.ts';
import { TONE_MARKS } from '../src/lib/ocr/syllable.ts';

const { values, positionals } = parseArgs({
  options: {
    seeds: { type: 'string', default: '12345' },
    docs: { type: 'string', default: CLEAN.join(',') },
    top: { type: 'string', default: '40' },
    lines: { type: 'boolean', default: false },
    weights: { type: 'string' },
    share: { type: 'string' },
    strip: { type: 'string' },
    tones: { type: 'string' },
    glue: { type: 'string' },
    marks: { type: 'string' },
    split: { type: 'string' },
  },
  allowPositionals: true,
  strict: true,
});
const lineFilter = values.lines && positionals[0] ? new RegExp(positionals[0], 'u') : null;
const seeds = values.seeds.split(',').map(Number);
const docs = values.docs.split(',');
const weights = values.weights ? JSON.parse(values.weights) as Record<string, number> : undefined;
const share = values.share === undefined ? null : Number(values.share);
const TONES = new RegExp(`[${TONE_MARKS.join('')}]`, 'gu');
/** The text with its tone marks (`tones`) or all its diacritics (`all`: `fold`, `đ` → `d`) dropped, case kept. */
const strip = (t: string, what: string) => what === 'tones' ? t.normalize('NFD').replace(TONES, '').normalize('NFC') : fold(t);

/** A clean source as the options damage it (the first option given of --split, --marks, --glue, --strip, --tones, --share; else the learned scan's damage). */
function damagedText(clean: string, seed: number): string {
  if (values.split) return damageSplits(clean, Number(values.split), seed);
  if (values.marks) return damageMarks(clean, Number(values.marks), seed);
  if (values.glue) return damageSpaces(clean, Number(values.glue), seed);
  if (values.strip) return strip(clean, values.strip);
  if (values.tones) return damageTones(clean, Number(values.tones), seed);
  if (share === null) return damageText(clean, damage, seed);
  return share > 0 ? damageWords(clean, damage, share, seed) : clean;
}

/** The kind of one error pair (gold syllable → restored syllable; '' when missing). */
function errorKind(gold: string, out: string): 'missing/extra' | 'case only' | 'diacritics only' | 'other letters' {
  if (!gold || !out) return 'missing/extra';
  if (gold.toLowerCase() === out.toLowerCase()) return 'case only';
  return foldKey(gold) === foldKey(out) ? 'diacritics only' : 'other letters';
}

const src = ocrSources(new URL('../', import.meta.url));
const { damage, sets } = leaveOneOut(src, { learnDamage, learnFromReferences });
const pairs = new Map<string, number>();
const kinds = new Map<string, number>();
const sers: number[] = [];
const table: string[] = [];
for (const { id, clean, refs, confusion } of sets.filter((s) => docs.includes(s.id))) {
  const cleanLines = clean.split(/\r?\n/);
  for (const seed of seeds) {
    const damaged = damagedText(clean, seed);
    clearModelCache();
    const r = restoreLines(sourceLines(damaged), { references: refs, confusion, force: true, weights });
    const s = syllableErrorRate(clean, r.lines.map((l) => l.text).join('\n'));
    sers.push(s.ser);
    table.push(`| ${id} | ${seed} | ${s.gold} | ${s.sub}/${s.del}/${s.ins} | ${(s.ser * 100).toFixed(2)}% |`);
    for (const [g, o] of s.errors) {
      const k = `${g || '∅'}→${o || '∅'}`;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
      const kind = errorKind(g, o);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    if (!values.lines) continue;
    const damagedLines = damaged.split(/\r?\n/);
    for (const l of r.lines) {
      const want = cleanLines[l.n - 1] ?? '';
      if (scoreTokens(want).join(' ') === scoreTokens(l.text).join(' ')) continue;
      if (lineFilter && !lineFilter.test(want) && !lineFilter.test(l.text)) continue;
      console.log(`${id} seed ${seed} line ${l.n}\n  clean: ${want}\n  ocr:   ${damagedLines[l.n - 1]}\n  out:   ${l.text}`);
    }
  }
}
const total = [...kinds.values()].reduce((a, b) => a + b, 0);
console.log(`\n| document | seed | gold syllables | sub/del/ins | SER |\n| --- | --- | --- | --- | --- |\n${table.join('\n')}`);
console.log(`\nmean SER over ${sers.length} rows: ${(sers.reduce((a, b) => a + b, 0) / sers.length * 100).toFixed(3)}%`);
console.log(`errors by kind (${total}): ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`most frequent: ${[...pairs].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
