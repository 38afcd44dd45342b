/**
 * Pure helpers of the benchmark reports (scripts/bench.ts): statistics over runs, growth per doubling,
 * target checks and Markdown tables. No I/O here.
 */

/** One measured run of a command. */
export interface Run {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds (user + system, the process and all its children). */
  cpu: number;
  /** Peak resident set size in MiB (largest single process of the tree, as getrusage reports it). */
  rssMiB: number;
}

/** Median of numbers (mean of the two middle values for an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

/** Median of each field over runs (each field separately). */
export function medianRun(runs: Run[]): Run {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMiB: median(runs.map((r) => r.rssMiB)) };
}

/**
 * Parse the output of GNU time with `-f '%e %U %S %M'` (wall s, user s, sys s, max RSS KiB); the last
 * line that matches wins (the command's own stderr may precede it).
 */
export function parseGnuTime(text: string): Run {
  const m = [...text.matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/gm)].pop();
  if (!m) throw new Error(`cannot read GNU time output: ${text.slice(-200)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMiB: Number(m[4]) / 1024 };
}

/**
 * Growth per doubling between two sizes: (y2/y1)^(1/log2(n2/n1)). Linear growth gives 2.0, quadratic
 * 4.0; a fixed cost shows as less than 2.
 */
export function growthPerDoubling(n1: number, y1: number, n2: number, y2: number): number {
  return (y2 / y1) ** (1 / Math.log2(n2 / n1));
}

/** A target and whether a measured value meets it. */
export interface TargetCheck {
  /** What is measured, e.g. `1,000 docs build time`. */
  name: string;
  /** The limit as text, e.g. `≤ 600 s`. */
  target: string;
  /** The measured value as text. */
  measured: string;
  /** Met, not met, or not measured (null). */
  met: boolean | null;
}

/** Check `value ≤ limit` (or `≥` when `atLeast`). A missing value is "not measured". */
export function check(name: string, value: number | null | undefined, limit: number, unit: string, opts: { atLeast?: boolean; digits?: number } = {}): TargetCheck {
  const d = opts.digits ?? 1;
  const target = `${opts.atLeast ? '≥' : '≤'} ${limit}${unit}`;
  if (value === null || value === undefined || Number.isNaN(value)) return { name, target, measured: 'not measured', met: null };
  return { name, target, measured: `${value.toFixed(d)}${unit}`, met: opts.atLeast ? value >= limit : value <= limit };
}

/** Markdown table from a header and rows (cells as given). */
export function table(head: string[], rows: Array<Array<string | number>>): string {
  const esc = (c: string | number) => String(c).replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** The verdict cell of a target check. */
export function verdict(c: TargetCheck): string {
  return c.met === null ? '— not measured' : c.met ? '✅ met' : '❌ NOT met';
}

/** A Chrome trace event, as far as `mainThreadCost` reads it (times in microseconds; `tdur` = thread CPU time). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid?: number;
  args?: { beginData?: { url?: string } };
}

export interface MainThreadCost {
  /** CPU time of every top-level task of the page's main thread, ms. */
  cpuMs: number;
  /** The largest top-level task's CPU time, ms. */
  longestMs: number;
  /** Σ over tasks from first contentful paint on of max(0, slowdown × CPU − 50 ms): total blocking time as a phone
   *  `slowdown` times slower than this machine would see it (Lighthouse's mobile profile simulates 4×). */
  blockingMs: number;
}

/**
 * The main-thread cost of one page load from its trace, in thread CPU time rather than wall time, so that other
 * jobs on the machine (which stretch wall time and make Lighthouse's total blocking time swing) change it little.
 * The page's main thread is the one that parsed `url`'s HTML; null when no such thread is in the trace.
 */
export function mainThreadCost(events: readonly TraceEvent[], url: string, slowdown = 4): MainThreadCost | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(url));
  if (!parse) return null;
  const same = (e: TraceEvent) => e.tid === parse.tid && (parse.pid === undefined || e.pid === parse.pid);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && same(e))?.ts ?? Infinity;
  let cpu = 0;
  let longest = 0;
  let blocking = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !same(e)) continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    cpu += ms;
    longest = Math.max(longest, ms);
    if (e.ts >= fcp) blocking += Math.max(0, slowdown * ms - 50);
  }
  return { cpuMs: cpu, longestMs: longest, blockingMs: blocking };
}
