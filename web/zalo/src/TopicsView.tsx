import { useEffect, useRef, useState } from 'react';
import { List, Tabs } from 'zmp-ui';
import { TOPICS } from '../../shared/chat/topics.js';
import { ChevronIcon } from './icons.js';

const PRESENTATION = { role: 'presentation' };

/** The same topics and suggested questions as the web chat; a tap asks the question. */
export function TopicsView({ ask, busy }: { ask: (q: string) => void; busy: boolean }) {
  const [active, setActive] = useState(TOPICS[0]!.id);
  const ref = useRef<HTMLElement>(null);
  // zmp-ui renders role="tab" items without a tablist around them; screen readers need one.
  useEffect(() => {
    ref.current?.querySelector('[role="tab"]')?.parentElement?.setAttribute('role', 'tablist');
  }, []);
  return (
    <section className="hl-topics" aria-labelledby="hl-topics-title" ref={ref}>
      <h2 id="hl-topics-title" className="hl-section-title">
        Câu hỏi theo chủ đề
      </h2>
      <Tabs scrollable activeKey={active} onChange={setActive} id="hl-topic-tabs">
        {TOPICS.map((t) => (
          <Tabs.Tab key={t.id} label={t.label}>
            {/* zmp-ui's items are role="presentation": the list is a column of buttons, not a list. */}
            <List className="hl-questions" {...PRESENTATION}>
              {t.questions.map((q) => (
                <List.Item key={q} suffix={<ChevronIcon />}>
                  <button type="button" className="hl-question" disabled={busy} onClick={() => ask(q)}>
                    {q}
                  </button>
                </List.Item>
              ))}
            </List>
          </Tabs.Tab>
        ))}
      </Tabs>
    </section>
  );
}
