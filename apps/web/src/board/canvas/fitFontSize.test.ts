import { describe, expect, it } from 'vitest';
import { fitFontSize } from './fitFontSize.ts';

describe('fitFontSize', () => {
  it('keeps short text at full size', () => {
    expect(fitFontSize('Payment Requested', 140, 140)).toBe(18);
  });

  it('shrinks as the text grows, never below the minimum', () => {
    const medium = fitFontSize('Payment requested by the customer for an order with several items', 140, 140);
    const long = fitFontSize('word '.repeat(200), 140, 140);
    expect(medium).toBeLessThan(18);
    expect(long).toBeLessThanOrEqual(medium);
    expect(long).toBe(9);
  });

  it('counts Korean and Japanese characters as wide', () => {
    const latin = fitFontSize('a'.repeat(40), 140, 140);
    const korean = fitFontSize('결'.repeat(40), 140, 140);
    expect(korean).toBeLessThan(latin);
  });

  it('counts explicit line breaks', () => {
    expect(fitFontSize('a\nb\nc\nd\ne\nf', 140, 140)).toBeLessThan(fitFontSize('a b c d e f', 140, 140));
  });
});
