/**
 * Site-side access to the corpus (Astro glue; the logic lives in src/lib). Loads the collections once
 * per build, adds role annotations when a document was ingested without them, and offers lookups.
 */
import { getCollection } from 'astro:content';
import type { Annotation, Document } from '../lib/schema.ts';
import { enrichRoles, type RoleTaxonomy } from '../lib/enrich/roles.ts';

export interface Corpus {
  /** Documents in display order (jurisdiction, then year). */
  docs: Document[];
  /** Document by id. */
  byId: Map<string, Document>;
  /** The role taxonomy. */
  roles: RoleTaxonomy;
}

let cached: Promise<Corpus> | null = null;

const ROLE_RELATIONS = new Set<Annotation['relation']>(['subject', 'actor', 'mentioned']);

async function load(): Promise<Corpus> {
  const [entries, roleEntries, dutyEntries] = await Promise.all([getCollection('regulations'), getCollection('roles'), getCollection('duties')]);
  const roles: RoleTaxonomy = { roles: roleEntries.map((e) => e.data), duties: dutyEntries.map((e) => e.data) };
  const docs = entries
    .map((e) => e.data as Document)
    .map((doc) =>
      // Ingest runs the role enricher; a document without role annotations gets them here.
      doc.annotations.some((a) => ROLE_RELATIONS.has(a.relation)) ? doc : { ...doc, annotations: [...doc.annotations, ...enrichRoles(doc, { roles })] },
    )
    .sort((a, b) => a.jurisdiction.name.localeCompare(b.jurisdiction.name, 'vi') || a.year - b.year || a.id.localeCompare(b.id));
  return { docs, byId: new Map(docs.map((d) => [d.id, d])), roles };
}

/** The corpus (memoised for the whole build). */
export function loadCorpus(): Promise<Corpus> {
  cached ??= load();
  return cached;
}
