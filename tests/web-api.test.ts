import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_MESSAGE, answerAsText, createApi, formatCitation, readSse, uniqueCitations, type Citation } from '../web/shared/api.js';

/** The client shared by the web chat, the console, the widget and the Zalo Mini App. */

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const s of chunks) c.enqueue(enc.encode(s));
      c.close();
    },
  });
}

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const sse = (body: string[]) => new Response(streamOf(body), { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const hnqd: Citation = {
  document: {
    id: '52-2014-qh13',
    number: '52/2014/QH13',
    title: 'Luật Hôn nhân và gia đình',
    name: 'Luật Hôn nhân và gia đình 2014 (52/2014/QH13)',
    binding: true,
    status: 'in_force',
  },
  article: '51',
  clause: '1',
  point: 'a',
  quote: 'Vợ, chồng hoặc cả hai người có quyền yêu cầu Tòa án giải quyết ly hôn.',
  source: 1,
};

describe('readSse', () => {
  it('parses events split anywhere, CRLF split across chunks, multi-line data and comments', async () => {
    const events: [string, string][] = [];
    await readSse(
      streamOf([
        ': keep-alive\r\n\r',
        '\nevent: meta\r\ndata: {"a":',
        '1}\r',
        '\n\r\nevent: token\ndata: dòng 1\ndata: dòng 2\n\n',
        'data: plain\n\nevent: done\ndata: {}',
      ]),
      (e, d) => events.push([e, d]),
    );
    expect(events).toEqual([
      ['meta', '{"a":1}'],
      ['token', 'dòng 1\ndòng 2'],
      ['message', 'plain'],
      ['done', '{}'],
    ]);
  });

  it('decodes UTF-8 characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"Điều"}\n\n');
    const cut = bytes.indexOf(0xc4) + 1; // between the two bytes of "Đ"
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    const got: string[] = [];
    await readSse(body, (_e, d) => got.push(JSON.parse(d).text));
    expect(got).toEqual(['Điều']);
  });
});

describe('chatStream', () => {
  it('appends tokens, then resolves with the done payload and the citations', async () => {
    const { fetch, calls } = fakeFetch(() =>
      sse([
        'event: meta\ndata: {"conversationId":"abcdefgh12","kind":"emergency","emergency":{"numbers":[{"label":"Công an","number":"113"}]}}\n\n',
        'event: token\ndata: {"text":"Gọi 113. "}\n\n',
        'event: token\ndata: {"text":"Theo khoản 1 Điều 51"}\n\n',
        `event: citations\ndata: ${JSON.stringify({ citations: [hnqd] })}\n\n`,
        'event: done\ndata: {"conversationId":"abcdefgh12","messageId":7,"answer":"Gọi 113. Theo khoản 1 Điều 51","kind":"emergency","fallback":false}\n\n',
      ]),
    );
    const api = createApi({ baseUrl: 'https://hieuluat.example.vn/', fetch });
    let text = '';
    let kind = '';
    const r = await api.chatStream({ message: 'cứu', noHistory: true }, { onToken: (t) => (text += t), onMeta: (m) => (kind = m.kind) });
    expect(calls[0]!.url).toBe('https://hieuluat.example.vn/api/chat');
    expect((calls[0]!.init.headers as Record<string, string>).accept).toBe('text/event-stream');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ message: 'cứu', noHistory: true });
    expect(kind).toBe('emergency');
    expect(text).toBe('Gọi 113. Theo khoản 1 Điều 51');
    expect(r).toMatchObject({ messageId: 7, kind: 'emergency', citations: [hnqd], emergency: { numbers: [{ number: '113' }] } });
  });

  it('turns an error event into an ApiError carrying the server message', async () => {
    const { fetch } = fakeFetch(() => sse(['event: error\ndata: {"error":"internal","message":"Hệ thống đang gặp sự cố."}\n\n']));
    await expect(createApi({ fetch }).chatStream({ message: 'x' })).rejects.toMatchObject({ code: 'internal', message: 'Hệ thống đang gặp sự cố.' });
  });

  it('reports a stream cut before done', async () => {
    const { fetch } = fakeFetch(() => sse(['event: token\ndata: {"text":"Theo"}\n\n']));
    await expect(createApi({ fetch }).chatStream({ message: 'x' })).rejects.toMatchObject({ code: 'stream_incomplete' });
  });

  it('parses the whole event stream at once on WebViews without response streams', async () => {
    const text =
      'event: meta\ndata: {"conversationId":"abcdefgh12","kind":"answer"}\n\nevent: token\ndata: {"text":"Theo Điều 51"}\n\nevent: done\ndata: {"conversationId":"abcdefgh12","messageId":2,"answer":"Theo Điều 51","kind":"answer","fallback":false}\n\n';
    const noStream = {
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'text/event-stream' }),
      body: null,
      text: async () => text,
    } as unknown as Response;
    const { fetch } = fakeFetch(() => noStream);
    const tokens: string[] = [];
    const r = await createApi({ fetch }).chatStream({ message: 'x' }, { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Theo Điều 51']);
    expect(r).toMatchObject({ messageId: 2, answer: 'Theo Điều 51', citations: [] });
  });

  it('still works when a proxy answers with plain JSON', async () => {
    const { fetch } = fakeFetch(() =>
      json(200, { conversationId: 'abcdefgh12', messageId: 3, answer: 'Trả lời', citations: [], kind: 'answer', fallback: true }),
    );
    const tokens: string[] = [];
    const r = await createApi({ fetch }).chatStream({ message: 'x' }, { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Trả lời']);
    expect(r.fallback).toBe(true);
  });

  it('shows the 429 message of the server', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: 'rate_limited', message: 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một chút rồi thử lại.' }));
    const err = await createApi({ fetch })
      .chatStream({ message: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).isRateLimited).toBe(true);
    expect((err as ApiError).message).toBe('Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một chút rồi thử lại.');
  });
});

