import type { Queryable } from '../../store/db.js';
import type { Cell } from './xlsx.js';

/**
 * The figures officials are asked for, per month: questions, answers, refusals, 👍/👎 and their
 * ratio, hand-overs received and answered with the median time to answer; and questions per topic.
 * On screen (JSON) and as CSV or XLSX. Counts only: no question text leaves in a report.

 * Questions per channel (web chat, widget, Zalo Mini App, API) come from the channel each
 * conversation was started on; older conversations count as "không rõ".
 */

export interface MonthRow {
  month: string;
  questions: number;
  answers: number;
  outOfScope: number;
  helpful: number;
  notHelpful: number;
  /** 👍 / (👍 + 👎); null without feedback. */
  helpfulRatio: number | null;
  handovers: number;
  handoversAnswered: number;
  /** Median hours from a hand-over to the official's answer, for those answered. */
  medianHoursToAnswer: number | null;
}

export interface Report {
  months: MonthRow[];
  topics: { month: string; topic: string; count: number }[];
  channels: { month: string; channel: string; count: number }[];
}

export async function buildReport(db: Queryable, months: number): Promise<Report> {
  const since = `date_trunc('month', now()) - make_interval(months => $1 - 1)`;
  const rows = (
    await db.query<{
      month: string;
      questions: number;
      answers: number;
      out_of_scope: number;
      helpful: number;
      not_helpful: number;
      handovers: number;
      answered: number;
      median_hours: number | null;
    }>(
      `with m as (select to_char(generate_series(${since}, date_trunc('month', now()), interval '1 month'), 'YYYY-MM') as month),
       msg as (select to_char(created_at, 'YYYY-MM') as month, role, kind from messages where created_at >= ${since}),
       fb as (select to_char(created_at, 'YYYY-MM') as month, rating from feedback where created_at >= ${since}),
       ho as (select to_char(created_at, 'YYYY-MM') as month, answered_at, extract(epoch from (answered_at - created_at)) / 3600 as hours from handover where created_at >= ${since})
       select m.month,
         (select count(*)::int from msg where msg.month = m.month and role = 'user') as questions,
         (select count(*)::int from msg where msg.month = m.month and role = 'assistant' and kind <> 'out_of_scope') as answers,
         (select count(*)::int from msg where msg.month = m.month and role = 'assistant' and kind = 'out_of_scope') as out_of_scope,
         (select count(*)::int from fb where fb.month = m.month and rating = 1) as helpful,
         (select count(*)::int from fb where fb.month = m.month and rating = -1) as not_helpful,
         (select count(*)::int from ho where ho.month = m.month) as handovers,
         (select count(*)::int from ho where ho.month = m.month and answered_at is not null) as answered,
         (select percentile_cont(0.5) within group (order by hours) from ho where ho.month = m.month and answered_at is not null) as median_hours
       from m order by m.month`,
      [months],
    )
  ).rows;
  const topics = (
    await db.query<{ month: string; topic: string; count: number }>(
      `select to_char(created_at, 'YYYY-MM') as month, topic, count(*)::int as count from messages
        where role = 'assistant' and topic is not null and created_at >= ${since}
        group by 1, 2 order by 1, 3 desc, 2`,
      [months],
    )
  ).rows;
  const channels = (
    await db.query<{ month: string; channel: string; count: number }>(
      `select to_char(m.created_at, 'YYYY-MM') as month, coalesce(c.channel, 'unknown') as channel, count(*)::int as count
         from messages m join conversations c on c.id = m.conversation_id
        where m.role = 'user' and m.created_at >= ${since}
        group by 1, 2 order by 1, 3 desc, 2`,
      [months],
    )
  ).rows;
  return {
    months: rows.map((r) => ({
      month: r.month,
      questions: r.questions,
      answers: r.answers,
      outOfScope: r.out_of_scope,
      helpful: r.helpful,
      notHelpful: r.not_helpful,
      helpfulRatio: r.helpful + r.not_helpful ? Number((r.helpful / (r.helpful + r.not_helpful)).toFixed(3)) : null,
      handovers: r.handovers,
      handoversAnswered: r.answered,
      medianHoursToAnswer: r.median_hours == null ? null : Number(Number(r.median_hours).toFixed(1)),
    })),
    topics,
    channels,
  };
}

const MONTH_HEADER = [
  'Tháng',
  'Câu hỏi',
  'Câu trả lời',
  'Ngoài phạm vi',
  '👍',
  '👎',
  'Tỉ lệ 👍',
  'Chuyển cán bộ',
  'Cán bộ đã trả lời',
  'Thời gian trả lời (giờ, trung vị)',
];
const TOPIC_HEADER = ['Tháng', 'Chủ đề', 'Số câu hỏi'];
const CHANNEL_HEADER = ['Tháng', 'Kênh', 'Số câu hỏi'];
const CHANNEL_NAMES: Record<string, string> = {
  web: 'Trang web',
  widget: 'Khung chat trên trang đối tác',
  zalo: 'Zalo Mini App',
  api: 'Hệ thống khác (API)',
  unknown: 'Không rõ',
};

export function tables(r: Report): { name: string; rows: Cell[][] }[] {
  return [
    {
      name: 'Theo tháng',
      rows: [
        MONTH_HEADER,
        ...r.months.map((m) => [
          m.month,
          m.questions,
          m.answers,
          m.outOfScope,
          m.helpful,
          m.notHelpful,
          m.helpfulRatio,
          m.handovers,
          m.handoversAnswered,
          m.medianHoursToAnswer,
        ]),
      ],
    },
    { name: 'Theo chủ đề', rows: [TOPIC_HEADER, ...r.topics.map((t) => [t.month, t.topic, t.count])] },
    { name: 'Theo kênh', rows: [CHANNEL_HEADER, ...r.channels.map((c) => [c.month, CHANNEL_NAMES[c.channel] ?? c.channel, c.count])] },
  ];
}

/** RFC 4180 CSV with a BOM, so Excel opens the Vietnamese as UTF-8; both tables, a blank line between. */
export function toCsv(r: Report): string {
  const cell = (v: Cell) => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${tables(r)
    .map((t) => t.rows.map((row) => row.map(cell).join(',')).join('\r\n'))
    .join('\r\n\r\n')}\r\n`;
}
