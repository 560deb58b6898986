export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * Time `fn` `n` times after `warmup` untimed runs; each call gets its iteration index. `settle`, when
 * given, runs untimed after every call: it waits for work the call started in the background (a reply).
 */
export async function measure(n: number, fn: (i: number) => Promise<unknown>, warmup = 10, settle?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await fn(-1 - i);
    await settle?.();
  }
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
    await settle?.();
  }
  return summarise(samples);
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));

export interface Row {
  operation: string;
  target: string;
  results: Record<string, Timing | null>;
}

/** A markdown table: one column per database, p50 / p95 in milliseconds. */
export function renderTable(rows: Row[], columns: string[]): string {
  const header = `| operation | target | ${columns.map((c) => `${c} p50 / p95 (ms)`).join(' | ')} |`;
  const rule = `|---|---|${columns.map(() => '---').join('|')}|`;
  const lines = rows.map((row) => {
    const cells = columns.map((c) => {
      const t = row.results[c];
      return t ? `${ms(t.p50)} / ${ms(t.p95)} (n=${t.n})` : '—';
    });
    return `| ${row.operation} | ${row.target} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}
