import { describe, expect, it } from 'vitest';
import { memoByText } from '../server/answer/memo.js';

describe('memoByText', () => {
  it('computes each kept text once and forgets the oldest beyond its bound', () => {
    const calls: string[] = [];
    const upper = memoByText((t: string) => {
      calls.push(t);
      return t.toUpperCase();
    }, 2);
    expect(upper('a')).toBe('A');
    expect(upper('b')).toBe('B');
    expect(upper('a')).toBe('A');
    expect(calls).toEqual(['a', 'b']);
    // A third text pushes out the first one stored.
    expect(upper('c')).toBe('C');
    expect(upper('b')).toBe('B');
    expect(upper('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
