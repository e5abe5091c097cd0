import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkStructure } from '../ingest/chunk/chunker.js';
import { findContacts } from '../ingest/contacts.js';
import { documentReference } from '../ingest/names.js';
import { parseFile } from '../ingest/parse/index.js';
import { extractMetadata, findPeriod } from '../ingest/parse/metadata.js';
import { ingestDocument, prepareDocument } from '../ingest/pipeline.js';
import { outline } from '../ingest/structure/outline.js';
import { parseStructure } from '../ingest/structure/legal.js';
import { citationFor, citationLabel } from '../server/answer/citation.js';
import { CitationFilter } from '../server/answer/validate.js';
import { confirmedLocalNumbers, enrichHits, periodNotes, placeOf, preferCurrentPlans, provincialPart } from '../server/answer/provincial.js';
import type { ArticleHit } from '../server/retrieval/retriever.js';
import { makeImagePdf, makeTextPdf, makeWrappedPdf, renderPage } from './fixtures/documents.js';
import { DECISION, GUIDELINE, LAST_YEAR, LETTER, PLAN, YEAR, makePlanDocx, planLines } from './fixtures/plans.js';
import { testApp } from './helpers/app.js';

/**
 * Documents without Điều (issue 20): plans, decisions issuing plans, guidelines and letters are
 * cut by their own numbering (III › 2 › a) or, failing that, by headings; citations say "mục
 * III.2 Kế hoạch số 123/KH-UBND ngày 15/3/YYYY của UBND tỉnh Thanh Hóa" and never "Điều".
 */

const sectionsOf = (text: string) => parseStructure(text).sections.map((s) => [s.labels.join('.'), s.heading]);

