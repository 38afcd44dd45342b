import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inlineScripts, policyFor, scriptHash, withPolicy } from '../../src/lib/csp.ts';

const page = `<!doctype html><html><head><meta charset="utf-8"><title>x</title><script>var a=1;</script>
<script type="module">import "/x.js";</script><script src="/copy.js" defer></script>
<script type="application/json" id="d">{"a":1}</script></head><body><script aria-hidden="true">b()</script></body></html>`;

describe('Content-Security-Policy for built pages', () => {
  it('finds inline executable scripts only (not src, not JSON data blocks)', () => {
    expect(inlineScripts(page)).toEqual(['var a=1;', 'import "/x.js";', 'b()']);
  });
  it('hashes exactly the script text, as browsers do', () => {
    expect(scriptHash('var a=1;')).toBe(`'sha256-${createHash('sha256').update('var a=1;').digest('base64')}'`);
  });
  it('the policy allows self, Pagefind wasm and the page’s own inline scripts, nothing inline otherwise', () => {
    const p = policyFor(page);
    expect(p).toMatch(/default-src 'self'/);
    expect(p).toMatch(/object-src 'none'/);
    expect(p).toContain(scriptHash('var a=1;'));
    expect(p).toContain(scriptHash('b()'));
    const scriptSrc = p.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  });
  it('the meta comes right after <meta charset>, before any script, and replacing it is idempotent', () => {
    const once = withPolicy(page);
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(once.indexOf('<script'));
    expect(once.indexOf('<meta charset="utf-8">')).toBeLessThan(once.indexOf('http-equiv'));
    expect(withPolicy(once)).toBe(once);
  });
});