describe('JSON requests', () => {
  it('maps a network failure to a Vietnamese message', async () => {
    const api = createApi({
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    await expect(api.health()).rejects.toMatchObject({ status: 0, message: NETWORK_MESSAGE });
  });

  it('sends the CSRF token of the session on changes only, and encodes paths and queries', async () => {
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.endsWith('/api/auth/login') ? json(200, { token: 't', csrfToken: 'csrf-123', user: { id: 'u', email: 'a@b.vn', role: 'admin' } }) : json(200, {}),
    );
    const api = createApi({ fetch });
    await api.auth.login('a@b.vn', 'mat-khau-dai-du');
    await api.search('ly hôn & con', 5);
    await api.admin.updateDocument('52/2014', { status: 'expired' });
    await api.article('52-2014-qh13', '51', '1');
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[1]!['x-csrf-token']).toBeUndefined();
    expect(calls[1]!.url).toBe('/api/search?q=ly%20h%C3%B4n%20%26%20con&k=5');
    expect(calls[2]!.init.method).toBe('PATCH');
    expect(calls[2]!.url).toBe('/api/admin/documents/52%2F2014');
    expect(headers[2]!['x-csrf-token']).toBe('csrf-123');
    expect(calls[3]!.url).toBe('/api/articles/52-2014-qh13/51?clause=1');
  });
});

describe('citations', () => {
  it('formats điểm, khoản, Điều and the law with its số hiệu', () => {
    expect(formatCitation(hnqd)).toBe('điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)');
    expect(
      formatCitation({ ...hnqd, point: null, clause: null, document: { ...hnqd.document, name: 'Luật Bình đẳng giới 2006', number: '73/2006/QH11' } }),
    ).toBe('Điều 51 Luật Bình đẳng giới 2006 (73/2006/QH11)');
  });

  it('lists each source once when copying an answer', () => {
    const text = answerAsText('Chị có quyền yêu cầu ly hôn.', [hnqd, { ...hnqd, source: 2 }], 'Nguồn: Hiểu Luật');
    expect(text).toBe('Chị có quyền yêu cầu ly hôn.\nCăn cứ:\n- điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)\nNguồn: Hiểu Luật');
    expect(uniqueCitations([hnqd, { ...hnqd, source: 2 }])).toHaveLength(1);
  });
});
