/**
 * Failure behaviour of ingest (issue 6): a run that fails half-way leaves the previous outputs exactly as
 * they were, and leaves no temporary files behind. (The parser helper's test covers a checksum failure
 * before anything exists; here earlier outputs exist and the failure comes after some documents were
 * already read.)
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ingestManifest, readManifest, ROOT } from '../../../src/lib/ingest-cli.ts';
import { sha256 } from '../../../src/lib/ingest.ts';
import { manifest } from '../helpers/corpus.ts';

/** A copy of the repository's content/ with sentinel "previous outputs" in content/regulations/. */
function sandbox(): { root: string; outputs: string; previous: Map<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'quyche-atomic-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  const outputs = join(root, 'content/regulations');
  rmSync(outputs, { recursive: true, force: true });
  mkdirSync(outputs);
  const previous = new Map<string, string>();
  for (const s of manifest.sources) {
    const body = `{"previous": "${s.id}"}\n`;
    writeFileSync(join(outputs, `${s.id}.json`), body);
    previous.set(`${s.id}.json`, body);
  }
  return { root, outputs, previous };
}

/** Every regular file of a folder with its content (folders are skipped). */
const snapshot = (dir: string) => new Map(readdirSync(dir).sort().filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('an ingest that fails half-way leaves previous outputs untouched', () => {
  it('the fourth source is unreadable as a regulation (valid checksum): exit 1, all five previous files unchanged, no temp files', () => {
    const { root, outputs, previous } = sandbox();
    const m = readManifest(root);
    const victim = m.sources[3]!;
    const bad = new TextEncoder().encode('Văn bản này không có điều khoản nào.\nChỉ là một đoạn văn.\n');
    writeFileSync(join(root, 'content/sources', victim.file), bad);
    victim.sha256 = sha256(bad);
    writeFileSync(join(root, 'content/sources/manifest.yaml'), stringify(m));
    let err = '';
    expect(ingestManifest({ root, out: () => {}, err: (s) => { err += s; } })).toBe(1);
    expect(err).toContain(victim.file);
    expect(snapshot(outputs)).toEqual(previous);
    rmSync(root, { recursive: true, force: true });
  });

  it('a later document that cannot be written (target is a directory): no earlier document was replaced either', () => {
    const { root, outputs, previous } = sandbox();
    const last = manifest.sources.at(-1)!.id;
    rmSync(join(outputs, `${last}.json`));
    mkdirSync(join(outputs, `${last}.json`));
    previous.delete(`${last}.json`);
    let err = '';
    expect(ingestManifest({ root, out: () => {}, err: (s) => { err += s; } })).toBe(1);
    expect(err).toMatch(new RegExp(`${last}\\.json: cannot write`));
    const after = snapshot(outputs);
    after.delete(`${last}.json`);
    // the corpus on disk is still the previous one, whole
    expect([...after.keys()].filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(after).toEqual(previous);
    rmSync(root, { recursive: true, force: true });
  });
});
