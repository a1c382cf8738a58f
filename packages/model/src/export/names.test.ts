import { describe, expect, it } from 'vitest';
import { baseName, NameScope } from './name-scope.ts';
import {
  boardFileName,
  MAX_CODE_NAME_LENGTH,
  nameWords,
  shortenName,
  shortHash,
  topicPrefixName,
  topicSegments,
} from './names.ts';

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

/** ~300 characters, as people paste sentences onto stickies in the chaotic phase. */
const SENTENCE =
  'Customer requested a refund after the parcel arrived damaged and the courier confirmed the damage on the delivery note, so the support agent escalated the case to the claims team who approved the refund within two working days and notified the customer by e-mail and SMS with the reference number';

describe('long names', () => {
  it('cut at a word boundary, with a short stable hash of the element id', () => {
    expect(SENTENCE.length).toBeGreaterThan(290);
    const name = baseName(event(SENTENCE, '', 'evt-refund'));
    expect(name.shortened).toBe(true);
    expect(name.kebab).toBe(
      `customer-requested-a-refund-after-the-parcel-arrived-${shortHash('evt-refund')}`,
    );
    expect(name.kebab.length).toBeLessThanOrEqual(MAX_CODE_NAME_LENGTH);
    expect(name.pascal).toMatch(/^CustomerRequestedARefundAfterTheParcelArrived[0-9A-Z][0-9a-z]{5}$/);
    expect(shortHash('evt-refund')).toMatch(/^[0-9a-z]{6}$/);
  });

  it('stay the same while the text beyond the cut changes, and differ between elements', () => {
    const a = baseName(event(SENTENCE, '', 'evt-a'));
    const edited = baseName(event(`${SENTENCE} (edited)`, '', 'evt-a'));
    const other = baseName(event(SENTENCE, '', 'evt-b'));
    expect(edited.kebab).toBe(a.kebab);
    expect(other.kebab).not.toBe(a.kebab);
    expect(other.kebab.slice(0, -6)).toBe(a.kebab.slice(0, -6));
  });

  it('cut inside a word only when the first word alone is too long', () => {
    expect(shortenName('x'.repeat(300), 'id')).toBe(`${'x'.repeat(53)}-${shortHash('id')}`);
    expect(shortenName('ab-cd', 'id')).toBe('ab-cd');
    expect(shortenName(`${'a'.repeat(20)}.${'b'.repeat(50)}`, 'id')).toBe(
      `${'a'.repeat(20)}-${shortHash('id')}`,
    );
  });

  it('apply to Hangul and emoji text, fields, topic prefixes and board names', () => {
    const hangul = baseName(event('고객이 파손된 소포를 받은 후 환불을 요청했고 '.repeat(20), '', 'evt-k'));
    expect(hangul.kebab).toMatch(/^gogaegi-pasondoen-/);
    expect(hangul.kebab.length).toBeLessThanOrEqual(MAX_CODE_NAME_LENGTH);
    const emoji = baseName(event('🚀'.repeat(5_000), '', 'evt-e'));
    expect(emoji.kebab).toBe('event-evte');
    const field = baseName({ id: '1', kind: 'field', text: SENTENCE.slice(0, 200), codeName: '' });
    expect([field.shortened, field.camel.length <= MAX_CODE_NAME_LENGTH]).toEqual([true, true]);
    // A field has no id of its own: its full text tells two long names apart.
    const other = baseName({ id: '2', kind: 'field', text: `${SENTENCE.slice(0, 199)}s`, codeName: '' });
    expect(other.camel.slice(0, -6)).toBe(field.camel.slice(0, -6));
    expect(other.camel).not.toBe(field.camel);
    expect(baseName({ id: '9', kind: 'field', text: SENTENCE.slice(0, 200), codeName: '' }).camel).toBe(
      field.camel,
    );
    expect(topicPrefixName(`Team.${'Fraud Detection '.repeat(20)}`, 'ctx-1').length).toBeLessThanOrEqual(
      MAX_CODE_NAME_LENGTH,
    );
    expect(topicPrefixName('Team.Alpha', 'ctx-1')).toBe('team.alpha');
    expect(boardFileName('Q3 planning '.repeat(16)).length).toBeLessThanOrEqual(MAX_CODE_NAME_LENGTH);
    expect(boardFileName('Banking payments')).toBe('banking-payments');
    expect(boardFileName('!!!')).toBe('board');
  });

  it('a long code name is shortened like a long text', () => {
    const name = baseName(
      event('Refund', 'refundRequestedAfterTheParcelArrivedDamagedAndTheCourierConfirmedIt', 'e1'),
    );
    expect(name.shortened).toBe(true);
    expect(name.pascal.startsWith('RefundRequestedAfterTheParcelArrivedDamaged')).toBe(true);
  });
});
