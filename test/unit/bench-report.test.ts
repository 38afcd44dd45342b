import { describe, expect, it } from 'vitest';
import { check, growthPerDoubling, mainThreadCost, median, medianRun, parseGnuTime, table, type TraceEvent } from '../../src/lib/bench-report.ts';

describe('bench report helpers', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(medianRun([{ wall: 1, cpu: 9, rssMiB: 5 }, { wall: 3, cpu: 1, rssMiB: 6 }, { wall: 2, cpu: 2, rssMiB: 7 }])).toEqual({ wall: 2, cpu: 2, rssMiB: 6 });
  });
  it('reads GNU time output after the command’s own stderr', () => {
    expect(parseGnuTime('warning: x\n12.50 3.25 0.75 204800\n')).toEqual({ wall: 12.5, cpu: 4, rssMiB: 200 });
    expect(() => parseGnuTime('Command exited with non-zero status 1')).toThrow(/GNU time/);
  });
  it('growth per doubling: linear 2, quadratic 4, fixed cost below 2', () => {
    expect(growthPerDoubling(50, 10, 200, 40)).toBeCloseTo(2);
    expect(growthPerDoubling(50, 10, 200, 160)).toBeCloseTo(4);
    expect(growthPerDoubling(200, 100, 1000, 300)).toBeLessThan(2);
  });
  it('targets: met, not met, not measured', () => {
    expect(check('t', 590, 600, ' s').met).toBe(true);
    expect(check('t', 601, 600, ' s').met).toBe(false);
    expect(check('t', 0.94, 0.95, '', { atLeast: true }).met).toBe(false);
    expect(check('t', undefined, 600, ' s')).toMatchObject({ met: null, measured: 'not measured' });
  });
  it('markdown table escapes pipes', () => {
    expect(table(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |');
  });
  it('main-thread cost: the thread that parsed the page, CPU time, blocking only after first paint', () => {
    const url = 'http://127.0.0.1:1/van-ban/x/';
    const task = (tid: number, ts: number, tdur: number, dur = tdur * 3): TraceEvent => ({ name: 'RunTask', ph: 'X', tid, pid: 1, ts, tdur, dur });
    const events: TraceEvent[] = [
      { name: 'ParseHTML', ph: 'X', tid: 7, pid: 1, ts: 10, dur: 5, args: { beginData: { url } } },
      task(7, 0, 30_000), // before first paint: counts in CPU, not in blocking
      { name: 'firstContentfulPaint', ph: 'R', tid: 7, pid: 1, ts: 50_000 },
      task(7, 60_000, 10_000), // 4 × 10 = 40 ms: not blocking
      task(7, 80_000, 20_000), // 4 × 20 = 80 ms: blocks 30 ms
      task(9, 90_000, 500_000), // another thread (a browser UI renderer): ignored
    ];
    expect(mainThreadCost(events, url)).toEqual({ cpuMs: 60, longestMs: 30, blockingMs: 30 });
    // Wall time (dur) three times the CPU time changes nothing: the measure is CPU time.
    expect(mainThreadCost(events, url, 1)).toEqual({ cpuMs: 60, longestMs: 30, blockingMs: 0 });
    expect(mainThreadCost(events, 'http://127.0.0.1:1/other/')).toBeNull();
  });
});
