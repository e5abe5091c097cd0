import { syllables } from '../../../ingest/text/vietnamese.js';

/**
 * Several questions in one message, as members post them in a village Zalo group: "Em hỏi 2 việc:
 * 1. ly hôn thì con 2 tuổi ở với ai? 2. chồng có phải gửi tiền nuôi con không?", or a story and then
 * two questions each ending in "?". The whole message is searched and answered as before; each
 * question is also searched on its own (with the story as context), so that the answer states a
 * rule for the questions its first rule does not answer (server/answer/extractive.ts).
 */
export interface AskedSeparately {
  /** What she tells before and between her questions: the context each question is searched with. */
  story: string;
  /** Her questions, in order: two or three. */
  questions: string[];
}

/** A question shorter than this ("Sao vậy?", "Được không?") leans on the sentence before it. */
const MIN_SYLLABLES = 5;
/** More are rare, and the answer must stay short on a phone. */
const MAX_QUESTIONS = 3;

/** "1." "2)" "câu 1:" "ý 2," "thứ nhất" "thứ hai" opening an item. */
const MARKER = /(?:^|[\s:;,.])(?:\d[.)]|(?:câu|ý|cau|y)\s*\d\s*[:.,)]?|thứ\s+(?:nhất|hai|ba)\s*[:,.]?|thu\s+(?:nhat|hai|ba)\s*[:,.]?)\s+/giu;

/** Her questions when there are two or more, each long enough to stand alone; otherwise null. */
export function askedSeparately(message: string): AskedSeparately | null {
  const text = message.normalize('NFC').trim();
  const numbered = byMarkers(text) ?? byQuestionMarks(text);
  if (!numbered) return null;
  const questions = numbered.questions.filter((q) => syllables(q).length >= MIN_SYLLABLES);
  if (questions.length < 2 || questions.length !== numbered.questions.length) return null;
  return { story: numbered.story, questions: questions.slice(0, MAX_QUESTIONS) };
}

function byMarkers(text: string): AskedSeparately | null {
  const marks = [...text.matchAll(MARKER)];
  // The first item is numbered as the first: "thứ hai … thứ ba" without "thứ nhất" are weekdays.
  if (marks.length < 2 || !/1|nhất|nhat/iu.test(marks[0]![0])) return null;
  const story = text.slice(0, marks[0]!.index).trim();
  const questions = marks.map((m, i) =>
    text
      .slice(m.index + m[0].length, marks[i + 1]?.index ?? text.length)
      .trim()
      .replace(/[\s,;]+$/u, ''),
  );
  return { story, questions };
}

function byQuestionMarks(text: string): AskedSeparately | null {
  const sentences = text
    .split(/(?<=[?？])\s*|(?<=[.!…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const questions = sentences.filter((s) => /[?？]$/u.test(s)).map((s) => s.replace(/[?？\s]+$/u, ''));
  if (questions.length < 2) return null;
  const story = sentences.filter((s) => !/[?？]$/u.test(s)).join(' ');
  return { story, questions };
}
