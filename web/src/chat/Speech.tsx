import { useEffect, useRef, useState } from 'react';
import { citationPlace, documentLabel, type Citation } from '../../shared/api.js';
import './features.css';

/**
 * "Nghe" and "Nói" (issue 18, item 2) for members who read slowly or type with difficulty. Both
 * are feature-detected: a button appears only where the browser can do it — "Nghe" only when a
 * Vietnamese voice is installed (an English voice reading Vietnamese helps nobody).
 */

type RecognitionCtor = new () => {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};

function recognitionCtor(): RecognitionCtor | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return null;
  return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
}

/** Voices load late on Chrome and Android: wait for `voiceschanged`. */
function useVietnameseVoice(): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(vietnameseVoice);
  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const update = () => setVoice(vietnameseVoice());
    window.speechSynthesis.addEventListener?.('voiceschanged', update);
    return () => window.speechSynthesis.removeEventListener?.('voiceschanged', update);
  }, []);
  return voice;
}

/** What is read: the answer without its "[1]" markers, then each source's name. */
export function spokenText(text: string, citations: Citation[]): string[] {
  const body = text
    .replace(/\s?\[\d{1,2}\]/g, '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const c of citations) {
    const s = `${citationPlace(c)} ${c.section?.length && c.document.reference ? c.document.reference : documentLabel(c.document)}`;
    if (!seen.has(s)) sources.push(s);
    seen.add(s);
  }
  return sources.length ? [...body, 'Căn cứ:', ...sources] : body;
}

const RATES = [
  { value: 0.75, label: 'Chậm' },
  { value: 1, label: 'Vừa' },
  { value: 1.25, label: 'Nhanh' },
];

export function ListenButton({ text, citations }: { text: string; citations: Citation[] }) {
  const voice = useVietnameseVoice();
  const [speaking, setSpeaking] = useState(false);
  const [rate, setRate] = useState(1);
  useEffect(() => () => void (speaking && window.speechSynthesis.cancel()), [speaking]);
  if (!voice) return null;

  const speak = (r: number) => {
    const synth = window.speechSynthesis;
    synth.cancel();
    const parts = spokenText(text, citations);
    parts.forEach((p, i) => {
      const u = new SpeechSynthesisUtterance(p);
      u.lang = 'vi-VN';
      u.voice = voice;
      u.rate = r;
      if (i === parts.length - 1) u.onend = () => setSpeaking(false);
      synth.speak(u);
    });
    setSpeaking(true);
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        aria-pressed={speaking}
        onClick={() => {
          if (speaking) {
            window.speechSynthesis.cancel();
            setSpeaking(false);
          } else speak(rate);
        }}
      >
        <span aria-hidden="true">🔊</span> {speaking ? 'Dừng đọc' : 'Nghe'}
      </button>
      {speaking && (
        <label className="speech-rate">
          Tốc độ đọc
          <select
            value={rate}
            onChange={(e) => {
              const r = Number(e.target.value);
              setRate(r);
              speak(r);
            }}
          >
            {RATES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

/** "Nói": fills the question box from speech, where the browser offers recognition. */
export function SpeakButton({ onText, disabled }: { onText: (text: string) => void; disabled?: boolean }) {
  const [ctor] = useState(recognitionCtor);
  const [listening, setListening] = useState(false);
  const [noticed, setNoticed] = useState(false);
  const [error, setError] = useState('');
  const rec = useRef<InstanceType<RecognitionCtor> | null>(null);
  useEffect(() => () => rec.current?.stop(), []);
  if (!ctor) return null;

  const start = () => {
    setError('');
    setNoticed(true);
    const r = new ctor();
    r.lang = 'vi-VN';
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.onresult = (e) => {
      const said = Array.from(e.results)
        .map((res) => res[0]?.transcript ?? '')
        .join(' ')
        .trim();
      if (said) onText(said.normalize('NFC'));
    };
    r.onerror = (e) => setError(e.error === 'not-allowed' ? 'Chị chưa cho phép dùng micro.' : 'Không nghe rõ. Chị hãy thử lại hoặc gõ câu hỏi.');
    r.onend = () => setListening(false);
    rec.current = r;
    r.start();
    setListening(true);
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        aria-pressed={listening}
        disabled={disabled}
        onClick={() => (listening ? rec.current?.stop() : start())}
        data-testid="speak"
      >
        <span aria-hidden="true">🎤</span> {listening ? 'Dừng' : 'Nói'}
      </button>
      {(noticed || listening) && (
        <p className="speech-note" role="status">
          {error ||
            'Giọng nói của chị được trình duyệt gửi tới dịch vụ nhận dạng giọng nói của hãng trình duyệt (Google, Apple) để chuyển thành chữ; Hiểu Luật không lưu âm thanh.'}
        </p>
      )}
    </>
  );
}
