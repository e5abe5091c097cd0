import { redact } from '../privacy/redact.js';
import type { Services } from '../services.js';

/** The question a member asked just before an answer. */
const PRECEDING_QUESTION = `(select u.content from messages u
    where u.conversation_id = m.conversation_id and u.id < m.id and u.role = 'user' order by u.id desc limit 1)`;

/**
 * What members asked about and where the assistant fell short over the last `days`: counts, the
 * topics, refused questions and answers marked unhelpful. Only question text with phone numbers,
 * e-mails and ID numbers removed, topics, comments and times: no conversation ids, names or IPs.
 */
export async function insightsOverview(s: Pick<Services, 'db'>, q: { days: number; limit: number }) {
  const { days, limit } = q;
  const totals = (
    await s.db.query<Record<string, number>>(
      `select
         (select count(*)::int from messages where role = 'user' and created_at > now() - make_interval(days => $1)) as questions,
         (select count(*)::int from messages where role = 'assistant' and created_at > now() - make_interval(days => $1)) as answers,
         (select count(*)::int from messages where role = 'assistant' and kind = 'out_of_scope' and created_at > now() - make_interval(days => $1)) as "outOfScope",
         (select count(*)::int from feedback where rating = 1 and created_at > now() - make_interval(days => $1)) as helpful,
         (select count(*)::int from feedback where rating = -1 and created_at > now() - make_interval(days => $1)) as "notHelpful",
         (select count(*)::int from handover where state = 'pending') as "handoverPending"`,
      [days],
    )
  ).rows[0]!;
  // One topic per answered question: the answer row carries the topic the question was classed under.
  const topics = (
    await s.db.query<{ topic: string; count: number }>(
      `select topic, count(*)::int as count from messages
        where role = 'assistant' and topic is not null and created_at > now() - make_interval(days => $1)
        group by topic order by count desc, topic limit 20`,
      [days],
    )
  ).rows;
  const outOfScope = (
    await s.db.query<{ question: string | null; topic: string | null; at: string | Date }>(
      `select ${PRECEDING_QUESTION} as question, m.topic, m.created_at as at from messages m
        where m.role = 'assistant' and m.kind = 'out_of_scope' and m.created_at > now() - make_interval(days => $1)
        order by m.id desc limit $2`,
      [days, limit],
    )
  ).rows;
  const disliked = (
    await s.db.query<{ question: string | null; answer: string; comment: string | null; topic: string | null; at: string | Date }>(
      `select ${PRECEDING_QUESTION} as question, m.content as answer, f.comment, m.topic, f.created_at as at
         from feedback f join messages m on m.id = f.message_id
        where f.rating = -1 and f.created_at > now() - make_interval(days => $1)
        order by f.id desc limit $2`,
      [days, limit],
    )
  ).rows;
  return {
    days,
    totals,
    topics,
    outOfScope: outOfScope.filter((r) => r.question).map((r) => ({ question: redact(r.question!), topic: r.topic, at: new Date(r.at).toISOString() })),
    disliked: disliked.map((r) => ({
      question: r.question ? redact(r.question) : null,
      answerExcerpt: redact(r.answer.length > 300 ? `${r.answer.slice(0, 300)}…` : r.answer),
      comment: r.comment ? redact(r.comment) : null,
      topic: r.topic,
      at: new Date(r.at).toISOString(),
    })),
  };
}
