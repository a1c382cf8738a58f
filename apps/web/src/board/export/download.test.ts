import { describe, expect, it } from 'vitest';
import { fileNameFor } from './download.ts';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('fileNameFor', () => {
  it('keeps a readable name and drops path characters', () => {
    expect(fileNameFor('Payments / Refunds: v2', '.svg')).toBe('Payments Refunds v2.svg');
    expect(fileNameFor('  \t ', '.png')).toBe('board.png');
  });

  it('keeps the longest board name under 255 bytes, whole characters only', () => {
    const korean = fileNameFor('결제'.repeat(100), '.squall.json');
    expect(bytes(korean)).toBeLessThanOrEqual(255);
    expect(korean.startsWith('결제결제')).toBe(true);
    const emoji = fileNameFor('🌀'.repeat(200), '.svg');
    expect(bytes(emoji)).toBeLessThanOrEqual(255);
    // 4 bytes each: 62 of them and the extension fill 252 of the 255 bytes.
    expect(emoji).toBe(`${'🌀'.repeat(62)}.svg`);
  });
});
