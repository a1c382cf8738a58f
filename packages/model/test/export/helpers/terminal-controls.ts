/**
 * The characters of `text` a terminal acts on, the line break aside: C0 controls, DEL, C1 controls,
 * line separators and bidi controls. A loop over code points, independent of the code under test.
 */
export function terminalControls(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control =
      (code < 0x20 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x200e ||
      code === 0x200f ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    if (control) found.push(char);
  }
  return found;
}
