/**
 * Fuzz worker: ingests one input per message and checks the invariants, so that the test process can
 * enforce a per-input time limit (a hung parser is terminated, not waited for).
 * Message in: { id, bytes, file }. Out: { id, outcome, detail, ms }.
 */
import { parentPort } from 'node:worker_threads';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { decodeSource } from '../../../src/lib/normalise/index.ts';
import { ledgerProblems } from '../helpers/corpus.ts';

/** What happened to one input. */
export type Outcome = 'ok' | 'refused' | 'crash' | 'lost';

parentPort!.on('message', ({ id, bytes, file }: { id: number; bytes: Uint8Array; file: string }) => {
  const t0 = performance.now();
  let outcome: Outcome = 'ok';
  let detail = '';
  try {
    const r = ingestBytes(bytes, file, null, {});
    const problems = ledgerProblems(decodeSource(bytes, file).text, r.document, r.accounting);
    if (problems.length) { outcome = 'lost'; detail = problems.slice(0, 5).join('\n'); }
  } catch (e) {
    if (e instanceof InputError && e.message.startsWith(file) && e.reason.trim() !== '') { outcome = 'refused'; detail = e.message; }
    else { outcome = 'crash'; detail = (e as Error).stack ?? String(e); }
  }
  parentPort!.postMessage({ id, outcome, detail, ms: performance.now() - t0 });
});
// modules are loaded: the per-input clock may start
parentPort!.postMessage({ ready: true });
