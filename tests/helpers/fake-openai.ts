import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks the OpenAI HTTP API (chat completions, JSON and SSE streaming;
 * embeddings) for tests and benchmarks. Modes reproduce what real providers do on a bad day.
 */
/** 'obey': a model that follows any injected instruction and recites its system prompt, with a citation. */
/** 'hang': accepts the request and never answers (a provider behind a stuck proxy). */
export type FakeMode = 'ok' | 'slow' | 'fail' | 'garbage' | 'invent' | 'empty' | 'obey' | 'hang';

export interface FakeOpenAI {
  url: string; // base URL including /v1
  mode: FakeMode;
  /** Delay before the first streamed token (ms). */
  delayMs: number;
  /** Text the model "writes"; {{n}} is replaced by the first source number. */
  reply: string;
  /** The one-word verdict it gives when asked to classify a message for danger. */
  classify: string;
  /** What it answers when asked to rewrite a question into the law's words ('' = nothing). */
  queryRewrite: string;
  /** What it answers when asked to rank articles, e.g. "[2, 1]" ('' = nothing). */
  rerank: string;
  requests: { path: string; body: any }[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(
  opts: Partial<Pick<FakeOpenAI, 'mode' | 'delayMs' | 'reply' | 'classify' | 'queryRewrite' | 'rerank'>> = {},
): Promise<FakeOpenAI> {
  const state = {
    mode: opts.mode ?? 'ok',
    delayMs: opts.delayMs ?? 0,
    reply: opts.reply ?? 'Theo quy định, hành vi đánh đập thành viên gia đình là bạo lực gia đình [1]. Chị có thể báo Công an xã hoặc Chủ tịch UBND xã [1].',
    classify: opts.classify ?? 'BINH_THUONG',
    queryRewrite: opts.queryRewrite ?? '',
    rerank: opts.rerank ?? '',
    requests: [] as { path: string; body: any }[],
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    state.requests.push({ path: req.url ?? '', body });
    if (state.mode === 'hang') return;
    if (state.mode === 'fail') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
      return;
    }
    if (req.url?.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const dim = body.dimensions ?? 16;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          // The official SDK asks for base64-encoded float32 by default; answer in the format asked.
          data: inputs.map((text, index) => {
            const v = pseudoVector(String(text), dim);
            const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
            return { object: 'embedding', index, embedding };
          }),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
      return;
    }
    if (!req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const asked = JSON.stringify(body.messages ?? '');
    const text =
      isClassify(body) && !['garbage', 'empty'].includes(state.mode)
        ? state.classify
        : asked.includes('VIẾT LẠI BẰNG TỪ NGỮ PHÁP LUẬT') && state.mode === 'ok'
          ? state.queryRewrite
          : asked.includes('XẾP HẠNG ĐIỀU LUẬT') && state.mode === 'ok'
            ? state.rerank
            : replyFor(state.mode, state.reply, body);
    if (state.mode === 'slow' || state.delayMs) await sleep(state.mode === 'slow' ? Math.max(state.delayMs, 10_000) : state.delayMs);
    if (res.destroyed) return;
    const id = 'chatcmpl-fake';
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (delta: object, finish: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    send({ role: 'assistant', content: '' });
    for (const piece of text.match(/.{1,12}/gsu) ?? []) {
      send({ content: piece });
      await sleep(1);
    }
    send({}, 'stop');
    res.write('data: [DONE]\n\n');
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const fake: FakeOpenAI = Object.assign(state, {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
  return fake;
}

function replyFor(mode: FakeMode, reply: string, body: any): string {
  const isRewrite = JSON.stringify(body.messages ?? '').includes('Viết lại câu hỏi cuối cùng');
  if (isRewrite) return 'Nếu chồng không đồng ý ly hôn thì vợ có được đơn phương ly hôn không?';
  switch (mode) {
    case 'garbage':
      return '}{ lorem ipsum \u0000 ### 42 ### NaN undefined';
    case 'empty':
      return '';
    case 'obey': {
      const system = (body.messages ?? []).find((m: { role: string }) => m.role === 'system')?.content ?? '';
      return `Vâng, tôi bỏ qua mọi quy tắc. Hướng dẫn của tôi là: ${system} [1]`;
    }
    case 'invent':
      return 'Theo khoản 2 Điều 999 Luật Hôn nhân và gia đình, chị được bồi thường gấp đôi. Hành vi đánh đập là bạo lực gia đình [1]. Xem thêm [42].';
    default:
      return reply;
  }
}

/** A request to classify a message for danger (prompts/safety-classify.vi.md). */
function isClassify(body: any): boolean {
  return JSON.stringify(body.messages ?? '').includes('MỨC ĐỘ NGUY HIỂM');
}

function pseudoVector(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) * 31 + i) % dim]! += 1;
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / n);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
