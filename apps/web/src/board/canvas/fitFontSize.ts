const MAX_FONT = 18;
const MIN_FONT = 9;
const PADDING = 12;
const LINE_HEIGHT = 1.2;

/** Wide characters (CJK, Hangul, emoji) take about a full em; Latin letters about half. */
function charWidth(codePoint: number): number {
  return codePoint >= 0x1100 ? 1 : 0.55;
}

function linesNeeded(text: string, fontSize: number, width: number): number {
  const perLine = width / fontSize;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const char of paragraph) {
      const w = charWidth(char.codePointAt(0)!);
      if (used + w > perLine) {
        count++;
        used = 0;
      }
      used += w;
    }
    lines += count;
  }
  return lines;
}

/**
 * The font size that lets a sticky's text fit its box, like a person writing smaller on a full note:
 * the largest size from 18 px down to 9 px whose estimated wrapped lines fit the height.
 */
export function fitFontSize(text: string, width: number, height: number): number {
  const innerWidth = Math.max(1, width - PADDING * 2);
  const innerHeight = Math.max(1, height - PADDING * 2);
  for (let size = MAX_FONT; size > MIN_FONT; size--) {
    if (linesNeeded(text, size, innerWidth) * size * LINE_HEIGHT <= innerHeight) return size;
  }
  return MIN_FONT;
}
