/**
 * Benchmarks (issue 6): `npm run bench [-- --only pipeline,scale,pages,lighthouse,mainthread,compare,ocr]
 *   [--runs 3] [--sizes 50,200,1000] [--scale-runs 1] [--lh-runs 1] [--mt-runs 5] [--site <built dist>]`
 *
 *  pipeline    ingest without / with OCR restoration, astro build (Starlight runs Pagefind in it), Pagefind
 *              alone on the built site — wall, CPU (user+sys), peak RSS; median of --runs on the real corpus
 *  scale       synthetic corpora (scripts/gen-corpus.ts) of --sizes documents, each built; time and memory
 *              per document, growth per doubling, comparison pages per document
 *  pages       bytes per page type (gzip of every response, as a CDN would send it) and for the first search
 *  lighthouse  Lighthouse (mobile) scores per page type, Debian Chromium
 *  mainthread  the main-thread work behind Lighthouse's total blocking time, per page type, in thread CPU time
 *              (load on the machine stretches wall time, and with it Lighthouse's scores, far more than CPU time)
 *  compare/ocr the other helpers' benchmarks (scripts/bench-compare.ts, scripts/bench-ocr.ts), output kept
 *
 * Reports: bench/results/<section>.json + .md, summary in docs/benchmarks.md and the README. Times come
 * from GNU time (/usr/bin/time; installed with apt-get when missing). Not a test: nothing here fails on a
 * missed target, the report says which targets are not met.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { check, growthPerDoubling, mainThreadCost, median, medianRun, parseGnuTime, table, verdict, type MainThreadCost, type Run, type TargetCheck, type TraceEvent } from '../src/lib/bench-report.ts';
import { ROOT, writeAtomic } from '../src/lib/ingest-cli.ts';
import { SEARCH_GLOB } from '../src/site/search-index.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'pipeline,scale,pages,lighthouse,mainthread,compare,ocr' },
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '50,200,1000' },
    'scale-runs': { type: 'string', default: '1' },
    'lh-runs': { type: 'string', default: '1' },
    'mt-runs': { type: 'string', default: '5' },
    site: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const only = new Set(values.only!.split(','));
const RUNS = Number(values.runs);
const RESULTS = join(ROOT, 'bench/results');
const NODE = process.execPath;
const BIN = (name: string) => join(ROOT, 'node_modules/.bin', name);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORK = mkdtempSync(join(tmpdir(), 'quyche-bench-'));
const log = (s: string) => process.stdout.write(`${s}\n`);

// ─── measuring ────────────────────────────────────────────────────────────────────────────────

function ensureGnuTime(): void {
  if (existsSync('/usr/bin/time')) return;
  log('installing GNU time (apt-get install -y time) …');
  spawnSync('apt-get', ['install', '-y', '-q', 'time'], { stdio: 'inherit' });
  if (!existsSync('/usr/bin/time')) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-q', 'time'], { stdio: 'inherit' });
  }
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed: apt-get install time');
}

/**
 * Run a command under GNU time; throws with the output tail when it fails. The 1-minute load average
 * at the end is kept with the run: other work on the machine inflates wall time (CPU time much less).
 */
