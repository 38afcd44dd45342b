/**
 * Ingest sandbox (child process): ingests one input per message and checks the invariants, so that
 * the test can enforce a per-input time limit (a hung parser is killed, not waited for) and run this
 * CPU-heavy work at low priority (nice) beside the rest of the suite.
 * Message in: { id, bytes, file, ledger }. Out: { id, outcome, detail, ms, summary }.
 */
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { decodeSource } from '../../../src/lib/normalise/index.ts';
import { ledgerProblems } from '../helpers/corpus.ts';

/** What happened to one input. */
export type Outcome = 'ok' | 'refused' | 'crash' | 'lost';

process.on('message', ({ id, bytes, file, ledger }: { id: number; bytes: Uint8Array; file: string; ledger: boolean }) => {
  const t0 = performance.now();
  let outcome: Outcome = 'ok';
  let detail = '';
  let summary: Record<string, unknown> = {};
  try {
    const r = ingestBytes(bytes, file, null, {});
    const d = r.document;
    summary = { chapters: d.regulation?.chapters.length ?? 0, lineCount: d.provenance.lineCount, codes: [...new Set(d.provenance.diagnostics.map((x) => x.code))] };
    const problems = ledger ? ledgerProblems(decodeSource(bytes, file).text, d, r.accounting) : [];
    if (problems.length) { outcome = 'lost'; detail = problems.slice(0, 5).join('\n'); }
  } catch (e) {
    if (e instanceof InputError && e.message.startsWith(file) && e.reason.trim() !== '') { outcome = 'refused'; detail = e.message; }
    else { outcome = 'crash'; detail = (e as Error).stack ?? String(e); }
  }
  process.send!({ id, outcome, detail, ms: performance.now() - t0, summary });
});
// modules are loaded: the per-input clock may start
process.send!({ ready: true });
