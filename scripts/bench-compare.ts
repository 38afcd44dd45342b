/**
 * Benchmark of the comparison stage. `npm run bench:compare [-- --dir content/regulations] [--scale 20]`
 *  1. every pair of the real corpus: align + redline + renames, median and total time;
 *  2. the static build workload (version pairs of each work + topic enrichment + coded answers — what the
 *     pages compute at build time; any other pair is computed in the browser) on the real corpus and on a
 *     synthetic corpus `scale`× larger (recombined/perturbed real articles), with the growth ratio.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Alignable } from '../src/lib/align.ts';
import { compareDocuments } from '../src/lib/compare-report.ts';
import { parseTopics, topicAnnotations } from '../src/lib/enrich/topics.ts';
import { answerMatrix, parseQuestions } from '../src/lib/questions.ts';
import { syntheticCorpus } from '../src/lib/synthetic.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' }, scale: { type: 'string', default: '20' }, repeat: { type: 'string', default: '3' } } });
const dir = values.dir ?? (existsSync('content/regulations') && readdirSync('content/regulations').some((f) => f.endsWith('.json')) ? 'content/regulations' : 'test/fixtures/compare');
const docs: Array<Alignable & { work: string }> = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  .map((d) => ({ ...d, work: d.work ?? d.id.replace(/-\d{4}$/, '') }));
const topics = parseTopics(parseYaml(readFileSync('content/topics.yaml', 'utf8')), 'content/topics.yaml');
const questions = parseQuestions(parseYaml(readFileSync('content/questions.yaml', 'utf8')), 'content/questions.yaml');
const repeat = Number(values.repeat);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};
const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Build workload: version pairs within each work + topics + coded answers. Returns ms and counts. */
function build(corpus: Array<Alignable & { work: string }>) {
  const works = new Map<string, typeof corpus>();
  for (const d of corpus) works.set(d.work, [...(works.get(d.work) ?? []), d]);
  let pairs = 0;
  const t = time(() => {
    for (const vs of works.values())
      for (let i = 0; i < vs.length; i++)
        for (let j = i + 1; j < vs.length; j++) {
          compareDocuments(vs[i]!, vs[j]!);
          pairs++;
        }
    const withTopics = corpus.map((doc) => ({ doc, annotations: topicAnnotations(doc, topics, corpus) }));
    answerMatrix(questions, withTopics);
  });
  return { ms: t, pairs };
}

console.log(`corpus: ${docs.length} documents from ${dir}`);
const pairTimes: number[] = [];
for (let i = 0; i < docs.length; i++)
  for (let j = 0; j < docs.length; j++) if (i !== j) pairTimes.push(median(Array.from({ length: repeat }, () => time(() => compareDocuments(docs[i]!, docs[j]!)))));
console.log(`all ordered pairs (${pairTimes.length}): align+diff+renames median ${ms(median(pairTimes))}, max ${ms(Math.max(...pairTimes))}, total ${ms(pairTimes.reduce((a, b) => a + b, 0))}`);

const scale = Number(values.scale);
const synth = syntheticCorpus(docs, docs.length * scale, 3, 42);
const small = syntheticCorpus(docs, docs.length, 3, 42);
const runs = (c: typeof docs) => {
  const r = Array.from({ length: repeat }, () => build(c));
  return { ms: median(r.map((x) => x.ms)), pairs: r[0]!.pairs };
};
const real = runs(docs);
const s1 = runs(small);
const s20 = runs(synth);
console.log(`build workload, real corpus (${docs.length} docs, ${real.pairs} version pairs): median ${ms(real.ms)}`);
console.log(`build workload, synthetic 1× (${small.length} docs, ${s1.pairs} version pairs): median ${ms(s1.ms)}`);
console.log(`build workload, synthetic ${scale}× (${synth.length} docs, ${s20.pairs} version pairs): median ${ms(s20.ms)}`);
console.log(`growth: ${scale}× documents → ${(s20.ms / s1.ms).toFixed(1)}× time (synthetic ${scale}× / synthetic 1×), ${(s20.ms / real.ms).toFixed(1)}× vs real; per document ${ms(s1.ms / small.length)} → ${ms(s20.ms / synth.length)}`);
