import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseDocument, type Document } from '../../src/lib/schema.ts';
import { RoleTaxonomySchema, type RoleTaxonomy } from '../../src/lib/enrich/roles.ts';

/** Fixture documents (cut from the real Kiên Giang 2019 text). */
export function fixtureDocs(): Document[] {
  const dir = new URL('../fixtures/regulations/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseDocument(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), f));
}

/** The ingested corpus when present (content/regulations), else null. */
export function corpusDocs(): Document[] {
  const dir = new URL('../../content/regulations/', import.meta.url);
  // The corpus is committed: its absence is a failure, not a reason to skip.
  if (!existsSync(dir)) throw new Error('content/regulations/ is missing (run npm run ingest)');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
  if (files.length === 0) throw new Error('content/regulations/ has no document (run npm run ingest)');
  return files.sort().map((f) => parseDocument(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), f));
}

/** The curated role taxonomy. */
export function roleTaxonomy(): RoleTaxonomy {
  return RoleTaxonomySchema.parse(parseYaml(readFileSync(new URL('../../content/roles.yaml', import.meta.url), 'utf8')));
}
