import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ingestDocument } from '../ingest/pipeline.js';
import { findOfficialAnswer, OFFICIAL_ANSWER_THRESHOLD } from '../server/handover/match.js';
import { matchForm } from '../server/handover/fold.js';
import { redact } from '../server/privacy/redact.js';
import type { Services } from '../server/services.js';
import { addMessage, createConversation } from '../store/conversations.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;
let editor: Login;
let admin: Login;

const LAW = `title: Luật Thử nghiệm gia đình
number: 88/2030/QH15
type: Luật
issued: 2030-01-01
status: còn hiệu lực

Điều 1. Phạm vi điều chỉnh
Luật này quy định về quan hệ gia đình.
Điều 5. Nuôi con sau ly hôn
1. Cha mẹ thoả thuận người trực tiếp nuôi con.
2. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi.
`;

/** A conversation as the chat route stores it: the member's question, then the answer. */
async function exchange(question: string, answer: string, kind = 'answer', topic: string | null = 'hon_nhan') {
  const conversationId = `conv-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await createConversation(services.db, conversationId);
  const questionId = await addMessage(services.db, { conversationId, role: 'user', content: question, resolvedQuery: question, topic });
  const messageId = await addMessage(services.db, { conversationId, role: 'assistant', content: answer, kind, topic });
  return { conversationId, messageId, questionId };
}

beforeAll(async () => {
  ({ app, services, close } = await officialsApp());
  await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(LAW), origin: 'upload' });
  await services.retriever.refresh();
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
  await addOfficial(services, 'admin@hoiphunu.vn', 'admin');
  editor = await login(app, 'bientap@hoiphunu.vn');
  admin = await login(app, 'admin@hoiphunu.vn');
});
afterAll(() => close());

describe('feedback', () => {
  it('stores a rating for an answer of that conversation, replacing an earlier one', async () => {
    const c = await exchange('Ly hôn thì ai nuôi con?', 'Theo Điều 81…');
    const up = await app.inject({ method: 'POST', url: '/api/feedback', payload: { messageId: c.messageId, conversationId: c.conversationId, rating: 1 } });
    expect(up.statusCode).toBe(200);
    const down = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { messageId: String(c.messageId), conversationId: c.conversationId, rating: -1, comment: 'Chưa rõ' },
    });
    expect(down.statusCode).toBe(200);
    const rows = (await services.db.query<{ rating: number; comment: string }>('select rating, comment from feedback where message_id = $1', [c.messageId]))
      .rows;
    expect(rows).toEqual([{ rating: -1, comment: 'Chưa rõ' }]);
  });

  it('refuses a message of another conversation, a question instead of an answer, bad ratings and unknown fields', async () => {
    const a = await exchange('Câu hỏi A', 'Trả lời A');
    const b = await exchange('Câu hỏi B', 'Trả lời B');
    const other = await app.inject({ method: 'POST', url: '/api/feedback', payload: { messageId: a.messageId, conversationId: b.conversationId, rating: 1 } });
    expect(other.statusCode).toBe(404);
    expect(json(other).message).toMatch(/Không tìm thấy/);
    const question = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { messageId: a.questionId, conversationId: a.conversationId, rating: 1 },
    });
    expect(question.statusCode).toBe(404);
    const zero = await app.inject({ method: 'POST', url: '/api/feedback', payload: { messageId: a.messageId, conversationId: a.conversationId, rating: 0 } });
    expect(zero.statusCode).toBe(400);
    const extra = await app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { messageId: a.messageId, conversationId: a.conversationId, rating: 1, name: 'Lan' },
    });
    expect(extra.statusCode).toBe(400);
    expect(json(extra).message).toMatch(/không hợp lệ/);
  });
});

describe('handover', () => {
  it('goes member → officials → answer → approval → reused for a similar question', async () => {
    const c = await exchange('Chị ơi, ly hôn thì ai được nuôi con ạ? Số em 0912 345 678', 'Xin lỗi, tôi chưa tìm thấy…', 'out_of_scope');
    const sent = await app.inject({
      method: 'POST',
      url: '/api/handover',
      payload: { messageId: c.messageId, conversationId: c.conversationId, note: 'Gọi em qua lan@gmail.com' },
    });
    expect(sent.statusCode).toBe(201);
    const { id } = json(sent);
    expect(json(sent)).toMatchObject({ state: 'pending', created: true });
    expect(json(sent).message).toMatch(/cán bộ Hội/);
    const twice = await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId: c.messageId, conversationId: c.conversationId } });
    expect(json(twice)).toMatchObject({ id, created: false });
    const stranger = await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId: c.messageId, conversationId: 'conv-doan-mo-12345' } });
    expect(stranger.statusCode).toBe(404);

    const queue = json(await app.inject({ method: 'GET', url: '/api/admin/handover?state=pending', headers: bearer(editor) })).items;
    const item = queue.find((i: { id: number }) => i.id === id);
    expect(item).toMatchObject({ reason: 'refused', state: 'pending', topic: 'hon_nhan' });
    expect(item.question).toContain('ly hôn thì ai được nuôi con');
    expect(item.question).not.toMatch(/0912/);
    expect(item.note).not.toContain('lan@gmail.com');

    const badCitation = await app.inject({
      method: 'POST',
      url: `/api/admin/handover/${id}/answer`,
      headers: bearer(editor),
      payload: { answer: 'Cha mẹ thoả thuận…', citations: [{ documentId: '88-2030-qh15', article: '99' }] },
    });
    expect(badCitation.statusCode).toBe(400);
    expect(json(badCitation)).toMatchObject({ error: 'invalid:citation' });
    expect(json(badCitation).message).toMatch(/Không tìm thấy Điều 99/);
    const badClause = await app.inject({
      method: 'POST',
      url: `/api/admin/handover/${id}/answer`,
      headers: bearer(editor),
      payload: { answer: 'x', citations: [{ documentId: '88-2030-qh15', article: '5', clause: '7' }] },
    });
    expect(badClause.statusCode).toBe(400);

    const notYet = await app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(admin) });
    expect(notYet.statusCode).toBe(409);

    const answer = 'Cha mẹ thoả thuận người trực tiếp nuôi con; con dưới 36 tháng tuổi thường được giao cho mẹ.';
    const answered = await app.inject({
      method: 'POST',
      url: `/api/admin/handover/${id}/answer`,
      headers: bearer(editor),
      payload: { answer, citations: [{ documentId: '88-2030-qh15', article: 'Điều 5', clause: '2' }] },
    });
    expect(answered.statusCode).toBe(200);
    expect(json(answered).item).toMatchObject({ state: 'answered', answeredBy: 'bientap@hoiphunu.vn' });
    expect(json(answered).item.citations[0]).toMatchObject({ documentId: '88-2030-qh15', article: '5', clause: '2', articleTitle: 'Nuôi con sau ly hôn' });
    expect(json(answered).item.citations[0].documentName).toContain('88/2030/QH15');

    // Not reused before approval.
    expect(await findOfficialAnswer(services.db, 'ly hon ai nuoi con')).toBeNull();
    const editorApproves = await app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(editor) });
    expect(editorApproves.statusCode).toBe(403);
    const approved = await app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(admin) });
    expect(approved.statusCode).toBe(200);
    expect(json(approved).item).toMatchObject({ state: 'approved', approvedBy: 'admin@hoiphunu.vn' });

    const hit = await findOfficialAnswer(services.db, 'Khi ly hôn thì ai được quyền nuôi con?');
    expect(hit).toMatchObject({ answer, handoverId: id });
    expect(hit!.citations[0]).toMatchObject({ documentId: '88-2030-qh15', article: '5' });
    expect(await findOfficialAnswer(services.db, 'ly hon ai nuoi con')).not.toBeNull();
    expect(await findOfficialAnswer(services.db, 'Ly hôn thì chia tài sản thế nào?')).toBeNull();
    expect(await findOfficialAnswer(services.db, 'Thủ tục đăng ký khai sinh cho con')).toBeNull();

    // A retired cited law stops the reuse.
    await app.inject({ method: 'POST', url: '/api/admin/documents/88-2030-qh15/retire', headers: bearer(editor) });
    expect(await findOfficialAnswer(services.db, 'ly hon ai nuoi con')).toBeNull();
    await services.db.query(`update documents set status = 'in_force' where id = '88-2030-qh15'`);

    // Rewriting the answer takes it out of reuse until approved again.
    await app.inject({
      method: 'POST',
      url: `/api/admin/handover/${id}/answer`,
      headers: bearer(editor),
      payload: { answer: `${answer} (sửa)`, citations: [] },
    });
    expect(await findOfficialAnswer(services.db, 'ly hon ai nuoi con')).toBeNull();

    const actions = (await services.db.query<{ action: string }>(`select action from audit_log where target_type = 'handover'`)).rows.map((r) => r.action);
    expect(actions).toEqual(['handover.answer', 'handover.approve', 'handover.answer']);
  });

  it('marks 👎 answers as disliked', async () => {
    const c = await exchange('Chồng không cho tôi đi làm có đúng không?', 'Theo…');
    await app.inject({ method: 'POST', url: '/api/feedback', payload: { messageId: c.messageId, conversationId: c.conversationId, rating: -1 } });
    const sent = json(await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId: c.messageId, conversationId: c.conversationId } }));
    const items = json(await app.inject({ method: 'GET', url: '/api/admin/handover', headers: bearer(editor) })).items;
    expect(items.find((i: { id: number }) => i.id === sent.id).reason).toBe('disliked');
  });
});

describe('official answer matching', () => {
  /** [stored question, new question, should match] — the calibration set for the threshold. */
  const PAIRS: [string, string, boolean][] = [
    ['Chồng đánh vợ thì bị phạt thế nào?', 'chong danh vo thi bi xu phat ra sao', true],
    ['Chồng đánh vợ thì bị phạt thế nào?', 'Chồng tôi hay đánh tôi, anh ấy có bị phạt không?', true],
    ['Ly hôn thì ai được nuôi con?', 'ly hon ai nuoi con', true],
    ['Ly hôn thì ai được nuôi con?', 'Khi ly hôn, ai được quyền nuôi con?', true],
    ['Nghỉ thai sản được bao nhiêu tháng?', 'nghi thai san duoc may thang', true],
    ['Con gái có được hưởng thừa kế như con trai không?', 'con gai co duoc chia thua ke bang con trai khong', true],
    ['Bị quấy rối tình dục nơi làm việc thì làm gì?', 'bi quay roi tinh duc o cong ty phai lam sao', true],
    ['Tảo hôn bị xử phạt như thế nào?', 'tao hon bi phat the nao', true],
    ['Vay tiền chữa bệnh cho con thì vợ chồng có cùng trả nợ không?', 'vo chong co phai cung tra no khoan vay chua benh cho con khong', true],
    ['Ly hôn thì ai được nuôi con?', 'Ly hôn thì chia tài sản thế nào?', false],
    ['Ly hôn thì ai được nuôi con?', 'Ly hôn đơn phương cần giấy tờ gì?', false],
    ['Nghỉ thai sản được bao nhiêu tháng?', 'Chế độ thai sản khi sinh đôi được nghỉ bao lâu?', false],
    ['Nghỉ thai sản được bao nhiêu tháng?', 'Nghỉ ốm được hưởng bao nhiêu tiền?', false],
    ['Con gái có được hưởng thừa kế như con trai không?', 'Di chúc miệng có hợp pháp không?', false],
    ['Bị quấy rối tình dục nơi làm việc thì làm gì?', 'Bị đánh ở nơi làm việc thì làm gì?', false],
    ['Tảo hôn bị xử phạt như thế nào?', 'Cưỡng ép kết hôn bị xử phạt như thế nào?', false],
    ['Vay tiền chữa bệnh cho con thì vợ chồng có cùng trả nợ không?', 'Chồng vay nợ cờ bạc thì vợ có phải trả không?', false],
  ];

  it(`separates rewordings from other questions at ${OFFICIAL_ANSWER_THRESHOLD}`, async () => {
    const wrong: string[] = [];
    for (const [stored, asked, same] of PAIRS) {
      const s = Number((await services.db.query<{ s: number }>('select similarity($1, $2) as s', [matchForm(stored), matchForm(asked)])).rows[0]!.s);
      if (s >= OFFICIAL_ANSWER_THRESHOLD !== same) wrong.push(`${s.toFixed(2)} ${stored} / ${asked}`);
    }
    expect(wrong).toEqual([]);
  });

  it('folds diacritics and drops filler but keeps content syllables', () => {
    expect(matchForm('Tảo hôn bị xử phạt như thế nào ạ?')).toBe('tao hon bi xu phat');
    expect(matchForm('Ly hôn thì ai nuôi con?')).toBe('ly hon ai nuoi con');
  });
});

describe('insights', () => {
  it('shows topics, out-of-scope questions and 👎 comments without contact details or ids', async () => {
    await exchange('Em tên Hoa, 0987.654.321, hỏi về thủ tục xuất khẩu lao động?', 'Ngoài phạm vi', 'out_of_scope', null);
    const c = await exchange('Chồng tôi đánh tôi, gọi 0912345678 hay email hoa@yahoo.com', 'Theo Luật…', 'answer', 'bao_luc_gia_dinh');
    await app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { messageId: c.messageId, conversationId: c.conversationId, rating: -1, comment: 'Liên hệ em 0912345678' },
    });
    const res = await app.inject({ method: 'GET', url: '/api/admin/insights?days=7', headers: bearer(editor) });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.topics[0]).toMatchObject({ topic: 'hon_nhan' });
    expect(body.topics).toContainEqual({ topic: 'bao_luc_gia_dinh', count: 1 });
    expect(body.outOfScope.some((q: { question: string }) => q.question.includes('xuất khẩu lao động'))).toBe(true);
    const disliked = body.disliked.find((d: { comment: string | null }) => d.comment?.startsWith('Liên hệ'));
    expect(disliked.question).toContain('Chồng tôi đánh tôi');
    expect(body.totals.notHelpful).toBeGreaterThanOrEqual(2);
    expect(body.totals.handoverPending).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/0987|0912|@yahoo|@gmail|conv-|Hoa/);
  });

  it('redacts phones, e-mails, links and ID numbers but keeps legal numbers and amounts', () => {
    expect(redact('sđt 0912 345 678, zalo +84 987.654.321, mail a.b@c.vn, CCCD 038123456789')).toBe(
      'sđt [số điện thoại], zalo [số điện thoại], mail [email], CCCD [số]',
    );
    expect(redact('Em tên Hoa, chồng em là Trần Văn Nam đánh em')).toBe('Em tên [tên], chồng em là [tên] đánh em');
    expect(redact('Tên em là Lê Thị Mai. Tôi là Hằng')).toBe('Tên em là [tên]. Tôi là [tên]');
    expect(redact('vay 100.000.000 đồng theo Điều 51 Luật 52/2014/QH13, gọi 113')).toBe('vay 100.000.000 đồng theo Điều 51 Luật 52/2014/QH13, gọi 113');
  });
});
