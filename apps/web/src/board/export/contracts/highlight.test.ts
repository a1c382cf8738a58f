import { describe, expect, it } from 'vitest';
import { highlight, MAX_HIGHLIGHTED_LENGTH, previewLanguage } from './highlight.ts';

const kinds = (text: string, language: Parameters<typeof highlight>[1]) =>
  highlight(text, language)
    .filter((token) => token.kind !== 'plain')
    .map((token) => `${token.kind}:${token.text}`);

describe('highlight', () => {
  it('marks TypeScript comments, keywords, strings and numbers, and loses no character', () => {
    const source =
      "/** Paid */\nexport interface PaymentPaid {\n  amount: number; // cents\n}\nconst t = 'a\\'b';\nconst n = 42;\n";
    expect(kinds(source, 'typescript')).toEqual([
      'comment:/** Paid */',
      'keyword:export',
      'keyword:interface',
      'keyword:number',
      'comment:// cents',
      'keyword:const',
      "string:'a\\'b'",
      'keyword:const',
      'number:42',
    ]);
    expect(
      highlight(source, 'typescript')
        .map((token) => token.text)
        .join(''),
    ).toBe(source);
  });

  it('tells JSON keys from string values', () => {
    expect(kinds('{"name": "acme.sales", "partitions": 3}', 'json')).toEqual([
      'key:"name"',
      'string:"acme.sales"',
      'key:"partitions"',
      'number:3',
    ]);
  });

  it('marks YAML keys and comments', () => {
    expect(kinds('# topics\nmetadata:\n  name: acme.order.events\n  - partitions: 6\n', 'yaml')).toEqual([
      'comment:# topics',
      'key:metadata',
      'key:  name',
      'key:  - partitions',
      'number:6',
    ]);
  });

  it('keeps markup in sticky text as plain characters', () => {
    const tokens = highlight('/** <img src=x onerror=alert(1)> */', 'typescript');
    expect(tokens).toEqual([{ kind: 'comment', text: '/** <img src=x onerror=alert(1)> */' }]);
  });

  it('shows very large files plain', () => {
    const big = 'const a = 1;\n'.repeat(MAX_HIGHLIGHTED_LENGTH / 10);
    expect(highlight(big, 'typescript')).toEqual([{ kind: 'plain', text: big }]);
  });

  it('picks the language from the path', () => {
    expect(previewLanguage('typescript/payments/payment.ts')).toBe('typescript');
    expect(previewLanguage('topics/strimzi-topics.yaml')).toBe('yaml');
    expect(previewLanguage('topics/kafka-topics.tf')).toBe('hcl');
    expect(previewLanguage('README.md')).toBe('markdown');
  });
});