function measure(label: string, cmd: string[], env: Record<string, string> = {}): Run & { load: number } {
  const out = join(WORK, `time-${process.hrtime.bigint()}.txt`);
  const logFile = join(WORK, `${label.replace(/[^a-z0-9]+/gi, '-')}.log`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, ...cmd], {
    cwd: ROOT, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  writeFileSync(logFile, `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}), log ${logFile}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  const run = { ...parseGnuTime(readFileSync(out, 'utf8')), load: Number(loadavg()[0]!.toFixed(2)) };
  log(`  ${label}: ${run.wall.toFixed(1)} s wall, ${run.cpu.toFixed(1)} s CPU, ${run.rssMiB.toFixed(0)} MiB peak RSS (load ${run.load})`);
  return run;
}

function repeat(n: number, f: (i: number) => Run): { runs: Run[]; median: Run } {
  const runs = Array.from({ length: n }, (_, i) => f(i));
  return { runs, median: medianRun(runs) };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Kind of a built file, by URL shape (for bytes per kind: a kind whose bytes grow faster than the corpus is quadratic). */
function kindOf(rel: string): string {
  if (rel.startsWith('pagefind/')) return 'pagefind';
  if (/^van-ban\/[^/]+\/index\.html$/.test(rel)) return 'document pages';
  if (/^van-ban\/[^/]+\/[^/]+\/index\.html$/.test(rel)) return 'article pages';
  if (rel.startsWith('vai-tro/')) return 'role pages';
  if (rel.startsWith('so-sanh/chu-de/')) return 'topic pages';
  if (rel.startsWith('so-sanh/')) return 'other comparison pages';
  if (rel.startsWith('du-lieu/')) return 'downloads';
  if (rel.endsWith('.html')) return 'other pages';
  return 'assets';
}

function distStats(dist: string) {
  const files = walk(dist);
  const html = files.filter((f) => f.endsWith('.html')).map((f) => relative(dist, f));
  const byKind: Record<string, { files: number; bytes: number }> = {};
  for (const f of files) {
    const k = kindOf(relative(dist, f));
    byKind[k] ??= { files: 0, bytes: 0 };
    byKind[k].files++;
    byKind[k].bytes += statSync(f).size;
  }
  return {
    files: files.length,
    byKind,
    bytes: files.reduce((n, f) => n + statSync(f).size, 0),
    pages: html.length,
    comparePages: html.filter((f) => f.startsWith('so-sanh/')).length,
    pagefindBytes: files.filter((f) => relative(dist, f).startsWith('pagefind/')).reduce((n, f) => n + statSync(f).size, 0),
  };
}

function save(name: string, data: unknown, md: string): void {
  mkdirSync(RESULTS, { recursive: true });
  writeAtomic(join(RESULTS, `${name}.json`), `${JSON.stringify({ generated: new Date().toISOString(), machine: machine(), ...data as object }, null, 2)}\n`);
  writeAtomic(join(RESULTS, `${name}.md`), `${md.trim()}\n`);
  log(`→ bench/results/${name}.json, .md`);
}

function machine() {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? '?';
  const mem = Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024;
  return { cpus, model, memGiB: Number(mem.toFixed(1)), node: process.version, loadavg1min: Number(loadavg()[0]!.toFixed(2)) };
}

const fmtRun = (r: Run) => [r.wall.toFixed(1), r.cpu.toFixed(1), r.rssMiB.toFixed(0)];

// ─── pipeline ─────────────────────────────────────────────────────────────────────────────────

function astroBuild(label: string, outDir: string, dataDir?: string): Run {
  rmSync(outDir, { recursive: true, force: true });
  return measure(label, [BIN('astro'), 'build', '--outDir', outDir], dataDir ? { QUYCHE_DATA_DIR: dataDir } : {});
}

function pipeline(): void {
  log(`pipeline (real corpus, median of ${RUNS})`);
  const rows: Record<string, { runs: Run[]; median: Run } | { error: string }> = {};
  const attempt = (name: string, f: () => { runs: Run[]; median: Run }) => {
    try { rows[name] = f(); } catch (e) { rows[name] = { error: (e as Error).message.split('\n')[0]! }; log(`  ${name}: ${(rows[name] as { error: string }).error}`); }
  };
  const root = join(WORK, 'ingest-root');
  const fresh = () => { rmSync(root, { recursive: true, force: true }); mkdirSync(root); cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true }); rmSync(join(root, 'content/regulations'), { recursive: true, force: true }); };
  attempt('ingest (no OCR restoration)', () => repeat(RUNS, () => { fresh(); return measure('ingest --no-ocr', [NODE, 'scripts/bench-ingest.ts', '--root', root, '--no-ocr']); }));
  attempt('ingest (OCR restoration)', () => repeat(RUNS, () => { fresh(); return measure('ingest --ocr', [NODE, 'scripts/bench-ingest.ts', '--root', root, '--ocr']); }));
  const dist = join(WORK, 'dist-real');
  attempt('astro build (incl. Pagefind)', () => repeat(RUNS, () => astroBuild('astro build', dist)));
  let stats = null;
  if (existsSync(dist)) {
    stats = distStats(dist);
    attempt('Pagefind alone (re-index dist/)', () => repeat(RUNS, () => measure('pagefind', [BIN('pagefind'), '--site', dist, '--glob', SEARCH_GLOB])));
  }
  const md = [
    `# Pipeline benchmark (real corpus)`,
    '',
    `Median of ${RUNS} runs; CPU = user + system of the whole process tree; RSS = peak of the largest process. Machine: ${machine().cpus} cores, ${machine().memGiB} GiB, ${machine().model}.`,
    '',
    table(['stage', 'wall s', 'CPU s', 'peak RSS MiB', 'runs (wall s)', 'load avg at end of runs'], Object.entries(rows).map(([k, v]) =>
      'error' in v ? [k, '—', '—', '—', `not measured: ${v.error}`, '—'] : [k, ...fmtRun(v.median), v.runs.map((r) => r.wall.toFixed(1)).join(', '), v.runs.map((r) => (r as Run & { load?: number }).load ?? '?').join(', ')])),
    '',
    'A load average above the 2 cores means other work competed for the CPU: wall time is then inflated, CPU time much less.',
    '',
    stats ? `Built site: ${stats.pages} HTML pages (${stats.comparePages} under /so-sanh/), ${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MiB (Pagefind index ${(stats.pagefindBytes / 1048576).toFixed(1)} MiB).` : '',
    '',
    'Commands: `node scripts/bench-ingest.ts --root <copy> --no-ocr|--ocr`, `astro build --outDir <tmp>`, `pagefind --site <tmp> --glob ' + SEARCH_GLOB + '` (the pages the build indexes, src/site/search-index.ts), each under `/usr/bin/time -f "%e %U %S %M"`.',
  ].join('\n');
  save('pipeline', { runs: RUNS, stages: rows, site: stats }, md);
  if (existsSync(dist)) cpSync(dist, join(WORK, 'site'), { recursive: true });
}

// ─── scale ────────────────────────────────────────────────────────────────────────────────────

interface ScalePoint { docs: number; runs: Run[]; median: Run; perDoc: { wallMs: number; cpuMs: number; rssKiB: number }; site: ReturnType<typeof distStats> }

function scale(): void {
  const sizes = values.sizes!.split(',').map(Number).sort((a, b) => a - b);
  const n = Number(values['scale-runs']);
  log(`scale: ${sizes.join(', ')} documents, ${n} build(s) each`);
  const points: ScalePoint[] = [];
  const errors: string[] = [];
  for (const size of sizes) {
    const data = join(WORK, `corpus-${size}`);
    const dist = join(WORK, `dist-${size}`);
    try {
      const gen = spawnSync(NODE, ['scripts/gen-corpus.ts', '--count', String(size), '--out', data], { cwd: ROOT, encoding: 'utf8' });
      if (gen.status !== 0) throw new Error(`gen-corpus failed: ${gen.stderr}`);
      log(`  ${gen.stdout.trim()}`);
      const { runs, median } = repeat(n, () => astroBuild(`astro build ${size} docs`, dist, data));
      const site = distStats(dist);
      points.push({ docs: size, runs, median, perDoc: { wallMs: (median.wall * 1000) / size, cpuMs: (median.cpu * 1000) / size, rssKiB: (median.rssMiB * 1024) / size }, site });
      // save as we go: the 1,000-document build is long
      writeScale(points, errors);
    } catch (e) {
      errors.push(`${size} documents: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
      log(`  ${errors.at(-1)}`);
    }
    if (!values.keep) rmSync(dist, { recursive: true, force: true });
  }
  writeScale(points, errors);
}

function writeScale(points: ScalePoint[], errors: string[]): void {
  const growth = points.slice(1).map((p, i) => {
    const q = points[i]!;
    const g = (a: number, b: number) => growthPerDoubling(q.docs, a, p.docs, b);
    const kinds = Object.fromEntries(Object.keys(p.site.byKind).filter((k) => q.site.byKind[k]).map((k) => [k, g(q.site.byKind[k]!.bytes, p.site.byKind[k]!.bytes)]));
    return { from: q.docs, to: p.docs, wall: g(q.median.wall, p.median.wall), cpu: g(q.median.cpu, p.median.cpu), rss: g(q.median.rssMiB, p.median.rssMiB), pages: g(q.site.pages, p.site.pages), bytes: g(q.site.bytes, p.site.bytes), kinds, comparePages: q.site.comparePages && p.site.comparePages ? g(q.site.comparePages, p.site.comparePages) : null };
  });
  const kindNames = [...new Set(points.flatMap((p) => Object.keys(p.site.byKind)))].sort();
  const big = points.find((p) => p.docs === 1000);
  const checks: TargetCheck[] = [
    check('1,000 documents: build wall time', big?.median.wall, 600, ' s'),
    check('1,000 documents: peak RSS', big?.median.rssMiB, 4096, ' MiB', { digits: 0 }),
    ...growth.map((x) => check(`growth per doubling, build wall ${x.from}→${x.to}`, x.wall, 2.2, '×', { digits: 2 })),
    ...growth.map((x) => check(`growth per doubling, build CPU ${x.from}→${x.to}`, x.cpu, 2.2, '×', { digits: 2 })),
    ...growth.map((x) => check(`growth per doubling, comparison pages ${x.from}→${x.to}`, x.comparePages, 2.2, '×', { digits: 2 })),
    ...growth.map((x) => check(`growth per doubling, built bytes ${x.from}→${x.to}`, x.bytes, 2.2, '×', { digits: 2 })),
  ];
  const md = [
    '# Scale benchmark (synthetic corpora)',
    '',
    'Corpora from `node scripts/gen-corpus.ts --count N` (63 provinces, then district units, × 3 versions; articles of the five real documents recombined and reworded; every document valid against DocumentSchema; seed 1). Each built with `QUYCHE_DATA_DIR=<corpus> astro build --outDir <tmp>` (Starlight runs Pagefind inside the build).',
    '',
    table(['documents', 'wall s', 'CPU s', 'peak RSS MiB', 'ms wall / doc', 'ms CPU / doc', 'KiB RSS / doc', 'pages', 'comparison pages', 'dist MiB', 'Pagefind MiB'],
      points.map((p) => [p.docs, ...fmtRun(p.median), p.perDoc.wallMs.toFixed(0), p.perDoc.cpuMs.toFixed(0), p.perDoc.rssKiB.toFixed(0), p.site.pages, p.site.comparePages, (p.site.bytes / 1048576).toFixed(1), (p.site.pagefindBytes / 1048576).toFixed(1)])),
    '',
    '## Growth per doubling (2.0 = linear, 4.0 = quadratic)',
    '',
    table(['sizes', 'wall', 'CPU', 'peak RSS', 'pages', 'comparison pages', 'built bytes'], growth.map((x) => [`${x.from} → ${x.to}`, x.wall.toFixed(2), x.cpu.toFixed(2), x.rss.toFixed(2), x.pages.toFixed(2), x.comparePages?.toFixed(2) ?? '—', x.bytes.toFixed(2)])),
    '',
    '## Built bytes per kind of file (MiB, and growth per doubling)',
    '',
    table(['kind', ...points.map((p) => `${p.docs} docs`), ...growth.map((x) => `growth ${x.from}→${x.to}`)],
      kindNames.map((k) => [k, ...points.map((p) => p.site.byKind[k] ? `${(p.site.byKind[k]!.bytes / 1048576).toFixed(1)} (${p.site.byKind[k]!.files} files)` : '—'), ...growth.map((x) => x.kinds[k]?.toFixed(2) ?? '—')])),
    '',
    `Load average (1 min) at the end of each build: ${points.map((p) => `${p.docs} docs ${p.runs.map((r) => (r as Run & { load?: number }).load ?? '?').join('/')}`).join(', ')} — other work on this 2-core machine inflates wall time; CPU time is the steadier measure.`,
    '',
    '## Targets',
    '',
    table(['target', 'limit', 'measured', 'verdict'], checks.map((c) => [c.name, c.target, c.measured, verdict(c)])),
    errors.length ? `\n## Errors\n\n${errors.map((e) => `- ${e}`).join('\n')}` : '',
  ].join('\n');
  save('scale', { points, growth, checks, errors }, md);
}

// ─── pages ────────────────────────────────────────────────────────────────────────────────────

/**
 * Page types of the site: every built page of the type (URL, sorted). The bench measures the first page of
 * each type and the largest (most HTML bytes gzipped): the budget is for every reading page, not a sample.
 */
const TYPES: Array<{ type: string; reading: boolean; pages: RegExp }> = [
  { type: 'home', reading: true, pages: /^index\.html$/ },
  { type: 'document', reading: true, pages: /^van-ban\/[^/]+\/index\.html$/ },
  { type: 'article', reading: true, pages: /^van-ban\/[^/]+\/(qd-)?dieu-[^/]+\/index\.html$/ },
  { type: 'role', reading: true, pages: /^vai-tro\/[^/]+\/index\.html$/ },
  { type: 'role in one document', reading: true, pages: /^vai-tro\/[^/]+\/(?!trang-\d)[^/]+\/index\.html$/ },
  { type: 'topic', reading: true, pages: /^so-sanh\/chu-de\/[^/]+\/(trang-\d+\/)?index\.html$/ },
  { type: 'version diff', reading: true, pages: /^so-sanh\/(?!chu-de\/|bang\/|tu-chon\/)[^/]+\/[^/]+\/index\.html$/ },
  { type: 'search', reading: false, pages: /^tim-kiem\/index\.html$/ },
];

/** First (sorted by URL) and largest (HTML gzip bytes) page of a type in dist/, as URLs; null when the type has none. */
/**
 * The pages Lighthouse and the main-thread section measure: the first and the largest page of each type, labelled
 * "<type> (first)" / "<type> (largest)" (or just the type when they are the same page); a type the site does not
 * have gives one entry with no URL.
 */
function measuredPages(site: string): Array<{ label: string; url: string | null }> {
  return TYPES.flatMap((t): Array<{ label: string; url: string | null }> => {
    const found = pagesOfType(site, t.pages);
    if (!found) return [{ label: t.type, url: null }];
    return [...new Set([found.first, found.largest])].map((url) => ({
      url,
      label: url === found.first ? (url === found.largest ? t.type : `${t.type} (first)`) : `${t.type} (largest)`,
    }));
  });
}

function pagesOfType(dist: string, pattern: RegExp): { first: string; largest: string; count: number } | null {
  const files = walk(dist).map((f) => relative(dist, f).split('\\').join('/')).filter((r) => pattern.test(r)).sort();
  if (!files.length) return null;
  const url = (rel: string) => `/${rel.replace(/index\.html$/, '')}`;
  let largest = files[0]!;
  let most = -1;
  for (const f of files) {
    const n = gzipSync(readFileSync(join(dist, f))).length;
    if (n > most) { most = n; largest = f; }
  }
  return { first: url(files[0]!), largest: url(largest), count: files.length };
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.xml': 'application/xml' };

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|md|xml)$/;

/**
 * Minimal static file server for dist/. Text is sent gzipped when the client accepts it, as any static
 * host does (Lighthouse counts transfer sizes); page weights are computed from the bodies anyway.
 */
function serve(dist: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
      const nf = join(dist, '404.html');
      res.writeHead(404, { 'content-type': MIME['.html']! });
      res.end(existsSync(nf) ? readFileSync(nf) : 'not found');
      return;
    }
    const body = readFileSync(file);
    const gzip = COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const a = server.address() as { port: number };
    ok({ server, base: `http://127.0.0.1:${a.port}` });
  }));
}

