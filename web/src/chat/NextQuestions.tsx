import type { NextQuestion } from '../../shared/api.js';
import './features.css';

interface Props {
  questions: NextQuestion[];
  onAsk: (question: string) => void;
  disabled?: boolean;
}

/**
 * "Chị có thể hỏi tiếp": two or three questions members typically ask about the neighbouring
 * articles (server/chat/suggest.ts). One tap sends it, so a member who types with difficulty can
 * go on without typing.
 */
export function NextQuestions({ questions, onAsk, disabled }: Props) {
  if (!questions.length) return null;
  return (
    <nav className="next-questions" aria-label="Câu hỏi tiếp theo" data-testid="next-questions">
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
