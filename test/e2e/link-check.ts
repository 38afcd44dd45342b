import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"');

/**
 * Link check over a built site: every internal href (pages, downloads, anchors) of every HTML page must
 * resolve to a file in `dist` and every fragment to an id in the target page. Returns how many links
 * were checked and the broken ones.
 */
export function checkLinks(dist: string): { checked: number; broken: string[] } {
  const html = walk(dist).filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const text = readFileSync(file, 'utf8');
      set = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    const pagePath = '/' + posix.relative(dist.split('\\').join('/'), file.split('\\').join('/')).replace(/index\.html$/, '');
    for (const m of text.matchAll(/\shref="([^"]*)"/g)) {
      const href = decode(m[1]!);
      if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(href) || href.startsWith('//')) continue;
      checked++;
      const [rawPath, frag] = href.split('#') as [string, string | undefined];
      const target = rawPath === '' ? pagePath : rawPath.startsWith('/') ? rawPath : posix.join(pagePath, rawPath);
      const clean = decodeURIComponent(target.split('?')[0]!);
      const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html')];
      const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
      if (!found) {
        broken.push(`${file}: ${href} (no file)`);
        continue;
      }
      if (frag && found.endsWith('.html') && !idsOf(found).has(decodeURIComponent(frag))) broken.push(`${file}: ${href} (no anchor)`);
    }
  }
  return { checked, broken };
}