function ensureSite(): string {
  // --site <dir>: measure a site built before (e.g. an older commit's dist/, for a before/after comparison).
  if (values.site) {
    const dir = resolve(values.site);
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`--site ${values.site}: no index.html there`);
    return dir;
  }
  const site = join(WORK, 'site');
  if (!existsSync(site)) {
    log('building the real site for page measurements …');
    astroBuild('astro build', site);
  }
  return site;
}

interface Transfer { url: string; raw: number; gzip: number; search: boolean }

async function pages(): Promise<void> {
  const site = ensureSite();
  const { chromium } = await import('playwright-core');
  const { server, base } = await serve(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  const results: Array<{ type: string; which: 'first' | 'largest'; url: string | null; of: number; requests: number; raw: number; gzip: number; searchGzip: number; reading: boolean }> = [];
  const visit = async (url: string, act?: (page: import('playwright-core').Page) => Promise<void>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const got: Transfer[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      pending.push(r.body().then((b) => {
        // Playwright gives the decoded body; its gzip size is what a host sends
        got.push({ url: r.url(), raw: b.length, gzip: gzipSync(b).length, search: /\/pagefind\/|search/.test(new URL(r.url()).pathname) }); }, () => {}));
    });
    await page.goto(base + url, { waitUntil: 'networkidle' });
    if (act) await act(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await context.close();
    return got;
  };
  try {
    for (const t of TYPES) {
      const found = pagesOfType(site, t.pages);
      if (!found) { results.push({ type: t.type, which: 'first', url: null, of: 0, requests: 0, raw: 0, gzip: 0, searchGzip: 0, reading: t.reading }); continue; }
      for (const which of ['first', 'largest'] as const) {
        const url = found[which];
        const got = await visit(url);
        const sum = (xs: Transfer[], k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);
        results.push({ type: t.type, which, url, of: found.count, requests: got.length, raw: sum(got, 'raw'), gzip: sum(got.filter((x) => !x.search), 'gzip'), searchGzip: sum(got.filter((x) => x.search), 'gzip'), reading: t.reading });
        log(`  ${t.type} (${which} of ${found.count}) ${url}: ${(sum(got.filter((x) => !x.search), 'gzip') / 1024).toFixed(1)} KB gzip without search assets, ${got.length} requests`);
      }
    }
    // first search: open the search page with a query typed without diacritics, wait for results
    let first: { query: string; total: number; page: number; search: number; requests: number; error?: string } | null = null;
    const query = 'hop dinh ky';
    const searchUrl = pagesOfType(site, TYPES.find((t) => t.type === 'search')!.pages)?.first ?? null;
    if (searchUrl) {
      try {
        const got = await visit(searchUrl, async (page) => {
          const box = page.locator('input[type="search"]').first();
          await box.fill(query);
          await box.press('Enter').catch(() => {});
          // The status line says how many articles matched (or none). Not the page text: its filter legend
          // ("Lọc kết quả", screen-reader only) matched at once and cut the measurement short of the index.
          await page.waitForFunction(() => /khớp|Không tìm thấy/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 20_000 });
        });
        const gz = got.reduce((n, x) => n + x.gzip, 0);
        const s = got.filter((x) => x.search).reduce((n, x) => n + x.gzip, 0);
        first = { query, total: gz, page: gz - s, search: s, requests: got.length };
        log(`  first search "${query}": ${(gz / 1024).toFixed(1)} KB gzip in total (${(s / 1024).toFixed(1)} KB search assets)`);
      } catch (e) {
        first = { query, total: Number.NaN, page: 0, search: 0, requests: 0, error: (e as Error).message.split('\n')[0] };
      }
    }
    const checks = [
      ...results.filter((r) => r.reading).map((r) => check(`${r.type} page (${r.which}), gzip without search assets`, r.url ? r.gzip / 1024 : null, 50, ' KB')),
      check(`first search ("${query}"), everything from opening the search page to the results`, first?.total ? first.total / 1024 : null, 200, ' KB'),
    ];
    const md = [
      '# Page weight (gzip)',
      '',
      'Every response of a fresh browser context (Debian Chromium, Playwright), its body gzipped at level 6 as a static host would send it. "Search assets" are `/pagefind/*` and the search script. Two pages per type: the first of its type in `dist/` (sorted by URL) and the largest (most HTML bytes, gzipped).',
      '',
      table(['page type', 'page', 'URL', 'requests', 'raw KB', 'gzip KB (no search assets)', 'search assets gzip KB'], results.map((r) => [r.type, r.url ? `${r.which} of ${r.of}` : '—', r.url ?? 'absent', r.requests, (r.raw / 1024).toFixed(1), (r.gzip / 1024).toFixed(1), (r.searchGzip / 1024).toFixed(1)])),
      '',
      first ? `First search "${first.query}" on ${searchUrl}: ${first.error ? `failed: ${first.error}` : `${(first.total / 1024).toFixed(1)} KB gzip in ${first.requests} requests (page ${(first.page / 1024).toFixed(1)} KB + search assets ${(first.search / 1024).toFixed(1)} KB).`}` : 'No search page.',
      '',
      table(['target', 'limit', 'measured', 'verdict'], checks.map((c) => [c.name, c.target, c.measured, verdict(c)])),
    ].join('\n');
    save('pages', { results, firstSearch: first, checks }, md);
  } finally {
    await browser.close();
    server.close();
  }
}

