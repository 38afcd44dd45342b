/**
 * File-system side of ingest, shared by scripts/ingest.ts and tests: read the manifest, verify
 * checksums, ingest every source, enrich the corpus, validate everything, then write atomically
 * (temp file + rename, only after all documents validated). Returns process exit codes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ManifestSchema, parseDocument, type Document, type Manifest, type ManifestEntry } from './schema.ts';
import { ingestBytes, sha256, type Corrector, type Detector, type IngestOptions, type Restorer } from './ingest.ts';
import { enrichCorpus } from './enrich/index.ts';
import { parseTopics } from './enrich/topics.ts';
import { parseRoles, type RoleTaxonomy } from './enrich/roles.ts';
import { documentToMarkdown } from './export-md.ts';
import { InputError } from './errors.ts';

/** Repository root (two levels above src/lib). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Pipeline stages owned by other modules, wired in by the CLI when they exist. */
export interface Hooks { restorer?: Restorer; corrector?: Corrector; detector?: Detector }

/** Serialise a document exactly as committed: 2-space JSON, trailing newline. */
export function serialise(doc: Document): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Taxonomies for the enrichers (content/topics.yaml …), each only when its file exists. */
export function loadTaxonomies(root = ROOT): { topics?: ReturnType<typeof parseTopics>; roles?: RoleTaxonomy } {
  const topics = join(root, 'content/topics.yaml');
  const roles = join(root, 'content/roles.yaml');
  return {
    ...(existsSync(topics) ? { topics: parseTopics(parseYaml(readFileSync(topics, 'utf8')), 'content/topics.yaml') } : {}),
    ...(existsSync(roles) ? { roles: parseRoles(parseYaml(readFileSync(roles, 'utf8')), 'content/roles.yaml') } : {}),
  };
}

/** Read and validate the manifest. */
export function readManifest(root = ROOT): Manifest {
  const file = join(root, 'content/sources/manifest.yaml');
  const data = parseYaml(readFileSync(file, 'utf8'));
  const r = ManifestSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError('content/sources/manifest.yaml', null, `${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

/** Write a file atomically (temp file in the same folder, then rename). */
export function writeAtomic(file: string, content: string): void {
  writeAllAtomic([[file, content]]);
}

/**
 * Write several files as one step: every temp file is written first and every target checked, and only
 * then are the temps renamed over the targets; on any failure before the renames the temps are removed
 * and no target has changed (a failed ingest leaves the previous corpus whole). Throws InputError naming
 * the file that could not be written.
 */
export function writeAllAtomic(files: Array<[file: string, content: string]>): void {
  const temps: string[] = [];
  try {
    for (const [file, content] of files) {
      mkdirSync(dirname(file), { recursive: true });
      if (existsSync(file) && !statSync(file).isFile()) throw new InputError(file, null, 'cannot write: the path exists and is not a file');
      const tmp = `${file}.tmp-${process.pid}`;
      temps.push(tmp);
      writeFileSync(tmp, content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    if (e instanceof InputError) throw e;
    const file = files[temps.length - 1]?.[0] ?? '?';
    throw new InputError(file, null, `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  files.forEach(([file], i) => renameSync(temps[i]!, file));
}

/** The parsed corrections file of a document, or null when there is none. */
export function loadCorrections(root: string, id: string): unknown | null {
  const file = join(root, 'content/corrections', `${id}.yaml`);
  return existsSync(file) ? parseYaml(readFileSync(file, 'utf8')) : null;
}

function counts(doc: Document) {
  const reg = doc.regulation;
  const articles = reg ? [...reg.articles, ...reg.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])] : [];
  const clauses = articles.flatMap((a) => a.clauses);
  return {
    dec: doc.decision.articles.length,
    chapters: reg?.chapters.length ?? 0,
    articles: articles.length,
    clauses: clauses.length,
    points: clauses.reduce((n, c) => n + c.points.length, 0),
    discarded: doc.provenance.discarded.length,
    diagnostics: doc.provenance.diagnostics.length,
  };
}

