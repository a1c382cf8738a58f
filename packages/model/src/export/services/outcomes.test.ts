import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoardFile, snapshotFromBoardFile } from '../../index.ts';
import { resolveExportOptions } from '../options.ts';
import type { PayloadProperty } from '../payload.ts';
import { buildExportPlan, type PlanCommand, type PlanEvent } from '../plan.ts';
import { isFailureEvent, outcomesOf } from './outcomes.ts';
import { objectCode, SCAFFOLD_VALUES } from './payload-code.ts';

function bankingPlan() {
  const parsed = parseBoardFile(
    readFileSync(new URL('../../../examples/banking-payments.squall.json', import.meta.url)),
  );
  if (!parsed.ok) throw new Error('banking example does not parse');
  return buildExportPlan(snapshotFromBoardFile(parsed.file), resolveExportOptions({}));
}

const commands = (plan: ReturnType<typeof bankingPlan>): PlanCommand[] =>
  plan.contexts.flatMap((c) => c.owners.flatMap((o) => o.commands));

describe('outcomesOf', () => {
  it('prefers the event with the command verb, then the first event on the timeline after the command', () => {
    const first = new Map(commands(bankingPlan()).map((c) => [c.name.pascal, outcomesOf(c)[0]?.name.pascal]));
    expect(Object.fromEntries(first)).toEqual({
      RequestPayment: 'PaymentRequested',
      CompletePayment: 'PaymentCompleted',
      BlockPayment: 'PaymentBlocked',
      // No verb in common: Fraud Suspected comes first after the command on the timeline.
      CheckPayment: 'FraudSuspected',
      RaiseAlert: 'AlertRaised',
      SendNotification: 'CustomerNotified',
    });
  });
});

describe('isFailureEvent', () => {
  const event = (text: string) => ({ element: { text } }) as PlanEvent;
  it('reads failure words in English, German, Korean and Japanese', () => {
    for (const text of [
      'Payment Declined',
      'Order Cancelled',
      'Zahlung abgelehnt',
      '결제 실패',
      '注文キャンセル',
    ]) {
      expect(isFailureEvent(event(text)), text).toBe(true);
    }
    for (const text of ['Payment Completed', 'Order Placed', '주문 접수됨'])
      expect(isFailureEvent(event(text)), text).toBe(false);
  });
});

describe('objectCode', () => {
  const prop = (key: string, kind: 'string' | 'uuid' | 'number', required = true): PayloadProperty => ({
    key,
    type: { kind },
    required,
  });
  it('copies matching fields, sets the key field to the aggregate id, fills and lists the rest', () => {
    const target = [
      prop('orderId', 'uuid'),
      prop('amount', 'number'),
      prop('note', 'string'),
      prop('label', 'string', false),
    ];
    const source = [prop('amount', 'number'), prop('note', 'number'), prop('label', 'string', false)];
    const { code, placeholders } = objectCode(
      target,
      [{ expression: 'command.data', properties: source }],
      SCAFFOLD_VALUES,
      '',
      'orderId',
    );
    expect(code).toBe(
      "{\n  orderId: context.aggregateId,\n  amount: command.data.amount,\n  note: '',\n  label: command.data.label,\n}",
    );
    expect(placeholders).toEqual(['note']);
  });

  it('sets optional fields named like Object.prototype members, which object literals cannot leave out', () => {
    const { code } = objectCode(
      [prop('toString', 'string', false), prop('other', 'string', false)],
      [],
      SCAFFOLD_VALUES,
      '',
      undefined,
    );
    expect(code).toBe('{\n  toString: undefined,\n}');
  });
});
