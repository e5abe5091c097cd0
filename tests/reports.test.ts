import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from '../server/insights/xlsx.js';
import { addOfficial, json, login, officialsApp, type Login } from './helpers/officials.js';

/** Reads the entries of a zip from its central directory, checking each CRC. */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const crc = buf.readUInt32LE(p + 16);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26);
    const data = buf.subarray(start, start + size);
    expect(zlib.crc32(data)).toBe(crc);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen;
  }
  return out;
}

describe('monthly reports (issue 19 item 4)', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let editor: Login;
  const month = new Date().toISOString().slice(0, 7);
  const get = (format = 'json') => ctx.app.inject({ method: 'GET', url: `/api/admin/reports?months=3&format=${format}`, headers: { cookie: editor.cookie } });

  beforeAll(async () => {
    ctx = await officialsApp();
    await addOfficial(ctx.services, 'bientap@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap@hoi.vn');
    const answers = [];
    // One question from the Zalo Mini App, one from the widget, one from a client that does not say.
    for (const [message, channel] of [
      ['hỏi về luật thứ nhất', 'zalo'],
      ['hỏi về luật thứ hai', 'widget'],
      ['hỏi về luật thứ ba', undefined],
    ] as const) {
      answers.push(json(await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message, ...(channel ? { channel } : {}) } })));
    }
    for (const [i, rating] of [1, -1, 1].entries()) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/feedback',
        payload: { messageId: answers[i].messageId, conversationId: answers[i].conversationId, rating },
      });
    }
    // Two hand-overs: one answered six hours later.
    await ctx.services.db.query(
      `insert into handover (question, question_folded, created_at, answered_at, state, answer) values
         ('câu một', 'cau mot', now() - interval '6 hours', now(), 'answered', 'trả lời'),
         ('câu hai', 'cau hai', now(), null, 'pending', null)`,
    );
  });
  afterAll(async () => ctx?.close());

  it('counts this month: questions, refusals, 👍/👎 ratio, hand-overs answered and time to answer', async () => {
    const r = json(await get());
    expect(r.months).toHaveLength(3);
    expect(r.months.at(-1)).toEqual({
      month,
      questions: 3,
      answers: 0,
      outOfScope: 3,
      helpful: 2,
      notHelpful: 1,
      helpfulRatio: 0.667,
      handovers: 2,
      handoversAnswered: 1,
      medianHoursToAnswer: 6,
    });
    expect(r.months[0].questions).toBe(0);
    expect(r.channels).toEqual([
      { month, channel: 'unknown', count: 1 },
      { month, channel: 'widget', count: 1 },
      { month, channel: 'zalo', count: 1 },
    ]);
  });

  it('a client cannot invent a channel, nor claim to be an integration', async () => {
    for (const channel of ['facebook', 'api']) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'hỏi thử', channel } });
      expect(res.statusCode).toBe(400);
    }
  });

  it('exports the same figures as CSV (UTF-8 with BOM) and as an XLSX workbook', async () => {
    const csv = await get('csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFTháng,Câu hỏi,')).toBe(true);
    expect(csv.body).toContain(`${month},3,0,3,2,1,0.667,2,1,6`);

    const x = await get('xlsx');
    expect(x.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(x.rawPayload);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']),
    );
    expect(files.get('xl/workbook.xml')).toContain('name="Theo tháng"');
    expect(files.get('xl/workbook.xml')).toContain('name="Theo kênh"');
    expect(files.get('xl/worksheets/sheet3.xml')).toContain('Zalo Mini App');
    expect(files.get('xl/worksheets/sheet1.xml')).toContain(`<t xml:space="preserve">${month}</t></is></c><c r="B4"><v>3</v>`);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/reports?format=pdf', headers: { cookie: editor.cookie } })).statusCode).toBe(400);
  });

  it('a stored zip round-trips', () => {
    const files = unzip(storedZip([['a.txt', Buffer.from('xin chào')]]));
    expect(files.get('a.txt')).toBe('xin chào');
  });
});
