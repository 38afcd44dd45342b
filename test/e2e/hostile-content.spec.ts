/**
 * Hostile content (issue 6): a fixture site built from (a) a source full of `<script>`, event handlers,
 * `javascript:` links, HTML comments, Markdown/MDX syntax and Unicode bidi controls, ingested by the real
 * pipeline, and (b) two real documents (a work with two versions, so the version pages exist) whose prose
 * fields carry the same payloads directly, as a compromised data file would. Every page type must show the
 * payloads as inert text: no script runs, no dialog opens, no CSP violation is even attempted, no payload
 * becomes an element or attribute. The fixture is built twice: both builds must be byte-identical.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ingestFile, ROOT } from '../../src/lib/ingest-cli.ts';
import { serveDist } from './static-server.ts';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<a href="javascript:window.__pwned=3">bấm</a>',
  '[liên kết](javascript:window.__pwned=4)',
  '<!-- chú thích pwned -->',
  '{/* mdx */}{window.__pwned=5}',
  '"><svg onload="window.__pwned=6">',
  "'; window.__pwned=7; '",
  '</title></script><script>window.__pwned=8</script>',
  '\u202Eđảo pwned chiều\u202C \u2066cô lập\u2069',
  '**đậm** _nghiêng_ `pwned` import x from "y"',
];
const PROSE = new Set(['text', 'title', 'name', 'label', 'issuer', 'effect', 'capacity', 'place', 'note']);
/** A consolidated text's note under the title (no real document of the corpus has one; shown on the document page). */
const NOTE = 'Quyết định này được sửa đổi, bổ sung bởi:\nQuyết định số 12/QĐ-BCĐ ngày 01/02/2023, có hiệu lực kể từ ngày ký.';

/** Append a payload to every prose string of a document (ids and machine fields untouched). */
function poison(value: unknown, key = '', counter = { i: 0 }): unknown {
  if (typeof value === 'string') return PROSE.has(key) ? `${value} ${PAYLOADS[counter.i++ % PAYLOADS.length]}` : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key, counter));
  if (value && typeof value === 'object') {
    // restoration tokens must spell the text: drop them rather than poison them out of step
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'restoration').map(([k, v]) => [k, poison(v, k, counter)]));
  }
  return value;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const work = mkdtempSync(join(tmpdir(), 'quyche-hostile-'));
const data = join(work, 'data');
const dists = [join(work, 'dist-a'), join(work, 'dist-b')];
let server: Server;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(20 * 60_000);
  mkdirSync(data);
  let json = '';
  let err = '';
  const code = ingestFile(join(ROOT, 'test/fixtures/hostile/sources/hostile-2024.txt'), { format: 'json', out: (s) => { json += s; }, err: (s) => { err += s; } });
  expect(code, err).toBe(0);
  const hostile = JSON.parse(json) as { id: string };
  writeFileSync(join(data, `${hostile.id}.json`), json);
  for (const id of ['kien-giang-2019', 'kien-giang-2022']) {
    const doc = JSON.parse(readFileSync(join(ROOT, 'content/regulations', `${id}.json`), 'utf8'));
    doc.decision.note = NOTE;
    writeFileSync(join(data, `${id}.json`), `${JSON.stringify(poison(doc), null, 2)}\n`);
  }
  for (const out of dists) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      cwd: ROOT, env: { ...process.env, QUYCHE_DATA_DIR: data, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 1 << 28,
    });
    expect(r.status, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0);
  }
  ({ server, base } = await serveDist(dists[0]!));
});

test.afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** One URL per page type of the fixture site (whatever exists in the build). */
function pageUrls(): Array<{ type: string; url: string }> {
  const dist = dists[0]!;
  const dirs = (p: string, page = true) => (existsSync(join(dist, p)) ? readdirSync(join(dist, p), { withFileTypes: true }).filter((e) => e.isDirectory() && (!page || existsSync(join(dist, p, e.name, 'index.html')))).map((e) => e.name).sort() : []);
  const urls = [{ type: 'home', url: '/' }];
  for (const id of dirs('van-ban')) {
    urls.push({ type: `document ${id}`, url: `/van-ban/${id}/` });
    const articles = dirs(`van-ban/${id}`);
    for (const a of [articles.find((x) => /^dieu-/.test(x)), articles.find((x) => /^qd-dieu-/.test(x))].filter(Boolean)) urls.push({ type: `article ${id}/${a}`, url: `/van-ban/${id}/${a}/` });
  }
  for (const r of dirs('vai-tro').slice(0, 3)) urls.push({ type: `role ${r}`, url: `/vai-tro/${r}/` });
  for (const r of dirs('vai-tro').slice(0, 3)) for (const d of dirs(`vai-tro/${r}`).slice(0, 1)) urls.push({ type: `role ${r} in ${d}`, url: `/vai-tro/${r}/${d}/` });
  for (const t of dirs('so-sanh/chu-de').slice(0, 3)) urls.push({ type: `topic ${t}`, url: `/so-sanh/chu-de/${t}/` });
  for (const w of dirs('so-sanh', false).filter((x) => !['chu-de', 'bang', 'tu-chon'].includes(x))) for (const pair of dirs(`so-sanh/${w}`)) urls.push({ type: `version diff ${w}/${pair}`, url: `/so-sanh/${w}/${pair}/` });
  for (const u of ['/so-sanh/', '/so-sanh/bang/', '/so-sanh/tu-chon/', '/du-lieu/', '/vai-tro/', '/tim-kiem/?q=pwned', '/tim-kiem/?q=window']) if (existsSync(join(dist, u.split('?')[0]!, 'index.html'))) urls.push({ type: `page ${u}`, url: u });
  return urls;
}

