/**
 * Compare the restorer's speed in two checkouts (a benchmark tool, not a test): cold restorations of
 * the OCR source by both, interleaved in ONE process (A B B A …, after 6 warm-up runs each), so both
 * see the same machine load and the same JIT warm-up; prints each stage's median and fastest CPU ms
 * for A and B and the ratio of the medians. On this shared 2-core machine separate processes differ by
 * up to 1.5× from one minute to the next, which hides changes of 20–30 % from runs taken apart.
 * Run it in both orders (A B, then B A): the second version loaded can be a few per cent off.
 * With `--larger` a run restores bench-ocr's larger input instead: the four clean sources damaged
 * (seed 12345), each with its leave-one-out references and confusion model (stage times summed).
 * Usage: node --no-warnings scripts/ocr-ab.ts <checkout A> <checkout B> [runs=24] [--larger]
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CLEAN, leaveOneOut, ocrSources, sourceLines } from './ocr-sources.ts';

const larger = process.argv.includes('--larger');
const [A, B, runsArg = '24'] = process.argv.slice(2).filter((x) => x !== '--larger');
if (!A || !B) { console.error('usage: node --no-warnings scripts/ocr-ab.ts <checkout A> <checkout B> [runs=24] [--larger]'); process.exit(2); }

type Run = () => Map<string, number>;
async function restorerOf(checkout: string): Promise<Run> {
  const root = pathToFileURL(resolve(checkout) + '/');
  const src = ocrSources(root);
  const ocr = await import(new URL('src/lib/ocr/index.ts', root).href);
  const inputs: Array<{ lines: ReturnType<typeof sourceLines>; ctx: object }> = [];
  if (!larger) inputs.push({ lines: sourceLines(src.ocrText), ctx: { references: CLEAN.map(src.text) } });
  else {
    // (This checkout's own damage and training modules.)
    const { learnDamage, damageText } = await import(new URL('src/lib/ocr/damage.ts', root).href);
    const { learnFromReferences } = await import(new URL('src/lib/ocr/train.ts', root).href);
    const { damage, sets } = leaveOneOut(src, { learnDamage, learnFromReferences });
    for (const { clean, refs, confusion } of sets) inputs.push({ lines: sourceLines(damageText(clean, damage, 12345)), ctx: { references: refs, confusion, force: true } });
  }
  return () => {
    const stages = new Map<string, number>();
    const c0 = process.cpuUsage();
    for (const { lines, ctx } of inputs) {
      const laps: Array<[string, number]> = [];
      ocr.clearModelCache();
      ocr.restoreLines(lines, { ...ctx, timing: (stage: string, ms: number) => laps.push([stage, ms]) });
      let last = 0;
      for (const [stage, ms] of laps) { stages.set(stage, (stages.get(stage) ?? 0) + ms - last); last = ms; }
    }
    const c = process.cpuUsage(c0);
    stages.set('total', (c.user + c.system) / 1000);
    return stages;
  };
}

const runA = await restorerOf(A), runB = await restorerOf(B);
for (let i = 0; i < 6; i++) { runA(); runB(); }
const a: Array<Map<string, number>> = [], b: Array<Map<string, number>> = [];
for (let i = 0; i < Number(runsArg); i++) {
  if (i % 2) { a.push(runA()); b.push(runB()); } else { b.push(runB()); a.push(runA()); }
}
const median = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const fmt = (xs: number[]) => `${median(xs).toFixed(1)} / ${Math.min(...xs).toFixed(1)}`;
console.log(`| stage | A: median / fastest, ms CPU | B: median / fastest, ms CPU | B / A (medians) |\n| --- | --- | --- | --- |`);
for (const stage of new Set([...a[0]!.keys(), ...b[0]!.keys()])) {
  const xa = a.map((m) => m.get(stage) ?? 0), xb = b.map((m) => m.get(stage) ?? 0);
  console.log(`| ${stage} | ${fmt(xa)} | ${fmt(xb)} | ${(median(xb) / median(xa)).toFixed(2)} |`);
}
