import autocannon from 'autocannon';
import { percentile, round } from '../eval/metrics.js';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** Stop after this many responses instead of after `seconds` (quick test runs). */
  amount?: number;
  /** Requests each connection cycles through. */
  requests: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }[];
  /** Called every `sampleEverySeconds` while the load runs (memory sampling). */
  onSample?: (elapsedSeconds: number) => void;
  sampleEverySeconds?: number;
}

/**
 * Runs one autocannon step against a loopback URL. Latencies are collected per response, because
 * autocannon's own histogram has no p95.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(spec.url)) throw new Error('benchmarks only load 127.0.0.1');
  const latencies: number[] = [];
  let bad = 0;
  // Without a callback autocannon returns an instance that is both a promise and an emitter.
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.amount ? { amount: spec.amount } : {}),
    timeout: 60,
    requests: spec.requests,
  }) as unknown as autocannon.Instance;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) bad++;
  });
  const t0 = performance.now();
  const timer = spec.onSample ? setInterval(() => spec.onSample!((performance.now() - t0) / 1000), (spec.sampleEverySeconds ?? 10) * 1000) : null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.once('done', resolve);
    instance.once('error', reject);
  }).finally(() => timer && clearInterval(timer));
  const seconds = (performance.now() - t0) / 1000;
  return {
    connections: spec.connections,
    seconds: round(seconds, 1),
    requests: latencies.length,
    errors: bad + result.errors + result.timeouts,
    reqPerSec: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    p99Ms: round(percentile(latencies, 99), 1),
  };
}

export function searchRequests(queries: string[], k = 10): LoadSpec['requests'] {
  return queries.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&k=${k}` }));
}

export function chatRequests(queries: string[]): LoadSpec['requests'] {
  return queries.map((q) => ({
    method: 'POST',
    path: '/api/chat',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: q }),
  }));
}

/**
 * Waits until the server has worked off what the last step left queued: autocannon stops at the
 * deadline but the server still answers requests already sent, and PGlite serves one query at a
 * time, so without this the next step's first requests would wait behind them.
 */
export async function drain(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
    } catch {
      return;
    }
    if (performance.now() - t0 < 100) return;
  }
}
