import type { Welcome } from '../settings-types.js';
import type { Topic } from './topics.js';

interface Props {
  /** What officials set in the console (GET /api/welcome): their questions replace the topic's. */
  official: Welcome;
  topic: Topic;
  onAsk: (question: string) => void;
  disabled?: boolean;
  className: string;
}

/** The questions to start with on the welcome screen; one tap asks it. */
export function StarterQuestions({ official, topic, onAsk, disabled, className }: Props) {
  const fromOfficials = official.suggestions.length > 0;
  return (
    <ul className={className} aria-label={fromOfficials ? 'Câu hỏi gợi ý' : `Câu hỏi gợi ý: ${topic.label}`}>
      {(fromOfficials ? official.suggestions : topic.questions).map((q) => (
        <li key={q}>
          <button type="button" onClick={() => onAsk(q)} disabled={disabled}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