// ─── lighthouse ───────────────────────────────────────────────────────────────────────────────

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((ok) => {
    const p = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('close', (code) => ok({ code: code ?? 1, out }));
  });
}

async function lighthouse(): Promise<void> {
  const site = ensureSite();
  const { server, base } = await serve(site);
  const n = Number(values['lh-runs']);
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  const rows: Array<{ type: string; url: string | null; scores: Record<string, number | null>; error?: string }> = [];
  try {
    for (const { label, url } of measuredPages(site)) {
      if (!url) { rows.push({ type: label, url: null, scores: {} }); continue; }
      const all: Array<Record<string, number | null>> = [];
      let error: string | undefined;
      for (let i = 0; i < n; i++) {
        const out = join(WORK, `lh-${label.replace(/\W/g, '')}-${i}.json`);
        const r = await run(BIN('lighthouse'), [base + url, '--output=json', `--output-path=${out}`, `--only-categories=${cats.join(',')}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`], { CHROME_PATH: CHROMIUM });
        if (r.code !== 0 || !existsSync(out)) { error = r.out.slice(-300); continue; }
        const report = JSON.parse(readFileSync(out, 'utf8'));
        all.push(Object.fromEntries(cats.map((c) => [c, report.categories[c]?.score ?? null])));
        if (report.runtimeError) error = report.runtimeError.message;
      }
      const scores = Object.fromEntries(cats.map((c) => {
        const xs = all.map((s) => s[c]).filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
        return [c, xs.length ? xs[(xs.length - 1) >> 1]! : null];
      }));
      rows.push({ type: label, url, scores, ...(error ? { error } : {}) });
      log(`  ${label}: ${cats.map((c) => `${c} ${scores[c] ?? '—'}`).join(', ')}`);
    }
  } finally {
    server.close();
  }
  const checks = rows.filter((r) => r.url).flatMap((r) => cats.map((c) => check(`${r.type}: ${c}`, r.scores[c], 0.95, '', { atLeast: true, digits: 2 })));
  const md = [
    '# Lighthouse (mobile)',
    '',
    `Lighthouse ${lhVersion()} (default mobile emulation and simulated throttling), Debian Chromium, ${n} run(s) per page (median), the first and the largest page of each type (see pages.md), the site served from a local static server with gzip (as a static host sends it).`,
    '',
    table(['page type', 'URL', ...cats], rows.map((r) => [r.type, r.url ?? 'absent', ...cats.map((c) => r.scores[c]?.toFixed(2) ?? '—')])),
    '',
    `Below 0.95: ${checks.filter((c) => c.met === false).map((c) => `${c.name} ${c.measured}`).join('; ') || 'none'}.`,
    rows.some((r) => r.error) ? `\nErrors: ${rows.filter((r) => r.error).map((r) => `${r.type}: ${r.error}`).join('; ')}` : '',
  ].join('\n');
  save('lighthouse', { rows, checks }, md);
}

