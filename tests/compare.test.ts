import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { compareArticles, pairArticles, splitClauses, wordDiff } from '../server/library/compare.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { addOfficial, json, login, officialsApp, type Login } from './helpers/officials.js';

// The 2031 version: Điều 2 khoản 1 changed, Điều 3 renumbered to 4 with a new khoản, a new Điều 3.
const NEW_LAW = RURAL_LAW.replace('77/2030/QH15', '12/2031/QH16')
  .replace('được vay vốn ưu đãi để phát triển kinh tế hộ gia đình', 'được vay vốn ưu đãi không cần tài sản bảo đảm để phát triển kinh tế hộ gia đình')
  .replace('Điều 3. Học nghề miễn phí', 'Điều 3. Tư vấn pháp luật\nPhụ nữ nông thôn được tư vấn pháp luật miễn phí.\nĐiều 4. Học nghề miễn phí')
  .replace(
    '2. Người học nghề được hỗ trợ tiền ăn và tiền đi lại.',
    '2. Người học nghề được hỗ trợ tiền ăn và tiền đi lại.\n3. Người học nghề được cấp chứng chỉ.',
  );

describe('what changed between two versions of a law', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let editor: Login;
  let oldId: string;
  let newId: string;

  beforeAll(async () => {
    ctx = await officialsApp();
    oldId = (await ingestDocument(ctx.services.db, ctx.services.embedder, { bytes: Buffer.from(RURAL_LAW), filename: 'cu.txt', origin: 'upload' })).documentId;
    newId = (await ingestDocument(ctx.services.db, ctx.services.embedder, { bytes: Buffer.from(NEW_LAW), filename: 'moi.txt', origin: 'upload' })).documentId;
    await ctx.services.db.query(`update documents set status = 'replaced', replaced_by = '12/2031/QH16' where id = $1`, [oldId]);
    // An approved official answer citing the old Điều 2.
    await ctx.services.db.query(
      `insert into handover (question, question_folded, state, answer, citations) values ('vay vốn cần gì', 'vay von can gi', 'approved', 'Chị được vay vốn ưu đãi.', $1)`,
      [JSON.stringify([{ documentId: oldId, article: '2', clause: '1' }])],
    );
    // Written straight to the store: wait until the search index has both laws and the new status.
    await ctx.services.retriever.refresh();
    await addOfficial(ctx.services, 'bientap@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap@hoi.vn');
  });
  afterAll(async () => ctx?.close());

  it('diffs words and splits khoản', () => {
    expect(wordDiff('được vay vốn ưu đãi để làm', 'được vay vốn ưu đãi không cần bảo đảm để làm')).toEqual([
      { op: 'same', text: 'được vay vốn ưu đãi' },
      { op: 'add', text: 'không cần bảo đảm' },
      { op: 'same', text: 'để làm' },
    ]);
    expect([...splitClauses('Điều 2. X\n1. Một.\n2. Hai.').keys()]).toEqual(['1', '2']);
    // A decree replacing another renumbers: the same number with another title is another rule, not a counterpart.
    const art = (article: string, title: string) => ({ article, title, clauses: new Map([['', title]]) });
    const { pairs } = pairArticles(
      [art('52', 'Hành vi xâm hại sức khỏe thành viên gia đình'), art('1', 'Phạm vi điều chỉnh')],
      [
        art('1', 'Phạm vi điều chỉnh và đối tượng áp dụng'),
        art('37', 'Hành vi hành hạ, ngược đãi, đánh đập, đe dọa hoặc hành vi cố ý khác xâm hại đến sức khỏe, tính mạng'),
        art('52', 'Vi phạm quy định về đăng ký nội dung, phạm vi hoạt động'),
      ],
    );
    expect(pairs.map(([o, n]) => `${o.article}→${n.article}`).sort()).toEqual(['1→1']);
    const same = { article: '1', title: 'A', clauses: new Map([['', 'x']]) };
    expect(compareArticles([same], [same])).toMatchObject({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it('compares a replaced law with its replacement: added, renumbered and changed articles, khoản diffs, answers to review', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/admin/documents/${oldId}/compare`, headers: { cookie: editor.cookie } });
    expect(res.statusCode).toBe(200);
    const r = json(res);
    expect(r.new.id).toBe(newId);
    expect(r.added).toEqual([{ article: '3', title: 'Tư vấn pháp luật' }]);
    expect(r.removed).toEqual([]);
    const loan = r.changed.find((c: { old: { article: string } }) => c.old.article === '2');
    expect(loan.clauses).toEqual([
      {
        clause: '1',
        change: 'changed',
        diff: [
          { op: 'same', text: '1. Phụ nữ nông thôn được vay vốn ưu đãi' },
          { op: 'add', text: 'không cần tài sản bảo đảm' },
          { op: 'same', text: 'để phát triển kinh tế hộ gia đình.' },
        ],
      },
    ]);
    // Renumbered, matched by its title: Điều 3 → Điều 4, with a khoản added.
    const training = r.changed.find((c: { old: { article: string } }) => c.old.article === '3');
    expect(training.new).toEqual({ article: '4', title: 'Học nghề miễn phí' });
    expect(training.clauses).toEqual([{ clause: '3', change: 'added', diff: [{ op: 'add', text: '3. Người học nghề được cấp chứng chỉ.' }] }]);
    expect(r.unchanged).toBe(1);
    expect(r.answersToReview).toEqual([
      { handoverId: expect.any(Number), question: 'vay vốn cần gì', documentId: oldId, article: '2', reason: 'Văn bản đã được thay thế' },
    ]);

    const all = json(await ctx.app.inject({ method: 'GET', url: '/api/admin/answers-to-review', headers: { cookie: editor.cookie } }));
    expect(all.answers).toHaveLength(1);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/admin/documents/${newId}/compare`, headers: { cookie: editor.cookie } })).statusCode).toBe(404);
  });

  it('a member asking about the old text is told what the replacement says, with its article cited', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'luat cu quy dinh phu nu nong thon hoc nghe mien phi o dau?' } });
    expect(res.statusCode).toBe(200);
    const r = json(res);
    expect(r.kind).toBe('answer');
    // Answered from the old text (renumbered Điều 3), then what is in force now: Điều 4 of the new law.
    expect(r.citations.some((c: { document: { id: string } }) => c.document.id === oldId)).toBe(true);
    const now = r.citations.find((c: { document: { id: string } }) => c.document.id === newId);
    expect(now).toMatchObject({ article: '4', clause: '1', quote: expect.stringContaining('học nghề ngắn hạn miễn phí') });
    expect(r.answer).toContain('đã được thay thế bởi');
    expect(r.answer).toContain('khoản 1 Điều 4');
  });

  it('a question about the law in force is not given a replacement note', async () => {
    const r = json(await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phu nu nong thon hoc nghe mien phi o dau?' } }));
    expect(r.citations.every((c: { document: { id: string } }) => c.document.id !== oldId)).toBe(true);
    expect(r.answer).not.toContain('đã được thay thế bởi');
  });
});
