/**
 * Time to the first answer token over SSE (`POST /api/chat`, Accept: text/event-stream), against
 * a fake provider with a known delay before its first token: what remains is our overhead
 * (retrieval, prompt building, citation check before release).
 */
export interface TtftSample {
  ms: number;
  fallback: boolean | null;
}

export async function measureTtft(url: string, question: string, timeoutMs = 30_000): Promise<TtftSample> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message: question }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok || !res.body) throw new Error(`SSE chat: HTTP ${res.status}`);
  const decoder = new TextDecoder();
  let buf = '';
  let first: number | null = null;
  let fallback: boolean | null = null;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let idx: number;
    while ((idx = buf.indexOf('\n\n')) >= 0) {
      const event = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      const name = /^event: (.*)$/m.exec(event)?.[1];
      if (name === 'token' && first === null) first = performance.now() - t0;
      if (name === 'done') {
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (data) fallback = Boolean((JSON.parse(data) as { fallback?: boolean }).fallback);
      }
      if (name === 'error') throw new Error(`SSE chat: error event ${event.slice(0, 200)}`);
    }
  }
  if (first === null) throw new Error('SSE chat: no token event');
  return { ms: first, fallback };
}