function lhVersion(): string {
  try { return JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version; } catch { return '?'; }
}

// ─── main thread ──────────────────────────────────────────────────────────────────────────────

/**
 * Lighthouse's performance score on long pages is mostly total blocking time, which it simulates from the
 * wall-clock length of each main-thread task × 4 (its mobile CPU slowdown). On a shared 2-core machine wall time
 * swings with whatever else runs, and so do the scores. This section loads the same pages in Chromium at a phone
 * viewport and reads each task's *thread CPU time* from the trace: main-thread CPU per load, the longest task,
 * and the blocking time the tasks after first paint would add at 4× (median of --mt-runs loads). Not a
 * Lighthouse score and no target of the issue: the stable measure of the work the score depends on.
 */
async function mainthread(): Promise<void> {
  const site = ensureSite();
  const { chromium } = await import('playwright-core');
  const { server, base } = await serve(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  const n = Number(values['mt-runs']);
  const rows: Array<{ type: string; url: string; runs: MainThreadCost[]; median: MainThreadCost | null }> = [];
  try {
    for (const { label, url } of measuredPages(site)) {
      if (!url) continue;
      const runs: MainThreadCost[] = [];
      for (let i = 0; i < n; i++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (e) => { events.push(...(e.value as unknown as TraceEvent[])); });
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,loading', transferMode: 'ReportEvents' });
        await page.goto(base + url, { waitUntil: 'load' });
        await page.waitForTimeout(3000); // idle-time work (copy buttons, the table of contents) runs after load
        const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
        await cdp.send('Tracing.end');
        await complete;
        await context.close();
        const cost = mainThreadCost(events, base + url);
        if (cost) runs.push(cost);
      }
      const pick = (k: keyof MainThreadCost) => median(runs.map((r) => r[k]));
      const med = runs.length ? { cpuMs: pick('cpuMs'), longestMs: pick('longestMs'), blockingMs: pick('blockingMs') } : null;
      rows.push({ type: label, url, runs, median: med });
      log(`  ${label}: ${med ? `CPU ${med.cpuMs.toFixed(0)} ms, longest task ${med.longestMs.toFixed(0)} ms, blocking at 4× ${med.blockingMs.toFixed(0)} ms` : 'no trace'}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const md = [
    '# Main-thread work per page load',
    '',
    `Chromium (Debian), 412×823 phone viewport, ${n} loads per page (median), thread CPU time from the trace of each load. "Blocking at 4×": Σ over the tasks after first contentful paint of max(0, 4 × CPU − 50 ms), the total blocking time a phone 4× slower than this machine would see (Lighthouse's mobile profile). Load average at the start: ${loadavg()[0]!.toFixed(1)}. Site: ${values.site ? `\`${values.site}\` (--site)` : 'built from this tree'}.`,
    '',
    table(['page type', 'URL', 'main-thread CPU ms', 'longest task ms', 'blocking at 4× ms'], rows.map((r) => [r.type, r.url, ...(r.median ? [r.median.cpuMs.toFixed(0), r.median.longestMs.toFixed(0), r.median.blockingMs.toFixed(0)] : ['—', '—', '—'])])),
  ].join('\n');
  save('mainthread', { rows }, md);
}

// ─── the other helpers' benchmarks ────────────────────────────────────────────────────────────

function delegated(name: string, script: string): void {
  if (!existsSync(join(ROOT, script))) { log(`${name}: ${script} not present, skipped`); return; }
  log(`${name}: ${script}`);
  const t0 = performance.now();
  const r = spawnSync(NODE, ['--no-warnings', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 20 * 60_000 });
  const md = [`# ${name} benchmark`, '', `Output of \`node ${script}\` (exit ${r.status}, ${((performance.now() - t0) / 1000).toFixed(1)} s):`, '', '```', `${r.stdout}${r.stderr}`.trim(), '```'].join('\n');
  save(name, { script, exit: r.status, output: `${r.stdout}${r.stderr}` }, md);
}

// ─── summary ──────────────────────────────────────────────────────────────────────────────────

function summary(): void {
  const read = (n: string) => (existsSync(join(RESULTS, `${n}.json`)) ? JSON.parse(readFileSync(join(RESULTS, `${n}.json`), 'utf8')) : null);
  const pipe = read('pipeline');
  const sc = read('scale');
  const pg = read('pages');
  const lh = read('lighthouse');
  const checks: TargetCheck[] = [...(sc?.checks ?? []), ...(pg?.checks ?? []), ...(lh?.checks ?? [])];
  const rows: string[][] = [];
  if (pipe) for (const [k, v] of Object.entries(pipe.stages as Record<string, { median?: Run; error?: string }>)) rows.push([k, ...(v.median ? fmtRun(v.median) : ['—', '—', '—'])]);
  for (const p of (sc?.points ?? []) as ScalePoint[]) rows.push([`astro build, ${p.docs} synthetic documents`, ...fmtRun(p.median)]);
  const block = [
    table(['stage', 'wall s', 'CPU s', 'peak RSS MiB'], rows),
    '',
    table(['target', 'limit', 'measured', 'verdict'], checks.map((c) => [c.name, c.target, c.measured, verdict(c)])),
    '',
    `Targets met: ${checks.filter((c) => c.met).length}, not met: ${checks.filter((c) => c.met === false).length}, not measured: ${checks.filter((c) => c.met === null).length}. Dates: ${[pipe, sc, pg, lh].filter(Boolean).map((x) => x.generated.slice(0, 16)).join(', ')} UTC.`,
  ].join('\n');
  const docs = join(ROOT, 'docs/benchmarks.md');
  const intro = readFileSync(docs, 'utf8');
  writeAtomic(docs, replaceBlock(intro, block));
  const readme = join(ROOT, 'README.md');
  const r = readFileSync(readme, 'utf8');
  if (r.includes('<!-- bench:start -->')) writeAtomic(readme, replaceBlock(r, block));
  log('→ docs/benchmarks.md (and README.md) summary updated');
}

function replaceBlock(text: string, block: string): string {
  return text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${block}\n<!-- bench:end -->`);
}

// ─── main ─────────────────────────────────────────────────────────────────────────────────────

ensureGnuTime();
log(`work dir ${WORK}`);
try {
  if (only.has('pipeline')) pipeline();
  if (only.has('scale')) scale();
  if (only.has('pages')) await pages();
  if (only.has('lighthouse')) await lighthouse();
  if (only.has('mainthread')) await mainthread();
  if (only.has('compare')) delegated('compare', 'scripts/bench-compare.ts');
  if (only.has('ocr')) delegated('ocr', 'scripts/bench-ocr.ts');
  summary();
} finally {
  if (!values.keep) rmSync(WORK, { recursive: true, force: true });
}
