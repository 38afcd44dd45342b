/**
 * OCR benchmark (not a test): dev syllable error rate of the automatic output, leave-one-out
 * synthetic damage, and throughput. Prints a table and writes docs/ocr-results.md.
 * Usage: npm run bench:ocr
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { clearModelCache, detectOcr, restoreLines } from '../src/lib/ocr/index.ts';
import { CLEAN, leaveOneOut, ocrSources, sourceLines } from './ocr-sources.ts';
import { stripMarkdown, syllableErrorRate } from '../src/lib/ocr/ser.ts';
import { learnDamage, damageMarks, damageSpaces, damageSplits, damageText, damageTones, damageWords } from '../src/lib/ocr/damage.ts';
import { learnFromReferences } from '../src/lib/ocr/train.ts';
import { layoutRuns } from './ocr-layout.ts';
import type { ConfusionData } from '../src/lib/ocr/confusion.ts';

const root = new URL('../', import.meta.url);
const src = ocrSources(root);
const { read, ocrText } = src;
const gold = stripMarkdown(read('test/fixtures/gold/kien-giang-2022.dev.md'));
const rows: string[][] = [];

// 1. Dev SER through the real CLI: ingest --file … --format md [--no-corrections].
const exportMd = (corrections: boolean) => execFileSync(process.execPath, ['--no-warnings', 'scripts/ingest.ts', '--file', 'content/sources/kien-giang-2022.ocr.txt', '--format', 'md', ...(corrections ? [] : ['--no-corrections'])], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
/** The gold region of an export: up to the regulation's Điều 7, without the signature block (the gold keeps the signer only in its front matter). */
function devRegion(md: string): string {
  const cut = md.search(/^#+ Điều 7\./mu);
  const lines = (cut > 0 ? md.slice(0, cut) : md).split('\n');
  const recip = lines.findIndex((l) => /^Nơi nhận/u.test(l));
  const start = recip < 0 ? -1 : lines.findIndex((l, i) => i > recip && !/^- /u.test(l));
  const end = lines.findIndex((l) => /^(\*\*|#+ )QUY CHẾ/u.test(l));
  return (start > 0 && end > start ? [...lines.slice(0, start), ...lines.slice(end)] : lines).join('\n');
}
const dev = syllableErrorRate(gold, devRegion(exportMd(false)));
rows.push(['dev, automatic (`--no-corrections`)', String(dev.gold), `${dev.sub}/${dev.del}/${dev.ins}`, pct(dev.ser), '≤ 0.50%', dev.ser <= 0.005 ? 'met' : 'NOT met']);
const pub = syllableErrorRate(gold, devRegion(exportMd(true)));
rows.push(['dev, published (with corrections)', String(pub.gold), `${pub.sub}/${pub.del}/${pub.ins}`, pct(pub.ser), '—', '']);

// 2. Leave-one-out synthetic damage. Each clean source is damaged (seed 12345) and restored with the
// other sources as references and a confusion model learned from those of them the OCR export aligns
// with; these set-ups serve sections 2, 2b, 2c and 3.
const { damage, sets } = leaveOneOut(src, { learnDamage, learnFromReferences });
const synthetic = sets.map((s) => ({ ...s, damaged: damageText(s.clean, damage, 12345) }));
/**
 * A text restored cold with a leave-one-out set's models (`force`, or through detection: a text it
 * misses is published as it is), scored against the set's clean source.
 */
function restored(set: { clean: string; refs: string[]; confusion: ConfusionData }, text: string, force: boolean) {
  clearModelCache();
  const r = restoreLines(sourceLines(text), { references: set.refs, confusion: set.confusion, force });
  return syllableErrorRate(set.clean, r.lines.map((l) => l.text).join('\n'));
}
for (const { id, clean, damaged, refs, confusion } of synthetic) {
  const s = restored({ clean, refs, confusion }, damaged, true);
  const before = syllableErrorRate(clean, damaged);
  rows.push([`synthetic ${id} (damaged ${pct(before.ser)})`, String(s.gold), `${s.sub}/${s.del}/${s.ins}`, pct(s.ser), '≤ 3.00%', s.ser <= 0.03 ? 'met' : 'NOT met']);
}

// 2b. The same with other damage seeds, to show how much the rows above depend on one draw of damage
// (reported, not a target). The weights were tuned on seed 12345 until session 6; session 7 chose the
// second pass's widening (200, 0.99, 8 options) looking at these seeds too, and checked it on seeds
// 4242/9001/31337 (README, OCR section).
const SEEDS = [1, 777, 2026];
for (const { id, clean, refs, confusion } of synthetic) {
  const sers = SEEDS.map((seed) => restored({ clean, refs, confusion }, damageText(clean, damage, seed), true).ser);
  rows.push([`synthetic ${id}, damage seeds ${SEEDS.join('/')} (reported)`, '', '', sers.map(pct).join(' / '), '(≤ 3.00%)', sers.every((x) => x <= 0.03) ? 'all under' : `${sers.filter((x) => x > 0.03).length} over`]);
}

// 2c. A lighter scan (reported, not a target): 3 % of each clean source's words damaged (seed 12345),
// through detection (not forced: a text detection misses is published as it is) and restoration with
// the same leave-one-out models. The row gives the SER of the damaged text and of what is published.
for (const { id, clean, refs, confusion } of synthetic) {
  const damaged = damageWords(clean, damage, 0.03, 12345);
  const d = detectOcr(sourceLines(damaged));
  const s = restored({ clean, refs, confusion }, damaged, false);
  const before = syllableErrorRate(clean, damaged);
  rows.push([`light damage ${id}: 3 % of the words damaged (${pct(before.ser)}), ${d.detected ? 'detected' : 'NOT detected'} (invalid ${pct(d.invalidShare)}, garbled ${pct(d.garbledShare)}) (reported)`, String(s.gold), `${s.sub}/${s.del}/${s.ins}`, pct(s.ser), '—', '']);
}
// Scans that misread only tones (5 % of the words given another tone that leaves them syllables),
// lose spaces (3 % of the spaces between words dropped), cut words with a space (3 % of the words)
// or change marks the learned scan does not, through detection and restoration.
function lighter(label: string, damageOf: (clean: string) => string): void {
  const r = synthetic.map((set) => {
    const damaged = damageOf(set.clean);
    return { detected: detectOcr(sourceLines(damaged)).detected, before: syllableErrorRate(set.clean, damaged).ser, after: restored(set, damaged, false).ser };
  });
  rows.push([`${label} (${CLEAN.join(' / ')}): detected ${r.filter((x) => x.detected).length} of ${r.length}; damaged ${r.map((x) => pct(x.before)).join(' / ')} (reported)`, '', '', r.map((x) => pct(x.after)).join(' / '), '—', '']);
}
lighter('wrong tones on 5 % of the words', (clean) => damageTones(clean, 0.05, 12345));
lighter('3 % of the spaces between words dropped', (clean) => damageSpaces(clean, 0.03, 12345));
lighter('3 % of the words cut by a space', (clean) => damageSplits(clean, 0.03, 12345));
// Another scan's damage, which the channel never learned: 10 % of the vowel letters given another
// tone or hook of their family (`hiện` → `hìện`), and 10 % of the `đ` read as `d`.
lighter("another scan's marks on 10 % of the vowels", (clean) => damageMarks(clean, 0.1, 12345));
// And each clean source itself forced through the restorer (`--ocr` on a clean text): what restoring
// changes in words printed right.
const forced = synthetic.map((set) => restored(set, set.clean, true).ser);
rows.push([`clean sources forced through the restorer (${CLEAN.join(' / ')}) (reported)`, '', '', forced.map(pct).join(' / '), '—', '']);

const throughputAt = rows.length;
// 3. Throughput, in 3 new processes that do nothing else (so no run pays for this benchmark's own
// data or the 32 restorations above), each restoring the OCR source over and over:
// - its first restoration: what one `npm run ingest` pays (a new process's first run, most of whose
//   extra cost is compiling; CPU of the whole process during it, imports excluded);
// - then 20 cold runs not counted (their times are listed in the report): a new process's first runs
//   are slower run by run until about the twentieth, as the engine compiles and re-optimises code for its
//   paths and sizes its heap;
// - then 9 counted cold runs: the restorer's steady state. Cold = every model built from the
//   references is rebuilt each run (language model, channel and its cost rows, case model,
//   abbreviations, per-word cost tables); only what is derived from rules or bundled data and does
//   not depend on the input is built once per process (syllable set and trie, lexicon, the lexicon
//   prior's sums and counts over the syllable set: built by the first restoration);
// - then 5 warm runs: the same models reused (a second document in the same ingest). The channel's
//   tables of the words already met come with them, so on the same text this overstates a new document.
// The medians are over the 3 processes' runs together.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Cold runs not counted and counted, warm runs, per process; processes. */
const WARMUP = 20, COLD_RUNS = 9, WARM_RUNS = 5, PROCESSES = 3;
const kb = Buffer.byteLength(ocrText) / 1024;
interface Runs { cpu: number[]; main: number[]; wall: number[] }
interface Child { first: { cpu: number; main: number }; warmup: Runs; cold: Runs; warm: Runs; stages: Record<string, number[]>; probe: [number, number] }
const THROUGHPUT = `
const root = new URL(process.argv[1]);
const [warmup, counted, warmRuns] = process.argv.slice(2).map(Number);
const { CLEAN, ocrSources, sourceLines } = await import(new URL('scripts/ocr-sources.ts', root).href);
const { clearModelCache, restoreLines } = await import(new URL('src/lib/ocr/index.ts', root).href);
const { text, ocrText } = ocrSources(root);
const refs = CLEAN.map(text);
// The host's speed: a fixed pure-JavaScript workload (typed-array arithmetic, Map writes, string edit
// distances), the median CPU ms of the JavaScript thread over its last 5 of 6 runs, before the first
// restoration and after the last run. On this shared virtual machine the same code's CPU times vary
// with the host's load (a vCPU the host deschedules is still counted as running), and the probe's time
// varies with them. (Per-thread CPU time moves in 4 ms ticks here: the probe runs about 60 ms.)
const probe = () => {
  const c = process.threadCpuUsage();
  const a = new Float64Array(4096), m = new Map();
  let x = 0;
  for (let r = 0; r < 1200; r++) { for (let i = 0; i < 4096; i++) { a[i] = (a[i] * 1.0001 + i) % 1000; x += a[i]; } m.set(r, x); }
  for (let i = 0; i < 800000; i++) m.set((i * 7919) & 16383, i);
  const w = ['chuyển đổi số', 'chuyen doi so', 'quyết định', 'quyet dinh', 'ban chỉ đạo', 'ban chi dao'];
  for (let r = 0; r < 16000; r++) {
    const s = w[r % 6], t = w[(r + 1) % 6], d = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) { let prev = d[0]; d[0] = i; for (let j = 1; j <= t.length; j++) { const cur = d[j]; d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1)); prev = cur; } }
    x += d[t.length];
  }
  const u = process.threadCpuUsage(c);
  if (x === -1) console.log(x);
  return (u.user + u.system) / 1000;
};
const probeMedian = () => { const xs = Array.from({ length: 6 }, probe).slice(1).sort((p, q) => p - q); return xs[2]; };
const probeBefore = probeMedian();
const c0 = process.cpuUsage(), m0 = process.threadCpuUsage();
restoreLines(sourceLines(ocrText), { references: refs });
const c1 = process.cpuUsage(c0), m1 = process.threadCpuUsage(m0);
const first = { cpu: (c1.user + c1.system) / 1000, main: (m1.user + m1.system) / 1000 };
// Each run also reports its stages (CPU ms of each, from the restorer's \`timing\` option).
const stages = {};
const timed = (cold, n, record) => {
  const out = { cpu: [], main: [], wall: [] };
  for (let i = 0; i < n; i++) {
    if (cold) clearModelCache();
    let last = 0;
    const timing = (stage, ms) => { if (record) (stages[stage] ??= []).push(ms - last); last = ms; };
    const t0 = performance.now(), c = process.cpuUsage(), m = process.threadCpuUsage();
    restoreLines(sourceLines(ocrText), { references: refs, timing });
    const dc = process.cpuUsage(c), dm = process.threadCpuUsage(m);
    out.wall.push(performance.now() - t0);
    out.cpu.push((dc.user + dc.system) / 1000);
    out.main.push((dm.user + dm.system) / 1000);
  }
  return out;
};
const w = timed(true, warmup, false), cold = timed(true, counted, true), warm = timed(false, warmRuns, false);
const probeAfter = probeMedian();
console.log(JSON.stringify({ first, warmup: w, cold, warm, stages, probe: [probeBefore, probeAfter] }));
`;
const children: Child[] = Array.from({ length: PROCESSES }, () => JSON.parse(execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', THROUGHPUT, root.href, String(WARMUP), String(COLD_RUNS), String(WARM_RUNS)], { encoding: 'utf8' }).trim().split('\n').pop()!) as Child);
const all = (f: (c: Child) => number[]) => children.flatMap(f);
const coldCpu = median(all((c) => c.cold.cpu)), coldWall = median(all((c) => c.cold.wall));
const warmCpu = median(all((c) => c.warm.cpu)), warmWall = median(all((c) => c.warm.wall));
const freshCpu = median(children.map((c) => c.first.cpu)), freshMain = median(children.map((c) => c.first.main));
const coldKbps = kb / (coldCpu / 1000);
const stageMs = new Map<string, number[]>();
for (const c of children) for (const [stage, ms] of Object.entries(c.stages)) (stageMs.get(stage) ?? stageMs.set(stage, []).get(stage)!).push(...ms);
// A larger input: the four synthetic damaged texts of section 2 (seed 12345), each restored cold with
// its own leave-one-out models; throughput over all of them (median of 3 passes).
const bigKb = synthetic.reduce((a, d) => a + Buffer.byteLength(d.damaged), 0) / 1024;
const bigCpu: number[] = [];
for (let pass = 0; pass < 3; pass++) {
  let c = 0;
  for (const d of synthetic) {
    clearModelCache();
    const c0 = process.cpuUsage();
    restoreLines(sourceLines(d.damaged), { references: d.refs, confusion: d.confusion, force: true });
    const u = process.cpuUsage(c0);
    c += (u.user + u.system) / 1000;
  }
  bigCpu.push(c);
}
const big = median(bigCpu);
rows.push([`throughput (median of ${PROCESSES} × ${COLD_RUNS} cold runs, each process's after ${WARMUP} not counted; CPU time)`, `${kb.toFixed(1)} KB`, `${coldCpu.toFixed(0)} ms CPU, ${coldWall.toFixed(0)} ms wall`, `${coldKbps.toFixed(1)} KB/s`, '≥ 100 KB/s', coldKbps >= 100 ? 'met' : 'NOT met']);
rows.push([`throughput, warm (models reused; median of ${PROCESSES} × ${WARM_RUNS})`, `${kb.toFixed(1)} KB`, `${warmCpu.toFixed(0)} ms CPU, ${warmWall.toFixed(0)} ms wall`, `${(kb / (warmCpu / 1000)).toFixed(1)} KB/s`, '—', '']);
rows.push([`throughput, fresh process: the first restoration in a new process (median of ${PROCESSES} processes, CPU time of the process; imports excluded)`, `${kb.toFixed(1)} KB`, `${freshCpu.toFixed(0)} ms CPU, of which ${freshMain.toFixed(0)} ms on the JavaScript thread`, `${(kb / (freshCpu / 1000)).toFixed(1)} KB/s`, '—', '']);
rows.push(['throughput, larger input: the four synthetic damaged texts, each cold with its leave-one-out models (median of 3 passes, CPU time)', `${bigKb.toFixed(1)} KB`, `${big.toFixed(0)} ms CPU`, `${(bigKb / (big / 1000)).toFixed(1)} KB/s`, '—', '']);

// 2d (run after the throughput section, so that its timings come after the same work as before;
// listed with the other reported rows). Whole documents under a scan's layout: each clean source
// wrapped and paged, with the real scan's stamp debris, before the learned damage (`damageLayout`),
// then ingested end to end (detection, restoration with its leave-one-out models, parsing) and
// compared element by element with its clean ingest (scripts/ocr-layout.ts; `npm run ocr:layout --
// --seeds …` for more seeds and the elements missing or extra).
const LAYOUT_SEEDS = [12345, 1, 777];
const layout = layoutRuns(root, LAYOUT_SEEDS);
rows.splice(throughputAt, 0, ...CLEAN.map((id) => {
  const r = layout.filter((x) => x.id === id);
  const whole = r.filter((x) => !x.missing.length && !x.extra.length).length;
  const fields = r.reduce((s, x) => s + x.metadataFields, 0), right = fields - r.reduce((s, x) => s + x.metadataWrong.length, 0);
  return [`scan layout and damage, whole document through ingest: ${id}, seeds ${LAYOUT_SEEDS.join('/')}: detected ${r.filter((x) => x.detected).length} of ${r.length}, every chapter, article, clause and point found (none extra) in ${whole} of ${r.length}; metadata fields as in the clean ingest ${right} of ${fields} (reported)`, String(r[0]!.gold), '', r.map((x) => pct(x.ser)).join(' / '), '—', whole === r.length ? 'all whole' : `${r.length - whole} not`];
}));

function pct(x: number) { return `${(x * 100).toFixed(2)}%`; }
const head = ['measure', 'gold syllables', 'sub/del/ins', 'result', 'target', ''];
const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
process.stdout.write(table + '\n');
// Where the cold runs' time goes: each stage's median and fastest run (the stages are consecutive, so
// the medians need not add up to the median of the totals).
const stageRows = [...stageMs].map(([stage, ms]) => `| ${stage} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} |`);
const stages = `| stage (cold runs) | median, ms CPU | fastest, ms CPU |\n| --- | --- | --- |\n${stageRows.join('\n')}\n\n${children.map((c, i) => `Process ${i + 1}: first restoration ${c.first.cpu.toFixed(0)} ms CPU; the ${WARMUP} runs not counted ${c.warmup.cpu.map((x) => x.toFixed(0)).join(', ')}; the ${COLD_RUNS} counted cold runs ${c.cold.cpu.map((x) => x.toFixed(0)).join(', ')} ms CPU, of which the JavaScript thread ${c.cold.main.map((x) => x.toFixed(0)).join(', ')} ms; the host-speed probe ${c.probe[0].toFixed(1)} ms before, ${c.probe[1].toFixed(1)} ms after.`).join(' ')} (The rest of a run's CPU is the process's other threads: the JIT compiler's background compilations and the garbage collector's helpers; the stage times above are the whole process's. The host-speed probe is a fixed pure-JavaScript workload, the median CPU time of the JavaScript thread over its last 5 of 6 runs before a process's first restoration and after its last run: the same code's throughput goes down as it goes up, since on this shared virtual machine time the host takes from the vCPU still counts as the process's CPU time.)`;
process.stdout.write('\n' + stages + '\n');
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
const worst = dev.errors.filter((e) => e[0] !== e[1]).slice(0, 80).map(([g, h]) => `${g || '∅'}→${h || '∅'}`).join(', ');
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(new URL('docs/ocr-results.md', root), `# OCR restoration results (last \`npm run bench:ocr\`)\n\n${table}\n\n${stages}\n\n` +
  `Measured on ${new Date().toISOString().slice(0, 10)} (load average ${load} on 2 cores when it finished; a load near or above 2 means other jobs shared the machine, which inflates wall-clock times and, less, CPU times: the throughput rows use CPU time). Throughput is measured in ${PROCESSES} new processes that restore the OCR source over and over and do nothing else: each one's first restoration is the fresh-process row (what a single \`npm run ingest\` pays: a new process's first run, most of whose extra cost is JIT compilation on background threads and unoptimised code on the JavaScript thread); then ${WARMUP} cold runs are not counted (a new process's runs get faster run by run until about the twentieth, as the engine compiles and re-optimises code for its paths and sizes its heap: their times are listed above); then ${COLD_RUNS} counted cold runs, the restorer's steady state; then ${WARM_RUNS} warm runs. Cold throughput rebuilds every model that depends on the references each run; the syllable set, its search trie and the trie's minimised automaton, the bundled lexicon with its successor lists numbered and its counts by syllable, and the lexicon prior's sums over the syllable set are built once per process (rule-derived or bundled, independent of the input; built by the first restoration, so inside the fresh-process row); the restorer's caches keyed by the input (candidate lists, word cost tables, target spellings, language-model contexts) live per run, but the shared bounded memo of \`fold()\` (src/lib/fold.ts) lives per process, so later runs find their words folded already. Warm runs reuse the models, and with the channel its tables of the words already met: on the same text they overstate what a new document would cost. The larger-input row restores the four synthetic damaged texts (seed 12345) one after the other, each with its own leave-one-out models rebuilt cold (so no model trained on a held-out source is used), and divides their total size by their total CPU time.\n\nSER = syllable edit distance / gold syllables. Syllables are maximal runs of letters or digits (NFC, case-sensitive); punctuation-only tokens are ignored; Markdown markers and the gold's \`## Căn cứ\` label are stripped. The dev hypothesis is \`ingest --file content/sources/kien-giang-2022.ocr.txt --format md --no-corrections\` up to the regulation's Điều 7, aligned semi-globally (hypothesis tokens before and after the gold region are free; everything inside counts). The signature block of the export (between the recipients and QUY CHẾ) is removed because the gold keeps the signer only in its front matter. Synthetic rows corrupt each clean source with a damage model learned from the real OCR aligned with the dev gold, then restore it with that source excluded from the language model, the references and the confusion training. Scan-layout rows ingest the damaged document end to end and compare its structure with the clean source's ingest: \`gold syllables\` counts the text of every element of the clean ingest (chapter headings, article titles, clauses and points with their further paragraphs); the SER is over those texts in order; a document is whole when every element id of the clean ingest is found and none is extra; the metadata fields are the decision's letterhead (its authority lines), number, date, place, issuer, title and signer and the regulation's title; the layout sets the letterhead's two columns side by side on one line each, and the number beside the place and date, as a scan reads them (\`letterheadColumns\`).\n\nDev errors (gold→output): ${worst}\n`);
