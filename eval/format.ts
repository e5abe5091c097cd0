import type { Metrics, SystemReport } from './metrics.js';
import type { AnswerMiss, EvalReport, Miss, SystemName } from './run.js';

/** Human-readable renderings of an EvalReport: terminal table, Markdown report, SVG chart. */

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number, d = 3) => x.toFixed(d);

function table(head: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (align[i] === 'l' || (align[i] === undefined && i === 0) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

const METRIC_HEAD = ['n', 'R@1', 'R@5', 'R@10', 'MRR@10', 'p50 ms', 'p95 ms'];
const metricCells = (m: Metrics) => [
  String(m.n),
  num(m.recallAt1),
  num(m.recallAt5),
  num(m.recallAt10),
  num(m.mrrAt10),
  m.p50Ms.toFixed(1),
  m.p95Ms.toFixed(1),
];

function systemRows(systems: Record<SystemName, SystemReport>, suffix = ''): string[][] {
  return Object.entries(systems).map(([name, m]) => [name + suffix, ...metricCells(m)]);
}

function groupRows(report: EvalReport, by: 'byType' | 'byLaw'): string[][] {
  const ours = report.systems['hieu-luat'][by];
  const peer = report.systems.bm25[by];
  const nd = report.noDiacritics?.['hieu-luat'][by];
  return Object.keys(ours).map((g) => [
    g,
    String(ours[g]!.n),
    num(ours[g]!.recallAt1),
    num(ours[g]!.recallAt5),
    num(ours[g]!.recallAt10),
    num(ours[g]!.mrrAt10),
    peer[g] ? num(peer[g]!.recallAt5) : '—',
    nd?.[g] ? num(nd[g]!.recallAt5) : '—',
  ]);
}

const GROUP_HEAD = (what: string) => [what, 'n', 'R@1', 'R@5', 'R@10', 'MRR@10', 'bm25 R@5', 'không dấu R@5'];

export function formatText(r: EvalReport): string {
  const out: string[] = [];
  out.push(
    `${r.questions} questions: ${r.inScope} in scope, ${r.outOfScope} out of scope; ${r.notIndexed} in-scope not indexed; ${r.evaluated} evaluated (k = ${r.k})`,
    `corpus: ${r.corpus.dirs.join(' + ')} — ${r.corpus.documents} documents, ${r.corpus.chunks} chunks, ingested in ${r.corpus.ingestSeconds.toFixed(1)} s`,
    '',
    table(['system', ...METRIC_HEAD], [...systemRows(r.systems), ...(r.noDiacritics ? systemRows(r.noDiacritics, ' (không dấu)') : [])]),
    '',
    table(GROUP_HEAD('type'), groupRows(r, 'byType')),
    '',
    table(GROUP_HEAD('law'), groupRows(r, 'byLaw')),
  );
  if (r.answers) out.push('', answersText(r));
  if (r.misses) out.push('', missesText(r.misses));
  if (r.answerMisses) out.push('', answerMissesText(r.answerMisses));
  return out.join('\n');
}

function answersText(r: EvalReport): string {
  const a = r.answers!;
  return table(
    ['answers (chat path)', 'value'],
    [
      ['questions answered', String(a.n)],
      ['citations', String(a.citations)],
      ['citation validity', pct(a.citationValidity)],
      ['cites a gold article', pct(a.citesGold)],
      ['leads with a gold article', pct(a.leadCitesGold)],
      ['gold in top 5 but not cited', String(a.lostInTop5)],
      ['out-of-scope refused', pct(a.outOfScopeRefusal)],
      ['in-scope refused (false refusal)', pct(a.falseRefusal)],
      ['citations in out-of-scope answers', String(a.outOfScopeCitations)],
      [
        'kinds',
        Object.entries(a.kinds)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ],
      ['p50 / p95 ms', `${a.p50Ms.toFixed(1)} / ${a.p95Ms.toFixed(1)}`],
    ],
  );
}

export function missesText(misses: Miss[]): string {
  if (!misses.length) return 'No misses.';
  const lines = [`Misses (${misses.length}):`];
  for (const m of misses) {
    lines.push(
      `- ${m.id} [${m.type}${m.noDiacritics ? ', không dấu' : ''}] rank ${m.rank ?? '—'} (bm25 ${m.bm25Rank ?? '—'})`,
      `    q: ${m.question.length > 140 ? `${m.question.slice(0, 140)}…` : m.question}`,
      `    expected: ${m.expected.join('; ')}`,
      `    got: ${m.got.join('; ') || '(nothing)'}`,
    );
  }
  return lines.join('\n');
}

/** Answers that do not lead with gold although retrieval found it (★ marks a gold citation). */
export function answerMissesText(misses: AnswerMiss[]): string {
  if (!misses.length) return 'Every answer whose gold was retrieved leads with it.';
  const lines = [`Answers not led by a gold article retrieved in the top 5 (${misses.length}):`];
  for (const m of misses) {
    lines.push(
      `- ${m.id} gold rank ${m.goldRank}, ${m.kind}: ${m.reason}`,
      `    q: ${m.question.length > 140 ? `${m.question.slice(0, 140)}…` : m.question}`,
      `    expected: ${m.expected.join('; ')}`,
      `    cited: ${m.cited.join('; ') || '(nothing)'}`,
    );
  }
  return lines.join('\n');
}

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function formatMarkdown(r: EvalReport, svgFile?: string): string {
  const out: string[] = [
    `# Retrieval evaluation — ${r.timestamp}`,
    '',
    `${r.questions} questions (${r.inScope} in scope, ${r.outOfScope} out of scope); ${r.notIndexed} in-scope questions cite only laws that are not in the store; **${r.evaluated} evaluated**, k = ${r.k}.`,
    `Corpus: ${r.corpus.dirs.join(' + ')} — ${r.corpus.documents} documents, ${r.corpus.chunks} chunks.`,
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.platform}.`,
    '',
  ];
  if (svgFile) out.push(`![Recall and MRR](${svgFile})`, '');
  out.push(
    '## Systems',
    '',
    mdTable(['system', ...METRIC_HEAD], [...systemRows(r.systems), ...(r.noDiacritics ? systemRows(r.noDiacritics, ' (không dấu)') : [])]),
    '',
    '`hieu-luat` is the retriever behind `/api/search` and the chat; `bm25` is MiniSearch BM25 over the same chunks with the same folding and syllable bigrams. Latency is in-process, one query at a time.',
    '',
    '## By question type',
    '',
    mdTable(GROUP_HEAD('type'), groupRows(r, 'byType')),
    '',
    '## By law',
    '',
    mdTable(GROUP_HEAD('law'), groupRows(r, 'byLaw')),
    '',
  );
  if (r.answers) {
    const a = r.answers;
    out.push(
      '## Answers (chat path, offline answerer)',
      '',
      mdTable(
        ['measure', 'value'],
        [
          ['citation validity', pct(a.citationValidity)],
          ['cites a gold article (evaluated in-scope)', pct(a.citesGold)],
          ['leads with a gold article (evaluated in-scope)', pct(a.leadCitesGold)],
          ['gold in top 5 but not cited', String(a.lostInTop5)],
          ['out-of-scope refused', pct(a.outOfScopeRefusal)],
          ['false refusal (evaluated in-scope)', pct(a.falseRefusal)],
          ['citations in out-of-scope answers', String(a.outOfScopeCitations)],
          ['p50 / p95 ms', `${a.p50Ms.toFixed(1)} / ${a.p95Ms.toFixed(1)}`],
        ],
      ),
      '',
    );
  }
  if (r.misses) out.push('## Misses', '', '```', missesText(r.misses), '```', '');
  if (r.answerMisses) out.push('## Answers not led by gold', '', '```', answerMissesText(r.answerMisses), '```', '');
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Grouped bar chart of R@1, R@5, R@10 and MRR@10 per system (and without dấu when measured). */
export function formatSvg(r: EvalReport): string {
  const series: { name: string; m: Metrics; color: string }[] = [
    { name: 'hieu-luat', m: r.systems['hieu-luat'], color: '#b8336a' },
    { name: 'bm25', m: r.systems.bm25, color: '#7a7a7a' },
  ];
  if (r.noDiacritics) {
    series.push({ name: 'hieu-luat (không dấu)', m: r.noDiacritics['hieu-luat'], color: '#e58fb1' });
    series.push({ name: 'bm25 (không dấu)', m: r.noDiacritics.bm25, color: '#c4c4c4' });
  }
  const groups: { label: string; get: (m: Metrics) => number }[] = [
    { label: 'Recall@1', get: (m) => m.recallAt1 },
    { label: 'Recall@5', get: (m) => m.recallAt5 },
    { label: 'Recall@10', get: (m) => m.recallAt10 },
    { label: 'MRR@10', get: (m) => m.mrrAt10 },
  ];
  const W = 720;
  const H = 360;
  const left = 48;
  const right = 16;
  const top = 40;
  const bottom = 70;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const groupW = plotW / groups.length;
  const barW = Math.min(34, (groupW - 24) / series.length);
  const y = (v: number) => top + plotH * (1 - v);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${esc(`Retrieval on ${r.evaluated} questions (k = ${r.k})`)}</text>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#555">${t.toFixed(2)}</text>`,
    );
  }
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = Math.max(0, Math.min(1, g.get(s.m)));
      const x = x0 + si * barW;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(plotH * v).toFixed(1)}" fill="${s.color}"><title>${esc(`${s.name} ${g.label}: ${v.toFixed(3)}`)}</title></rect>`,
        `<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#333">${(v * 100).toFixed(0)}</text>`,
      );
    });
    parts.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${g.label}</text>`);
  });
  series.forEach((s, si) => {
    const lx = left + si * 170;
    const ly = H - 22;
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${s.color}"/>`, `<text x="${lx + 18}" y="${ly}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
