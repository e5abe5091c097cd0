import { describe, expect, it } from 'vitest';
import { Bm25Peer, peerTokens } from '../eval/bm25.js';
import {
  distinctArticles,
  firstGoldRank,
  percentile,
  splitQuestions,
  summarize,
  summarizeAnswers,
  systemReport,
  type AnswerOutcome,
  type Outcome,
} from '../eval/metrics.js';
import { goldOf, normalizeLaw, parseQuestions, stripDiacritics, QuestionFileError, type EvalQuestion } from '../eval/questions.js';
import { formatMarkdown, formatSvg, formatText } from '../eval/format.js';
import type { EvalReport } from '../eval/run.js';

const q = (over: Partial<EvalQuestion> & { id: string }): EvalQuestion => ({ question: 'câu hỏi', out_of_scope: false, ...over });

describe('gold articles', () => {
  it('uses gold when present, else law × articles', () => {
    expect(goldOf(q({ id: 'a', law: '52/2014/QH13', articles: [81, 82] }))).toEqual([
      { law: '52/2014/qh13', article: '81' },
      { law: '52/2014/qh13', article: '82' },
    ]);
    expect(
      goldOf(
        q({
          id: 'b',
          law: '144/2021/NĐ-CP',
          articles: [53],
          gold: [
            { law: '144/2021/NĐ-CP', article: 53 },
            { law: '282/2025/NĐ-CP', article: 38 },
          ],
        }),
      ),
    ).toEqual([
      { law: '144/2021/nd-cp', article: '53' },
      { law: '282/2025/nd-cp', article: '38' },
    ]);
    expect(goldOf(q({ id: 'c', law: null, articles: [], out_of_scope: true }))).toEqual([]);
    // Duplicates collapse; article labels keep their letter.
    expect(
      goldOf(
        q({
          id: 'd',
          gold: [
            { law: 'X', article: '8a' },
            { law: 'x', article: '8A' },
          ],
        }),
      ),
    ).toEqual([{ law: 'x', article: '8a' }]);
  });

  it('matches số hiệu case-insensitively, with Đ and D alike', () => {
    expect(normalizeLaw('144/2021/NĐ-CP')).toBe(normalizeLaw('144/2021/nd-cp'));
    expect(normalizeLaw('144/2021/ND-CP')).toBe(normalizeLaw('144/2021/nđ-cp'));
    expect(normalizeLaw(' 52/2014/QH13 ')).toBe('52/2014/qh13');
  });

  it('parses JSON Lines and names the bad line', () => {
    const qs = parseQuestions('{"id":"1","question":"a"}\n\n{"question":"b"}\n');
    expect(qs.map((x) => x.id)).toEqual(['1', 'line-3']);
    expect(() => parseQuestions('{"id":"1","question":"a"}\nnot json', 'f.jsonl')).toThrow(/f\.jsonl:2/);
    expect(() => parseQuestions('{"id":"1"}')).toThrow(QuestionFileError);
    expect(() => parseQuestions('{"id":"1","question":"a"}\n{"id":"1","question":"b"}')).toThrow(/duplicate/);
  });

  it('strips dấu and keeps case', () => {
    expect(stripDiacritics('Đánh vợ có bị phạt tù không?')).toBe('Danh vo co bi phat tu khong?');
  });
});

describe('ranks', () => {
  const gold = goldOf(q({ id: 'g', law: '52/2014/QH13', articles: [81, 82] }));

  it('finds the first gold article among distinct articles', () => {
    const rows = [
      { law: '52/2014/QH13', article: '55' },
      { law: '52/2014/QH13', article: '55' }, // same article twice counts once
      { law: '52/2014/qh13', article: '82' },
      { law: '52/2014/QH13', article: '81' },
    ];
    expect(distinctArticles(rows)).toHaveLength(3);
    expect(firstGoldRank(rows, gold)).toBe(2);
    expect(firstGoldRank([{ law: '91/2015/QH13', article: '81' }], gold)).toBeNull();
    expect(firstGoldRank([], gold)).toBeNull();
    // Rows without an article (plan sections) keep their rank place.
    expect(
      firstGoldRank(
        [
          { law: null, article: null },
          { law: null, article: null },
          { law: '52/2014/QH13', article: '81' },
        ],
        gold,
      ),
    ).toBe(3);
  });

  it('does not confuse Điều 8 with Điều 8a', () => {
    const g = goldOf(q({ id: 'h', law: 'L', articles: [8] }));
    expect(firstGoldRank([{ law: 'L', article: '8a' }], g)).toBeNull();
  });
});

