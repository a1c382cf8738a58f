import { describe, expect, it } from 'vitest';
import { baseName, NameScope } from './name-scope.ts';
import { nameWords, topicSegments } from './names.ts';

const event = (text: string, codeName = '', id = 'evt-1') => ({
  id,
  kind: 'domainEvent' as const,
  text,
  codeName,
});

describe('nameWords', () => {
  it('splits English text and camel humps into lowercase words', () => {
    expect(nameWords('Payment Requested').words).toEqual(['payment', 'requested']);
    expect(nameWords('SMSSent orderID paymentRequested').words).toEqual([
      'sms',
      'sent',
      'order',
      'id',
      'payment',
      'requested',
    ]);
    expect(nameWords('IoT reading').words).toEqual(['iot', 'reading']);
    // camelCase field names come back unchanged as camelCase keys.
    expect(nameWords('setPointC').words).toEqual(['set', 'point', 'c']);
    expect(baseName({ id: 'f', kind: 'field', text: 'measuredC', codeName: '' }).camel).toBe('measuredC');
  });

  it('transliterates Korean word by word and says so', () => {
    expect(nameWords('주문 접수됨')).toEqual({
      words: ['jumun', 'jeobsudoem'],
      transliterated: true,
      han: false,
    });
  });

  it('flags Han characters (Mandarin readings) for review', () => {
    const words = nameWords('支払い完了');
    expect(words.han).toBe(true);
    expect(words.words.join('')).toMatch(/^[a-z0-9]+$/);
  });

  it('normalises decomposed text before transliterating', () => {
    expect(nameWords('U\u0308berweisung').words).toEqual(nameWords('Überweisung').words);
    expect(nameWords('Überweisung storniert').words).toEqual(['uberweisung', 'storniert']);
  });

  it('topic segments keep dots and kebab-case the parts', () => {
    expect(topicSegments('Team Alpha.Fraud Detection')).toBe('team-alpha.fraud-detection');
    expect(topicSegments('..')).toBe('');
  });
});

describe('baseName', () => {
  it('prefers the code name over the text', () => {
    expect(baseName(event('주문 접수됨', 'OrderPlaced')).pascal).toBe('OrderPlaced');
    expect(baseName(event('주문 접수됨')).pascal).toBe('JumunJeobsudoem');
  });

  it('gives empty and symbol-only stickies the kind and a short id', () => {
    expect(baseName(event('', '', 'Ab-12_xyz')).pascal).toBe('EventAb12xy');
    expect(baseName(event('🚀 !!', '', 'q')).kebab).toBe('event-q');
  });

  it('never starts with a digit and never shadows a global type', () => {
    expect(baseName(event('1st payment')).pascal).toBe('Event1stPayment');
    expect(baseName(event('Object')).pascal).toBe('ObjectEvent');
    expect(baseName(event('Promise')).pascal).toBe('PromiseEvent');
    expect(baseName({ id: 'f', kind: 'field', text: '2nd line', codeName: '' }).camel).toBe('field2ndLine');
    // Reserved words are fine as property names, so fields keep them.
    expect(baseName({ id: 'f', kind: 'field', text: 'class', codeName: '' }).camel).toBe('class');
  });
});

describe('NameScope', () => {
  it('resolves collisions (ignoring case) in claim order and marks them', () => {
    const scope = new NameScope();
    const first = scope.claim(event('Payment Event'));
    const second = scope.claim(event('payment event'));
    const third = scope.claim(event('PaymentEvent'));
    expect([first.pascal, second.pascal, third.pascal]).toEqual([
      'PaymentEvent',
      'PaymentEvent2',
      'PaymentEvent3',
    ]);
    expect([first.collided, second.collided]).toEqual([false, true]);
    expect(second.kebab).toBe('payment-event-2');
  });

  it('claims derived names too, so `PaymentRequested` + `Schema` cannot clash with an event of that name', () => {
    const scope = new NameScope(['index']);
    scope.claim(event('Payment Requested'), ['', 'Schema']);
    expect(scope.claim(event('Payment Requested Schema'), ['', 'Schema']).pascal).toBe(
      'PaymentRequestedSchema2',
    );
    expect(scope.claim(event('Index'), ['']).pascal).toBe('Index2');
  });
});
