/** Test helper: a niced child process that ingests inputs one at a time, killed and restarted on timeout. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Outcome } from './fuzz-worker.ts';

/** Result of one input (`timeout` when the child did not answer in time). */
export interface SandboxResult { outcome: Outcome | 'timeout'; detail: string; ms: number; summary: Record<string, unknown> }

const WORKER = fileURLToPath(new URL('./fuzz-worker.ts', import.meta.url));

export class Sandbox {
  private child!: ChildProcess;
  private ready!: Promise<void>;
  private next = 0;
  private waiting = new Map<number, (r: SandboxResult) => void>();
  private readonly timeLimitMs: number;
  constructor(timeLimitMs: number) {
    this.timeLimitMs = timeLimitMs;
    this.start();
  }

  private start(): void {
    // nice: the fuzzer yields the CPU to the rest of the suite running in parallel
    this.child = spawn('nice', ['-n', '5', process.execPath, '--no-warnings', WORKER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.ready = new Promise((ok) => {
      this.child.on('message', (r: SandboxResult & { ready?: true; id: number }) => {
        if (r.ready) { ok(); return; }
        this.waiting.get(r.id)?.(r);
        this.waiting.delete(r.id);
      });
    });
  }

  /** Ingest one input; the clock starts once the child has loaded the pipeline. */
  async run(bytes: Uint8Array, file: string, opts: { ledger?: boolean; timeLimitMs?: number } = {}): Promise<SandboxResult> {
    await this.ready;
    const id = this.next++;
    const limit = opts.timeLimitMs ?? this.timeLimitMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.child.kill('SIGKILL');
        this.start();
        resolve({ outcome: 'timeout', detail: `no answer within ${limit} ms`, ms: limit, summary: {} });
      }, limit);
      this.waiting.set(id, (r) => { clearTimeout(timer); resolve(r); });
      this.child.send({ id, bytes, file, ledger: opts.ledger ?? true });
    });
  }

  close(): void { this.child.kill(); }
}