test('the fixture site has every page type', () => {
  const types = pageUrls().map((u) => u.type.split(' ')[0]);
  for (const t of ['home', 'document', 'article', 'role', 'topic', 'version', 'page']) expect(types, t).toContain(t);
});

test('every page type shows the payloads as inert text', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const problems: string[] = [];
  for (const { type, url } of pageUrls()) {
    await page.goto(base + url, { waitUntil: 'networkidle' });
    if (url.startsWith('/tim-kiem/')) await page.waitForFunction(() => /khớp|Không tìm thấy/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 20_000 }).catch(() => {});
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      csp: (window as unknown as { __csp: string[] }).__csp,
      text: document.body.innerText,
      // payloads must never become markup: elements or attributes carrying them
      scripts: [...document.querySelectorAll('script')].filter((s) => /pwned/.test(s.textContent ?? '') && s.type !== 'application/json').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
      jsLinks: [...document.querySelectorAll('[href],[src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
      injected: document.querySelectorAll('svg[onload], img[src="x"], iframe').length,
    }));
    if (state.pwned !== null) problems.push(`${type}: a payload ran (window.__pwned=${state.pwned})`);
    if (state.csp.length) problems.push(`${type}: CSP violations ${state.csp.join(' | ')}`);
    if (state.scripts) problems.push(`${type}: ${state.scripts} script element(s) carry a payload`);
    if (state.handlers.length) problems.push(`${type}: event-handler attributes ${state.handlers.slice(0, 5).join(', ')}`);
    if (state.jsLinks) problems.push(`${type}: ${state.jsLinks} javascript: URL(s)`);
    if (state.injected) problems.push(`${type}: ${state.injected} injected element(s)`);
    // the text is shown, not swallowed (pages that list only names/links show at least the titles)
    // (the role index lists only the curated role names, no document text)
    if (!/pwned|window/.test(state.text) && !['/tim-kiem/?q=window', '/vai-tro/'].includes(url)) problems.push(`${type}: no payload text visible`);
  }
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});

test('bidi controls and markup from the hostile source stay visible as text on its document page', async ({ page }) => {
  await page.goto(`${base}/van-ban/thu-nghiem-2024/`);
  // textContent: text in collapsed sections counts too (it is text in the DOM, not markup)
  const text = (await page.locator('main').textContent()) ?? '';
  for (const words of ['đảo chiều', 'cô lập', '<b>thực thể</b>', '<script>', 'window.pwned=8']) expect(text, words).toContain(words);
});

test("a consolidated text's note is shown under the decision title, paragraph by paragraph", async ({ page }) => {
  await page.goto(`${base}/van-ban/kien-giang-2019/`);
  const note = page.locator('.decision-note');
  await expect(note.locator('p')).toHaveCount(2);
  await expect(note).toContainText('được sửa đổi, bổ sung bởi:');
  await expect(note).toContainText('Quyết định số 12/QĐ-BCĐ ngày 01/02/2023');
});

test('the policy is enforced: an inline script injected into a built page does not run', async ({ page }) => {
  await page.route(`${base}/van-ban/kien-giang-2019/`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('</body>', '<script>window.__pwned=99</script></body>');
    await route.fulfill({ response: res, body: html });
  });
  await page.goto(`${base}/van-ban/kien-giang-2019/`);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/script-src 'self'/);
});

test('two builds from the same inputs are byte-identical', () => {
  const [a, b] = dists.map((d) => new Map(walk(d).map((f) => [relative(d, f), readFileSync(f)])));
  expect([...a!.keys()].sort()).toEqual([...b!.keys()].sort());
  const differ = [...a!.keys()].filter((k) => !a!.get(k)!.equals(b!.get(k)!));
  expect(differ).toEqual([]);
});
