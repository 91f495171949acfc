/** Report building is linear: code frames of many findings on one line do work proportional to the line. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@kernel-secrets/core';
import { FrameBuilder } from '../src/scan/code-frame.js';

describe('code frames', () => {
  it('2,000 findings on one line visit each span a bounded number of times', () => {
    const token = 'x'.repeat(60);
    const count = 2000;
    const text = `{${Array.from({ length: count }, (_, i) => `"k${i}":"${token}"`).join(',')}}`;
    const spans: { offset: number; endOffset: number }[] = [];
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) {
      spans.push({ offset: at, endOffset: at + token.length });
    }
    expect(spans).toHaveLength(count);
    const frames = new FrameBuilder(new LineIndex(text), spans);
    for (const s of spans) {
      const frame = frames.frame(s);
      expect(frame[0]!.text).not.toContain('x'.repeat(8));
    }
    // Index once (one visit per span) and mask the line once (one more): not findings × spans.
    expect(frames.work).toBeLessThanOrEqual(2 * count);
  });
});
