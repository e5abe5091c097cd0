import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server standing in for Zalo's Mini App open API (POST /notification/template), so the
 * notification a member gets is seen exactly as Zalo would receive it: headers and body.
 * 'fail' answers like Zalo refusing (a non-zero error code), 'down' with HTTP 500, 'hang' never answers.
 */
export type FakeZaloMode = 'ok' | 'fail' | 'down' | 'hang';

export interface FakeZaloRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
}

export interface FakeZalo {
  url: string;
  mode: FakeZaloMode;
  requests: FakeZaloRequest[];
  close(): Promise<void>;
}

export async function startFakeZalo(mode: FakeZaloMode = 'ok'): Promise<FakeZalo> {
  const state = { mode, requests: [] as FakeZaloRequest[] };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      // Kept raw.
    }
    state.requests.push({ path: req.url ?? '', headers: req.headers, raw, body });
    if (state.mode === 'hang') return;
    if (state.mode === 'down') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        state.mode === 'fail'
          ? { error: -201, message: 'User has not allowed to receive notification' }
          : { error: 0, message: 'Success', data: { msgId: 'fake' } },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: FakeZaloMode) {
      state.mode = m;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
