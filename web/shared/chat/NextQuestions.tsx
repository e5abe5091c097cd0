import type { NextQuestion } from '../api.js';

interface Props {
  questions: NextQuestion[];
  onAsk: (question: string) => void;
  disabled?: boolean;
  /** Each face styles it its own way (web: "next-questions", Zalo: "hl-next-questions"). */
  className?: string;
}

/**
 * "Chị có thể hỏi tiếp": two or three questions members typically ask about the neighbouring
 * articles (server/chat/suggest.ts). One tap sends it, so a member who types with difficulty can
 * go on without typing. Plain buttons, the same in every face: only the class differs.
 */
export function NextQuestions({ questions, onAsk, disabled, className = 'next-questions' }: Props) {
  if (!questions.length) return null;
  return (
    <nav className={className} aria-label="Câu hỏi tiếp theo" data-testid="next-questions">
      <h2>Chị có thể hỏi tiếp</h2>
      <ul>
        {questions.map((q) => (
          <li key={q.text}>
            <button type="button" disabled={disabled} onClick={() => onAsk(q.text)}>
              {q.text}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
