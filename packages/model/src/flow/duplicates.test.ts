import { describe, expect, it } from 'vitest';
import { findDuplicates, normaliseName } from './duplicates.ts';
import { testElement } from './testElements.ts';

describe('normaliseName', () => {
  it.each([
    ['Payment Requested', 'payment requested'],
    ['Payment-Requested!', 'payment requested'],
    ['  payment\trequested\n', 'PAYMENT REQUESTED'],
    ['PaymentRequested', 'payment_requested'],
    ['ＰＡＹＭＥＮＴ　ＲＥＱＵＥＳＴＥＤ', 'Payment Requested'], // full-width letters and space
    ['Order #１２', 'order 12'], // full-width digits
    ['Straße gesperrt', 'STRASSE GESPERRT'],
    ['결제 요청됨', '결제요청됨'], // Korean spacing varies
    ['결제 요청됨.', '결제 요청됨'],
    ['\u1100\u1161\u11a8', '각'], // conjoining jamo (decomposed Hangul, e.g. from macOS) → composed syllable
    ['ﾊﾟｽﾜｰﾄﾞ', 'パスワード'], // half-width katakana
    ['Café', 'Cafe\u0301'], // composed vs. combining accent
  ])('"%s" matches "%s"', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
    expect(normaliseName(a)).not.toBe('');
  });

  it.each([
    ['Payment Requested', 'Payment Rejected'],
    ['결제 요청됨', '결제 취소됨'],
    ['Café', 'Cafe'],
    ['Order 1', 'Order 2'],
  ])('"%s" does not match "%s"', (a, b) => {
    expect(normaliseName(a)).not.toBe(normaliseName(b));
  });
});

describe('findDuplicates', () => {
  it('groups events and commands separately, in board order, first note first; ignores empty notes', () => {
    const elements = [
      testElement('e3', 'domainEvent', 900, 0, { text: 'payment requested' }),
      testElement('e1', 'domainEvent', 100, 0, { text: 'Payment Requested' }),
      testElement('c1', 'command', 50, 300, { text: 'Payment requested' }),
      testElement('e2', 'domainEvent', 500, 0, { text: 'Payment-Requested' }),
      testElement('k1', 'domainEvent', 0, 500, { text: '주문 접수됨' }),
      testElement('k2', 'domainEvent', 700, 500, { text: '주문접수됨' }),
      testElement('p1', 'policy', 0, 0, { text: 'Payment Requested' }),
      testElement('x1', 'domainEvent', 0, 900, { text: '  ' }),
      testElement('x2', 'domainEvent', 10, 900, { text: '!' }),
      testElement('c2', 'command', 800, 300, { text: 'Request Payment' }),
    ];
    const groups = findDuplicates(elements);
    expect(groups.map((group) => group.elements.map((element) => element.id))).toEqual([
      ['k1', 'k2'],
      ['e1', 'e2', 'e3'],
    ]);
    expect(groups[1]).toMatchObject({ kind: 'domainEvent', name: 'paymentrequested' });
  });

  it('looks only within a set of ids when given one', () => {
    const elements = [
      testElement('a', 'command', 0, 0, { text: 'Pay' }),
      testElement('b', 'command', 200, 0, { text: 'pay' }),
      testElement('c', 'command', 400, 0, { text: 'PAY' }),
    ];
    expect(findDuplicates(elements, new Set(['b', 'c']))[0]?.elements.map((e) => e.id)).toEqual(['b', 'c']);
    expect(findDuplicates(elements, new Set(['c']))).toEqual([]);
  });
});
