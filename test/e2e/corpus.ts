/** The corpus the site was built from (same selection rule as src/content.config.ts). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from '../../src/lib/schema.ts';

export function builtCorpus(): Document[] {
  const wanted = process.env.QUYCHE_DATA_DIR ?? 'content/regulations';
  const dir = existsSync(wanted) && readdirSync(wanted).some((f) => f.endsWith('.json')) ? wanted : 'test/fixtures/regulations';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => parseDocument(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
}