describe('metrics', () => {
  const o = (id: string, rank: number | null, ms: number, type = 'persona', laws = ['52/2014/QH13']): Outcome => ({ id, type, laws, rank, ms });

  it('computes recall@k, MRR@10 and nearest-rank percentiles exactly', () => {
    const outcomes = [o('a', 1, 10), o('b', 3, 20), o('c', 7, 30), o('d', null, 40), o('e', 12, 50)];
    const m = summarize(outcomes);
    expect(m.n).toBe(5);
    expect(m.recallAt1).toBe(0.2);
    expect(m.recallAt5).toBe(0.4);
    expect(m.recallAt10).toBe(0.6);
    // (1 + 1/3 + 1/7 + 0 + 0) / 5, rank 12 is outside @10
    expect(m.mrrAt10).toBe(Math.round(((1 + 1 / 3 + 1 / 7) / 5) * 1e4) / 1e4);
    expect(m.mrrAt10).toBe(0.2952);
    expect(m.p50Ms).toBe(30);
    expect(m.p95Ms).toBe(50);
    expect(summarize([])).toMatchObject({ n: 0, recallAt1: 0, mrrAt10: 0, p95Ms: 0 });
  });

  it('percentile is nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('groups by type and by every indexed gold law', () => {
    const r = systemReport([
      o('a', 1, 1, 'persona', ['52/2014/QH13']),
      o('b', null, 1, 'external-dataset', ['144/2021/NĐ-CP', '282/2025/NĐ-CP']),
      o('c', 2, 1, 'persona', ['282/2025/NĐ-CP']),
    ]);
    expect(Object.keys(r.byType)).toEqual(['external-dataset', 'persona']);
    expect(r.byType.persona).toMatchObject({ n: 2, recallAt1: 0.5, recallAt5: 1, mrrAt10: 0.75 });
    expect(r.byLaw['282/2025/NĐ-CP']).toMatchObject({ n: 2, recallAt1: 0, recallAt5: 0.5, mrrAt10: 0.25 });
    expect(r.byLaw['144/2021/NĐ-CP']).toMatchObject({ n: 1, recallAt10: 0 });
  });

  it('splits out-of-scope and not-indexed questions before scoring', () => {
    const qs = [
      q({ id: 'in', law: '52/2014/QH13', articles: [81] }),
      q({ id: 'lower', law: '282/2025/nd-cp', articles: [38] }),
      q({ id: 'old', law: '167/2013/NĐ-CP', articles: [57] }),
      q({
        id: 'old+new',
        law: '167/2013/NĐ-CP',
        articles: [57],
        gold: [
          { law: '167/2013/NĐ-CP', article: 57 },
          { law: '282/2025/NĐ-CP', article: 45 },
        ],
      }),
      q({ id: 'oos', law: null, articles: [], out_of_scope: true }),
      q({ id: 'nolaw' }),
    ];
    const s = splitQuestions(qs, ['52/2014/QH13', '282/2025/NĐ-CP']);
    expect(s.inScope.map((x) => x.id)).toEqual(['in', 'lower', 'old', 'old+new', 'nolaw']);
    expect(s.outOfScope.map((x) => x.id)).toEqual(['oos']);
    expect(s.notIndexed.map((x) => x.id)).toEqual(['old', 'nolaw']);
    expect(s.evaluated.map((x) => x.q.id)).toEqual(['in', 'lower', 'old+new']);
    // Laws are reported as the store writes them.
    expect(s.evaluated.map((x) => x.laws)).toEqual([['52/2014/QH13'], ['282/2025/NĐ-CP'], ['282/2025/NĐ-CP']]);
  });

  it('scores the chat path: validity, gold citations, refusals', () => {
    const a = (over: Partial<AnswerOutcome>): AnswerOutcome => ({
      id: 'x',
      outOfScope: false,
      evaluated: true,
      kind: 'answer',
      citations: [],
      validCitations: 0,
      citesGold: false,
      leadCitesGold: false,
      goldRank: null,
      ms: 5,
      ...over,
    });
    const cit = { law: '52/2014/QH13', documentId: '52-2014-qh13', article: '81' };
    const m = summarizeAnswers([
      a({ citations: [cit, cit], validCitations: 2, citesGold: true, leadCitesGold: true, goldRank: 1 }),
      a({ citations: [cit], validCitations: 0, goldRank: 3 }), // retrieved in the top 5, lost by the chat path
      a({ kind: 'out_of_scope', goldRank: 7 }), // retrieval's miss, not the chat path's
      a({ evaluated: false, kind: 'out_of_scope' }), // not indexed: neither gold nor false refusal
      a({ outOfScope: true, evaluated: false, kind: 'out_of_scope' }),
      a({ outOfScope: true, evaluated: false, kind: 'answer', citations: [cit], validCitations: 1 }),
    ]);
    expect(m.citations).toBe(4);
    expect(m.citationValidity).toBe(0.75);
    expect(m.citesGold).toBe(0.3333);
    expect(m.leadCitesGold).toBe(0.3333);
    expect(m.lostInTop5).toBe(1);
    expect(m.falseRefusal).toBe(0.3333);
    expect(m.outOfScopeRefusal).toBe(0.5);
    expect(m.outOfScopeCitations).toBe(1);
    expect(m.kinds).toEqual({ answer: 3, out_of_scope: 3 });
    expect(summarizeAnswers([a({})]).citationValidity).toBeNull();
    expect(summarizeAnswers([a({})]).outOfScopeRefusal).toBeNull();
  });
});

