/**
 * Astro content collections, built from the SAME schemas as the pipeline (src/lib/schema.ts,
 * src/lib/enrich/roles.ts): a document that ingest wrote is validated again here, so a bad file fails
 * the build naming the file and field.
 */
import { existsSync, readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { parse as parseYaml } from 'yaml';
import { DocumentSchema } from './lib/schema.ts';
import { DutySchema, RoleSchema } from './lib/enrich/roles.ts';

/** Where the ingested documents live; QUYCHE_DATA_DIR overrides (tests, benchmarks). */
function dataDir(): string {
  const wanted = process.env.QUYCHE_DATA_DIR ?? 'content/regulations';
  if (existsSync(wanted) && readdirSync(wanted).some((f) => f.endsWith('.json'))) return wanted;
  if (process.env.QUYCHE_DATA_DIR) throw new Error(`QUYCHE_DATA_DIR=${wanted}: no *.json documents there`);
  // Before the first `npm run ingest`, build the frame from the fixture so the site still renders.
  console.warn(`[quyche] ${wanted} is empty: building from test/fixtures/regulations (run \`npm run ingest\`).`);
  return 'test/fixtures/regulations';
}

/**
 * Starlight's docs schema, built once. `<StarlightPage>` (every page of this site) builds the whole docs
 * frontmatter schema anew for each page it renders, and zod initialises a new schema on its first parse: at
 * 200 synthetic documents that was ~13 % of the build's CPU (profile in docs/benchmarks.md). The schema does
 * not depend on the page; only its `image()` helper differs between the content layer and `<StarlightPage>`,
 * and no page here has an image in its frontmatter (the docs collection is empty).
 */
const starlightDocsSchema = docsSchema();
let builtDocsSchema: ReturnType<typeof starlightDocsSchema> | undefined;
const docsSchemaOnce: typeof starlightDocsSchema = (context) => (builtDocsSchema ??= starlightDocsSchema(context));

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchemaOnce }),
  // UI strings Starlight's Vietnamese translation leaves in English (the header search's Pagefind UI).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  regulations: defineCollection({
    loader: glob({ pattern: ['*.json', '!index.json'], base: dataDir() }),
    schema: DocumentSchema,
  }),
  roles: defineCollection({
    loader: file('content/roles.yaml', { parser: (text) => parseYaml(text).roles }),
    schema: RoleSchema,
  }),
  duties: defineCollection({
    loader: file('content/roles.yaml', { parser: (text) => parseYaml(text).duties }),
    schema: DutySchema,
  }),
};