describe('structure of documents without Điều', () => {
  it('a plan: four Roman parts, items with and without a heading line, points and dashes, kept as a path', () => {
    const s = parseStructure(PLAN);
    expect(s).toMatchObject({ kind: 'sections', scheme: 'numbered', articles: [] });
    expect(sectionsOf(PLAN)).toEqual([
      ['I.1', '1. Mục đích'],
      ['I.2', '2. Yêu cầu'],
      ['II', 'II. CHỈ TIÊU'],
      ['III.1', '1. Tuyên truyền, phổ biến pháp luật'],
      ['III.2', '2. Hỗ trợ người bị bạo lực gia đình'],
      ['III.3', '3. Tiếp nhận tin báo'],
      ['IV.1', '1. Sở Văn hóa, Thể thao và Du lịch'],
      ['IV.2', '2. Hội Liên hiệp Phụ nữ tỉnh'],
    ]);
    const iii2 = s.sections[4]!;
    expect(iii2.path).toEqual(['III. NHIỆM VỤ, GIẢI PHÁP']);
    expect(iii2.points).toEqual(['a', 'b']);
    // Dashes stay under the point they belong to.
    expect(iii2.paragraphs[1]).toMatch(/^- Cung cấp chỗ ở/);
    // One-line targets are items of II, citable one by one.
    expect(s.sections[2]!.items).toEqual(['1', '2', '3']);
    // The signature block and the recipients are not content.
    expect(s.sections.flatMap((x) => x.paragraphs).join('\n')).not.toMatch(/Nơi nhận|PHÓ CHỦ TỊCH/);
  });

  it('chunks carry the section path, and the outline shows parts over items', () => {
    const chunks = chunkStructure(parseStructure(PLAN), { documentName: 'Kế hoạch 123/KH-UBND' });
    expect(chunks.map((c) => c.section?.join('.'))).toEqual(['I.1', 'I.2', 'II', 'III.1', 'III.2', 'III.3', 'IV.1', 'IV.2']);
    for (const c of chunks) expect(c.article).toBeUndefined();
    const iii2 = chunks[4]!;
    expect(iii2.header).toBe('Kế hoạch 123/KH-UBND › III › 2. Hỗ trợ người bị bạo lực gia đình');
    expect(iii2.points).toEqual({ '2': ['a', 'b'] });
    expect(chunks[2]!.clauses).toEqual(['1', '2', '3']);
    expect(outline(parseStructure(PLAN)).map((n) => n.label)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỈ TIÊU',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('a decision is represented by the plan it issues; part titles on their own line are read', () => {
    expect(sectionsOf(DECISION)).toEqual([
      ['I', 'I. MỤC TIÊU'],
      ['II.1', '1. Vay vốn ưu đãi'],
      ['II.2', '2. Đào tạo nghề'],
    ]);
    expect(parseStructure(DECISION).sections[1]!.points).toEqual(['a', 'b']);
  });

  it('a guideline numbered 1, 2, 3 without parts', () => {
    expect(sectionsOf(GUIDELINE)).toEqual([
      ['1', '1. Đối tượng'],
      ['2', '2. Quy trình tiếp nhận'],
      ['3', '3. Liên hệ'],
    ]);
  });

  it('a letter with neither Điều nor numbering is cut by its headings, and says so', () => {
    const s = parseStructure(LETTER);
    expect(s.scheme).toBe('headings');
    expect(s.sections.map((x) => [x.labels, x.heading, x.paragraphs.length])).toEqual([
      [['§1'], 'Thời gian và địa điểm', 1],
      [['§2'], 'Nội dung', 1],
    ]);
  });

  it('a stray "3." or "c)" in running text stays text', () => {
    const s = parseStructure(
      ['I. NỘI DUNG', '1. Hỗ trợ', 'Mức hỗ trợ gồm:', 'a) Tiền ăn;', 'c) không theo thứ tự;', '5. không phải mục.', '2. Kiểm tra', 'Định kỳ.'].join('\n'),
    );
    expect(s.sections.map((x) => x.labels.join('.'))).toEqual(['I.1', 'I.2']);
    expect(s.sections[0]!.paragraphs).toEqual(['Mức hỗ trợ gồm:', 'a) Tiền ăn;', 'c) không theo thứ tự;', '5. không phải mục.']);
    expect(s.sections[0]!.points).toEqual(['a']);
  });
});

describe('the plan in DOCX, PDF and as a scan keeps its parts', () => {
  const want = ['I.1', 'I.2', 'II', 'III.1', 'III.2', 'III.3', 'IV.1', 'IV.2'];

  it('DOCX with Word automatic numbering (I., 1., a), bullets)', async () => {
    const parsed = await parseFile(await makePlanDocx());
    expect(parseStructure(parsed.text).sections.map((s) => s.labels.join('.'))).toEqual(want);
  });

  it('PDF typeset with wrapped lines', async () => {
    const parsed = await parseFile(await makeWrappedPdf(planLines()));
    expect(parseStructure(parsed.text).sections.map((s) => s.labels.join('.'))).toEqual(want);
    expect(extractMetadata(parsed.text)).toMatchObject({ number: '123/KH-UBND', type: 'Kế hoạch', period: `năm ${YEAR}` });
  });

  it('a scanned page (image only), read by OCR', async () => {
    const page = [
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH',
      'Hỗ trợ phụ nữ bị bạo lực gia đình.',
      'II. NHIỆM VỤ',
      '1. Tuyên truyền pháp luật',
      'a) Tổ chức tuyên truyền tại thôn;',
      'b) Phát tờ rơi.',
      '2. Tư vấn miễn phí',
      'Tư vấn tâm lý, pháp lý cho phụ nữ.',
    ];
    const text = await makeTextPdf([page.map((t) => ({ text: t, bold: /^[IV]+\./.test(t) }))], { size: 16 });
    const parsed = await parseFile(await makeImagePdf([await renderPage(text)]));
    expect(parsed.ocr).toBe(true);
    const s = parseStructure(parsed.text);
    expect(s.sections.map((x) => x.labels.join('.'))).toEqual(['I', 'II.1', 'II.2']);
    expect(s.sections[1]!.points).toEqual(['a', 'b']);
  }, 60_000);
});

describe('metadata officials expect', () => {
  it('type, issuer, date, scope and period from the plan, decision, guideline and letter', () => {
    expect(extractMetadata(PLAN)).toMatchObject({
      type: 'Kế hoạch',
      number: '123/KH-UBND',
      issuer: 'UBND tỉnh Thanh Hóa',
      issued: `${YEAR}-03-15`,
      scope: 'tỉnh Thanh Hóa',
      period: `năm ${YEAR}`,
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
    });
    expect(extractMetadata(DECISION)).toMatchObject({
      type: 'Quyết định',
      number: '45/QĐ-HPN',
      issuer: 'Hội LHPN tỉnh Thanh Hóa',
      scope: 'tỉnh Thanh Hóa',
      period: `năm ${LAST_YEAR}`,
    });
    const g = extractMetadata(GUIDELINE);
    expect(g).toMatchObject({ type: 'Hướng dẫn', issuer: 'Hội LHPN tỉnh Thanh Hóa', issued: `${YEAR}-02-20` });
    expect(g.period).toBeUndefined();
    expect(extractMetadata(LETTER)).toMatchObject({
      type: 'Công văn',
      number: '35/UBND-VP',
      issuer: 'UBND xã Quảng Phú',
      scope: 'xã Quảng Phú',
      title: 'Công văn về việc tổ chức ngày hội phụ nữ',
    });
  });

  it('periods as plans write them', () => {
    expect(findPeriod('Kế hoạch thực hiện Đề án giai đoạn 2021-2025', '')).toEqual({
      period: 'giai đoạn 2021 - 2025',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
    });
    expect(findPeriod('Chương trình hỗ trợ phụ nữ', 'III. THỜI GIAN\nThời gian thực hiện: năm 2027.')).toMatchObject({ period: 'năm 2027' });
    expect(findPeriod('Kế hoạch hành động đến năm 2030', '', '2026-02-01')).toEqual({
      period: 'đến năm 2030',
      periodStart: '2026-02-01',
      periodEnd: '2030-12-31',
    });
    expect(findPeriod('Kế hoạch tuyên truyền', 'Thời gian: từ ngày 01 tháng 4 năm 2026')).toEqual({});
  });

  it('a document is cited in its own terms', () => {
    expect(documentReference({ type: 'Kế hoạch', number: '123/KH-UBND', issued: '2026-03-15', issuer: 'UBND tỉnh Thanh Hóa', title: 'Kế hoạch …' })).toBe(
      'Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa',
    );
    expect(documentReference({ type: 'Luật', number: '52/2014/QH13', title: 'Luật Hôn nhân và gia đình', issued: '2014-06-19' })).toBe(
      'Luật Hôn nhân và gia đình 2014 (52/2014/QH13)',
    );
    expect(placeOf('tỉnh Thanh Hóa')).toBe('Thanh Hóa');
    expect(placeOf('xã Quảng Phú')).toBe('xã Quảng Phú');
  });

  it('local phone numbers and addresses are found with what they are for and where', () => {
    const chunks = chunkStructure(parseStructure(PLAN), { documentName: 'KH' });
    expect(findContacts(chunks)).toEqual([
      { kind: 'phone', value: '0237 3852 111', label: 'Đường dây nóng tiếp nhận tin báo bạo lực gia đình của tỉnh', section: ['III', '3'] },
      { kind: 'address', value: 'số 12 đường Lê Lợi, phường Điện Biên, thành phố Thanh Hóa', label: 'Địa chỉ', section: ['III', '3'] },
    ]);
    // Dates, percentages and targets are not phone numbers.
    expect(findContacts([{ text: 'Liên hệ trước ngày 15/12/2026; 100% xã đạt chỉ tiêu 2026.', section: null }])).toEqual([]);
  });
});

function hit(over: Partial<Omit<ArticleHit, 'document'>> & { document?: Partial<ArticleHit['document']> }): ArticleHit {
  const { document, ...rest } = over;
  return {
    document: { id: 'd', number: null, title: 'T', name: 'T', type: 'Luật', status: 'in_force', binding: true, ...document },
    chunkId: 1,
    article: null,
    articleNum: null,
    articleTitle: null,
    heading: null,
    clause: null,
    clauses: [],
    header: '',
    text: '',
    score: 1,
    ...rest,
  };
}

describe('citations of documents without Điều', () => {
  const plan = hit({
    document: {
      id: '123-kh-ubnd',
      number: '123/KH-UBND',
      type: 'Kế hoạch',
      binding: false,
      reference: 'Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa',
      shortReference: 'Kế hoạch 123/KH-UBND',
      scope: 'tỉnh Thanh Hóa',
    },
    heading: '2. Hỗ trợ người bị bạo lực gia đình',
    section: ['III', '2'],
    text: '2. Hỗ trợ người bị bạo lực gia đình\na) Bố trí nơi tạm lánh tại nhà văn hóa thôn;\nb) Tư vấn miễn phí.',
  });

  it('say "mục III.2 Kế hoạch số … ngày … của …", carry the path, and never put a heading into article', () => {
    const c = citationFor(plan, 1, null, 'a', 'Bố trí nơi tạm lánh');
    expect(c).toMatchObject({ article: '', clause: null, point: 'a', section: ['III', '2'] });
    expect(citationLabel(c)).toBe('điểm a mục III.2 Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa');
    expect(citationLabel(citationFor(plan, 1, null, null, 'x'))).toBe('mục III.2 Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa');
    // A one-line target under "II. CHỈ TIÊU", quoted alone, is cited as its item.
    const targets = hit({ document: plan.document, heading: 'II. CHỈ TIÊU', section: ['II'], clauses: ['1', '2'], text: 'II. CHỈ TIÊU\n1. Một.\n2. Hai.' });
    expect(citationFor(targets, 1, null, null, '2. Hai.').section).toEqual(['II', '2']);
    // A letter cut by headings is cited by its heading, in words.
    const letter = hit({ document: { ...plan.document, reference: 'Công văn số 35/UBND-VP' }, heading: 'Thời gian và địa điểm', section: ['§1'] });
    expect(citationLabel(citationFor(letter, 1, null, null, 'x'))).toBe('phần “Thời gian và địa điểm” Công văn số 35/UBND-VP');
    // Laws are unchanged.
    const law = hit({ article: '51', document: { name: 'Luật Hôn nhân và gia đình 2014 (52/2014/QH13)' } });
    expect(citationLabel(citationFor(law, 1, '1', 'a', 'x'))).toBe('điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)');
  });

  it('an LLM answer citing a plan section keeps it as a section, and an invented "Điều" of the plan is removed', () => {
    const filter = new CitationFilter([plan]);
    const out =
      filter.push('Ở Thanh Hóa, theo mục III.2 Kế hoạch 123/KH-UBND, xã bố trí nơi tạm lánh [1]. Theo Điều 2 Kế hoạch này, chị được hỗ trợ [1]. ') +
      filter.end();
    expect(out).not.toMatch(/Điều 2/);
    expect(filter.citations).toHaveLength(1);
    expect(filter.citations[0]).toMatchObject({ article: '', section: ['III', '2'], source: 1 });
  });

  it('the law first, then what the province does, with local numbers and their source', () => {
    const law = hit({ article: '28', text: 'Điều 28. Nơi tạm lánh\n1. Người bị bạo lực gia đình được bố trí nơi tạm lánh.', score: 1 });
    const withPhone = { ...plan, score: 0.8, text: `${plan.text}\nĐường dây nóng của tỉnh: 0237 3852 111.` };
    const part = provincialPart([law, withPhone], { tam: 2, lanh: 2 }, (h) => (h === law ? 1 : 2))!;
    expect(part.lines[0]).toBe('Ở Thanh Hóa, theo điểm a mục III.2 Kế hoạch 123/KH-UBND: "Bố trí nơi tạm lánh tại nhà văn hóa thôn;"');
    expect(part.lines[1]).toBe('- Số điện thoại (Đường dây nóng của tỉnh) ghi trong điểm a mục III.2 Kế hoạch 123/KH-UBND: 0237 3852 111');
    expect(part.citations[0]).toMatchObject({ source: 2, section: ['III', '2'], article: '' });
    // Without a law among the top hits there is nothing to put together.
    expect(provincialPart([withPhone], {}, () => 1)).toBeNull();
  });
});

describe('through the API', () => {
  let app: Awaited<ReturnType<typeof testApp>>['app'];
  let services: Awaited<ReturnType<typeof testApp>>['services'];
  beforeAll(async () => {
    ({ app, services } = await testApp());
    for (const text of [PLAN, DECISION, GUIDELINE, LETTER, planLines({ number: '40/KH-UBND', year: LAST_YEAR }).join('\n')]) {
      await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(text, 'utf8') });
    }
    await services.retriever.refresh();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await services?.db.close();
  });

  it('stores the sections, the metadata and how each document was cut', async () => {
    const docs = (await app.inject({ method: 'GET', url: '/api/documents' })).json().documents as Record<string, unknown>[];
    const plan = docs.find((d) => d.id === '123-kh-ubnd')!;
    expect(plan).toMatchObject({
      reference: `Kế hoạch số 123/KH-UBND ngày 15/3/${YEAR} của UBND tỉnh Thanh Hóa`,
      scope: 'tỉnh Thanh Hóa',
      period: `năm ${YEAR}`,
      periodOver: false,
      structureScheme: 'numbered',
      binding: false,
      articleCount: 0,
    });
    expect(docs.find((d) => d.id === '40-kh-ubnd')).toMatchObject({ periodOver: true });
    expect(docs.find((d) => d.id === '45-qd-hpn')).toMatchObject({ type: 'Quyết định', binding: false, structureScheme: 'numbered' });
    expect(docs.find((d) => d.number === '35/UBND-VP')).toMatchObject({ type: 'Công văn', structureScheme: 'headings', scope: 'xã Quảng Phú' });
    const rows = await services.db.query<{ section: string[]; article: string | null }>(
      "select section, article from chunks where document_id = '123-kh-ubnd' order by ordinal",
    );
    expect(rows.rows.map((r) => r.section.join('.'))).toEqual(['I.1', 'I.2', 'II', 'III.1', 'III.2', 'III.3', 'IV.1', 'IV.2']);
    expect(rows.rows.every((r) => r.article === null)).toBe(true);
  });

  it('members get "mục …" citations with the section path, and no citation of these documents says "Điều"', async () => {
    const questions = [
      'chỉ tiêu tư vấn pháp lý miễn phí cho người bị bạo lực gia đình',
      'số điện thoại đường dây nóng bạo lực gia đình của tỉnh',
      'phụ nữ khởi nghiệp vay vốn tối đa bao nhiêu',
      'phụ nữ bị mua bán trở về thì báo ai',
    ];
    let planCitations = 0;
    for (const message of questions) {
      const r = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).json();
      for (const c of r.citations) {
        const doc = (await services.db.query<{ structure_scheme: string }>('select structure_scheme from documents where id = $1', [c.document.id])).rows[0]!;
        if (doc.structure_scheme === 'legal') continue;
        planCitations++;
        expect(c.article, message).toBe('');
        expect(c.section?.length, message).toBeGreaterThan(0);
        expect(citationLabel(c)).not.toMatch(/Điều/);
        expect(citationLabel(c)).toMatch(/^(điểm [a-zđ] )?(mục [IVX\d.]+|phần “)/u);
      }
      // The answer text never names an "Điều" of a document without one.
      expect(r.answer).not.toMatch(/Điều (?:[IVX]+|\d+\.\s*\p{Lu}{2})/u);
      expect(r.answer).not.toMatch(/Điều \d+ (?:Kế hoạch|Hướng dẫn|Công văn)/u);
    }
    expect(planCitations).toBeGreaterThan(0);
  }, 60_000);

  it('a hotline in the plan is shown with its source and is not an emergency number until an official confirms it', async () => {
    const r = (
      await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'số điện thoại đường dây nóng tiếp nhận tin báo bạo lực gia đình của tỉnh' } })
    ).json();
    expect(r.answer).toContain('0237 3852 111');
    expect(r.answer).toMatch(/mục III\.3 Kế hoạch (số )?123\/KH-UBND/);
    const emergency = (await app.inject({ method: 'GET', url: '/api/emergency' })).json();
    expect(JSON.stringify(emergency)).not.toContain('0237 3852 111');
  });

  it('the source view opens at the part, with the heading path and the cited item marked', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sections/123-kh-ubnd/III.2?point=a' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.headingPath).toEqual(['III. NHIỆM VỤ, GIẢI PHÁP', '2. Hỗ trợ người bị bạo lực gia đình']);
    expect(v.blocks.map((b: { section: string[] }) => b.section.join('.'))).toEqual(['III.1', 'III.2', 'III.3']);
    const cited = v.blocks.find((b: { cited: boolean }) => b.cited);
    expect(cited.section).toEqual(['III', '2']);
    expect(cited.lines.filter((l: { cited: boolean }) => l.cited).map((l: { text: string }) => l.text)).toEqual([
      'a) Bố trí nơi tạm lánh tại nhà văn hóa thôn và trụ sở Hội Liên hiệp Phụ nữ xã, tối đa 30 ngày;',
    ]);
    // A one-line target is found inside the part that lists it.
    const t = (await app.inject({ method: 'GET', url: '/api/sections/123-kh-ubnd/II.2' })).json();
    expect(t.blocks[0].lines.filter((l: { cited: boolean }) => l.cited).map((l: { text: string }) => l.text)).toEqual([
      '2. 90% người bị bạo lực gia đình được tư vấn pháp lý miễn phí.',
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/sections/123-kh-ubnd/VII.9' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: "/api/sections/123-kh-ubnd/III.2'--" })).statusCode).toBe(400);
  });

  it('last year’s plan is answered as past when this year’s exists; the latest plan is not', async () => {
    const today = `${YEAR}-12-31`;
    const r = await services.retriever.search('chỉ tiêu tư vấn pháp lý miễn phí bạo lực gia đình', { k: 6 });
    enrichHits((await services.retriever.current()).docs, r.hits);
    const old = r.hits.find((h) => h.document.id === '40-kh-ubnd');
    expect(old, 'last year’s plan is retrieved').toBeDefined();
    const current = await preferCurrentPlans(services.db, r.hits, today);
    // This year's plan was found too: the old one is left out of the answer.
    expect(current.hits.some((h) => h.document.id === '40-kh-ubnd')).toBe(r.hits.some((h) => h.document.id === '123-kh-ubnd') ? false : true);
    // Alone, it is answered as past.
    const alone = await preferCurrentPlans(services.db, [old!], today);
    expect(periodNotes(alone.past)).toEqual([
      `(Lưu ý: Kế hoạch năm ${LAST_YEAR} (40/KH-UBND) đã hết thời gian thực hiện; văn bản hiện hành là Kế hoạch số 123/KH-UBND ngày 15/3/${YEAR} của UBND tỉnh Thanh Hóa.)`,
    ]);
    // The Hội's plan of last year has nothing newer: not answered as past.
    const d = await services.retriever.search('phụ nữ khởi nghiệp vay vốn', { k: 6 });
    enrichHits((await services.retriever.current()).docs, d.hits);
    const hoi = d.hits.filter((h) => h.document.id === '45-qd-hpn');
    expect(hoi.length).toBeGreaterThan(0);
    const notes = periodNotes((await preferCurrentPlans(services.db, hoi, today)).past);
    expect(notes.join(' ')).not.toMatch(/đã hết thời gian thực hiện/);
    expect(notes.join(' ')).toMatch(/mới nhất/);
  });

  it('officials correct the period and scope in the console; the preview says a letter was cut by headings', async () => {
    const { ADMIN } = await import('./helpers/e2e.js');
    const { ensureFirstAdmin } = await import('../server/auth/users.js');
    await ensureFirstAdmin(services.db, { ...services.config, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    expect(login.statusCode, login.body).toBe(200);
    const auth = { authorization: `Bearer ${login.json().token}` };
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/admin/documents/12-hd-hpn',
      headers: auth,
      payload: { period: `năm ${YEAR}`, periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, scope: 'tỉnh Thanh Hóa' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().document).toMatchObject({ period: `năm ${YEAR}`, periodEnd: `${YEAR}-12-31`, scope: 'tỉnh Thanh Hóa' });
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/admin/documents/12-hd-hpn',
      headers: auth,
      payload: { periodStart: `${YEAR}-12-31`, periodEnd: `${YEAR}-01-01` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/thời gian thực hiện/);

    const contacts = (await app.inject({ method: 'GET', url: '/api/admin/documents/123-kh-ubnd/contacts', headers: auth })).json().contacts;
    expect(contacts.map((c: { value: string; confirmed: boolean }) => [c.value, c.confirmed])).toEqual([
      ['0237 3852 111', false],
      ['số 12 đường Lê Lợi, phường Điện Biên, thành phố Thanh Hóa', false],
    ]);
    expect(await confirmedLocalNumbers(services.db)).toEqual([]);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/admin/documents/123-kh-ubnd/contacts/${contacts[0].id}`,
      headers: auth,
      payload: { confirmed: true },
    });
    expect(ok.json().contact).toMatchObject({ confirmed: true, confirmedBy: ADMIN.email });
    expect(await confirmedLocalNumbers(services.db)).toEqual([
      { label: 'Đường dây nóng tiếp nhận tin báo bạo lực gia đình của tỉnh', number: '0237 3852 111', source: 'mục III.3 Kế hoạch 123/KH-UBND' },
    ]);
    const audit = await services.db.query<{ action: string }>("select action from audit_log where action like 'contact.%'");
    expect(audit.rows.map((a) => a.action)).toEqual(['contact.confirm']);

    const p = await prepareDocument({ bytes: Buffer.from(LETTER, 'utf8') });
    expect(p.structure.scheme).toBe('headings');
  });
});