describe('BM25 peer', () => {
  it('tokenises with folding and syllable bigrams', () => {
    expect(peerTokens('Ly hôn, ĐƠN phương')).toEqual(['ly', 'hon', 'don', 'phuong', 'ly_hon', 'hon_don', 'don_phuong']);
  });

  it('ranks articles and keeps one row per (document, article)', () => {
    const chunk = (id: number, article: string, text: string, number = '52/2014/QH13') => ({
      id,
      documentId: number.toLowerCase(),
      number,
      article,
      heading: null,
      header: `Điều ${article}`,
      text,
    });
    const peer = new Bm25Peer([
      chunk(1, '51', 'Vợ, chồng có quyền yêu cầu Tòa án giải quyết ly hôn.'),
      chunk(2, '51', 'Chồng không có quyền yêu cầu ly hôn khi vợ đang có thai.'),
      chunk(3, '81', 'Việc trông nom, chăm sóc, nuôi dưỡng, giáo dục con sau khi ly hôn.'),
      chunk(4, '3', 'Bạo lực gia đình là hành vi cố ý.', '13/2022/QH15'),
    ]);
    const hits = peer.search('quyen yeu cau ly hon', 10);
    expect(hits[0]).toMatchObject({ law: '52/2014/QH13', article: '51' });
    expect(hits.filter((h) => h.article === '51')).toHaveLength(1);
    expect(peer.search('bạo lực gia đình', 1)).toEqual([expect.objectContaining({ law: '13/2022/QH15', article: '3' })]);
  });
});

describe('report rendering', () => {
  const m = { n: 2, recallAt1: 0.5, recallAt5: 1, recallAt10: 1, mrrAt10: 0.75, p50Ms: 3, p95Ms: 4 };
  const sys = { ...m, byLaw: { '52/2014/QH13': m }, byType: { persona: m } };
  const report: EvalReport = {
    questions: 3,
    inScope: 2,
    outOfScope: 1,
    notIndexed: 0,
    evaluated: 2,
    k: 10,
    corpus: { dirs: ['corpus'], documents: 1, chunks: 2, laws: ['52/2014/QH13'], ingestSeconds: 0.1 },
    systems: { 'hieu-luat': sys, bm25: sys },
    noDiacritics: { 'hieu-luat': sys, bm25: sys },
    misses: [{ id: 'x', type: 'persona', question: 'a < b', expected: ['52/2014/QH13 Điều 81'], got: [], rank: null, bm25Rank: 2 }],
    machine: { cpus: 2, cpuModel: 'cpu', memoryGb: 1, node: 'v20', platform: 'linux x64' },
    timestamp: '2025-01-01T00:00:00.000Z',
  };

  it('renders text, Markdown and a well-formed SVG', () => {
    expect(formatText(report)).toContain('hieu-luat (không dấu)');
    expect(formatMarkdown(report, 'chart.svg')).toContain('![Recall and MRR](chart.svg)');
    const svg = formatSvg(report);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect [^>]*fill="#b8336a"><title>/g)).toHaveLength(4);
  });
});
