/**
 * CLI: compare two ingested documents.
 *   npm run --silent compare -- <docA-id> <docB-id> [--format json|md] [--dir content/regulations] [--folded|--no-folded]
 * (default: folded comparison when either text is OCR output). Prints the alignment (pairs with from, to, type, score) as JSON, or a Markdown report with redlines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseAlignOverrides } from '../src/lib/align-overrides.ts';
import { compareDocuments, reportJson, reportMarkdown } from '../src/lib/compare-report.ts';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', default: 'json' },
      dir: { type: 'string', default: 'content/regulations' },
      overrides: { type: 'string', default: 'content/align-overrides.yaml' },
      folded: { type: 'boolean' },
    },
  });
  if (positionals.length !== 2 || !['json', 'md'].includes(values.format!)) {
    process.stderr.write('usage: compare <docA-id> <docB-id> [--format json|md] [--dir DIR] [--folded]\n');
    return 2;
  }
  const load = (id: string) => {
    const file = join(values.dir!, `${id}.json`);
    if (!existsSync(file)) throw new Error(`${file}: no such document (run npm run ingest?)`);
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  const overrides = existsSync(values.overrides!)
    ? parseAlignOverrides(parseYaml(readFileSync(values.overrides!, 'utf8')), values.overrides!)
    : [];
  const report = compareDocuments(load(positionals[0]!), load(positionals[1]!), overrides, values.folded === undefined ? undefined : values.folded ? 'folded' : 'exact');
  process.stdout.write(values.format === 'md' ? reportMarkdown(report) + '\n' : JSON.stringify(reportJson(report), null, 2) + '\n');
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`compare: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
