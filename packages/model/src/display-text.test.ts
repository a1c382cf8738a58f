import { describe, expect, it } from 'vitest';
import { terminalControls } from '../test/export/helpers/terminal-controls.ts';
import { escapeControlCharacters, quoted, terminalText } from './display-text.ts';

describe('escapeControlCharacters', () => {
  it('escapes ESC, BEL, CR, C1 controls and bidi overrides, and nothing else', () => {
    expect(escapeControlCharacters('\u001b[31mred\u0007\r\n\tx\u009b2J\u202egnp.exe')).toBe(
      '\\u001b[31mred\\u0007\\r\\n\\tx\\u009b2J\\u202egnp.exe',
    );
    expect(escapeControlCharacters('주문 접수됨 🚀 Zahlung übermittelt "q" \\')).toBe(
      '주문 접수됨 🚀 Zahlung übermittelt "q" \\',
    );
  });

  it('leaves nothing a terminal acts on, for every code point below U+3000', () => {
    const all = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    expect(terminalControls(escapeControlCharacters(all))).toEqual([]);
    expect(escapeControlCharacters(all)).not.toContain('\n');
  });
});

describe('quoted', () => {
  it('quotes input on one line, escaped', () => {
    expect(quoted('  Payment\n  Requested ')).toBe('"Payment Requested"');
    expect(quoted('a\u001b]0;title\u0007b')).toBe('"a\\u001b]0;title\\u0007b"');
  });

  it('shortens long input to the limit, never splitting an emoji', () => {
    expect(quoted('x'.repeat(10_000))).toBe(`"${'x'.repeat(79)}…"`);
    expect(quoted(`${'x'.repeat(8)}🚀🚀`, 10)).toBe(`"${'x'.repeat(8)}…"`);
    expect(quoted('short', 10)).toBe('"short"');
  });
});

describe('terminalText', () => {
  it('keeps line breaks and escapes the rest', () => {
    expect(terminalText('one\u001b[2J\ntwo\u0007\n')).toBe('one\\u001b[2J\ntwo\\u0007\n');
  });
});