/** Run a CLI body: an InputError becomes its message on stderr and exit code 1; any other error is a bug and propagates. */
function exitCode(err: (s: string) => void, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof InputError) {
      err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Ingest every manifest source into content/regulations/. Returns the exit code. */
export function ingestManifest(opts: { corrections?: boolean; root?: string; hooks?: Hooks; out?: (s: string) => void; err?: (s: string) => void } = {}): number {
  const root = opts.root ?? ROOT;
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const err = opts.err ?? ((s: string) => process.stderr.write(s));
  const started = performance.now();
  return exitCode(err, () => {
    const manifest = readManifest(root);
    const sources = manifest.sources.map((entry: ManifestEntry) => {
      const rel = `content/sources/${entry.file}`;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(join(root, rel));
      } catch {
        throw new InputError(rel, null, 'cannot read the file listed in the manifest');
      }
      const actual = sha256(bytes);
      if (actual !== entry.sha256) throw new InputError(rel, null, `checksum mismatch: manifest says ${entry.sha256}, file has ${actual}`);
      return { entry, rel, bytes };
    });
    const references = sources.filter((s) => !s.entry.ocr).map((s) => new TextDecoder().decode(s.bytes).normalize('NFC'));
    const docs: Document[] = [];
    sources.forEach(({ entry, rel, bytes }, i) => {
      const t0 = performance.now();
      const options: IngestOptions = {
        references,
        ...opts.hooks,
        corrections: opts.corrections === false ? null : loadCorrections(root, entry.id),
      };
      const { document } = ingestBytes(bytes, rel, entry, options);
      docs.push(document);
      const c = counts(document);
      out(`[${i + 1}/${sources.length}] ${entry.id.padEnd(18)} ${c.dec} decision + ${c.articles} regulation articles, ${c.chapters} chapters  (${Math.round(performance.now() - t0)} ms)\n`);
    });
    const enriched = enrichCorpus(docs, loadTaxonomies(root)).map((d) => parseDocument(d, `content/regulations/${d.id}.json`));
    writeAllAtomic(enriched.map((d) => [join(root, 'content/regulations', `${d.id}.json`), serialise(d)]));
    const head = ['document', 'dec.art', 'chapters', 'articles', 'clauses', 'points', 'discarded', 'diagnostics'];
    const rows = enriched.map((d) => { const c = counts(d); return [d.id, c.dec, c.chapters, c.articles, c.clauses, c.points, c.discarded, c.diagnostics].map(String); });
    const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
    const fmt = (r: string[]) => r.map((v, k) => (k === 0 ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  ');
    out(`\n${fmt(head)}\n${rows.map(fmt).join('\n')}\n\nwrote ${enriched.length} documents to content/regulations/ in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  });
}

/** Clean texts of the manifest's non-OCR sources other than `bytes` itself (restoration references). */
function referencesFor(root: string, bytes: Uint8Array): string[] {
  try {
    const hash = sha256(bytes);
    return readManifest(root).sources
      .filter((s) => !s.ocr && s.sha256 !== hash)
      .map((s) => readFileSync(join(root, 'content/sources', s.file), 'utf8').normalize('NFC'));
  } catch {
    return [];
  }
}

/** Ingest one file to stdout (JSON or Markdown). Returns the exit code. */
export function ingestFile(path: string, opts: { format: 'json' | 'md'; ocr?: boolean; corrections?: boolean; root?: string; hooks?: Hooks; out?: (s: string) => void; err?: (s: string) => void }): number {
  const root = opts.root ?? ROOT;
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const err = opts.err ?? ((s: string) => process.stderr.write(s));
  return exitCode(err, () => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new InputError(path, null, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    // a manifest source keeps its metadata; any other file is described from its own text
    let entry: ManifestEntry | null = null;
    try {
      const hash = sha256(bytes);
      entry = readManifest(root).sources.find((s) => s.sha256 === hash && basename(path) === s.file) ?? null;
    } catch {
      entry = null;
    }
    const { document } = ingestBytes(bytes, path, entry, {
      ...(opts.ocr === undefined ? {} : { ocr: opts.ocr }),
      references: referencesFor(root, bytes),
      ...opts.hooks,
      corrections: entry && opts.corrections !== false ? loadCorrections(root, entry.id) : null,
    });
    const [doc] = enrichCorpus([document], loadTaxonomies(root));
    const valid = parseDocument(doc, path);
    out(opts.format === 'md' ? documentToMarkdown(valid) : serialise(valid));
    const warnings = valid.provenance.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length) err(`${path}: ${warnings.length} warning(s), see provenance.diagnostics\n`);
    return 0;
  });
}
