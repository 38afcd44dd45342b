/**
 * Regenerate src/lib/ocr/data/lexicon.json from the Viet74K word list of @vntk/dictionary (MIT,
 * pinned devDependency: read here at train time only; the restorer reads the committed JSON).
 * Usage: npm run train:lexicon
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deriveLexicon } from '../src/lib/ocr/lexicon.ts';

const require = createRequire(import.meta.url);
const pkgFile = require.resolve('@vntk/dictionary/package.json');
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string; license: string };
const list = readFileSync(new URL('data/Viet74K.txt', 'file://' + pkgFile), 'utf8');
const data = deriveLexicon(list, `@vntk/dictionary@${pkg.version} data/Viet74K.txt (${pkg.license} licence, © 2017 Vietnamese Natural Language Processing (VNTK))`);
const out = new URL('../src/lib/ocr/data/lexicon.json', import.meta.url);
// One entry per line keeps the file diffable.
const body = (o: Record<string, unknown>) => '{\n' + Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n') + '\n }';
writeFileSync(out, `{\n "source": ${JSON.stringify(data.source)},\n "syllables": ${body(data.syllables)},\n "pairs": ${body(data.pairs)}\n}\n`);
console.log(`wrote ${out.pathname}: ${Object.keys(data.syllables).length} syllables, ${Object.values(data.pairs).reduce((n, s) => n + s.split(' ').length, 0)} within-word pairs`);
