import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST_FILE } from '../../src/cli/export-manifest.ts';
import { MODEL_ROOT, REPO_ROOT, scratchDir } from './helpers/boards.ts';

const run = promisify(execFile);
const dir = scratchDir('services-reexport');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(MODEL_ROOT, 'bin', 'squall.mjs');
const BANKING = join(MODEL_ROOT, 'examples', 'banking-payments.squall.json');
const PAYMENT = 'services/payments-service/src/aggregates/payment';

async function squall(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, ...args], { cwd: dir });
}

async function typeErrors(root: string): Promise<string[]> {
  try {
    await run(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsc'),
      ['-p', 'services/tsconfig.json', '--pretty', 'false'],
      {
        cwd: root,
      },
    );
    return [];
  } catch (error) {
    return (error as { stdout: string }).stdout.split('\n').filter((line) => line.includes('error TS'));
  }
}

interface BoardJson {
  elements: Array<Record<string, unknown> & { id: string }>;
  connections: Array<{ id: string; source: string; target: string }>;
}

/** The banking board with one more event of Payment, which also feeds the payment status. */
function bankingWithRefund(): string {
  const json = JSON.parse(readFileSync(BANKING, 'utf8')) as BoardJson;
  const blocked = json.elements.find((element) => element.id === 'evt-payment-blocked')!;
  json.elements.push({
    ...blocked,
    id: 'evt-payment-refunded',
    text: 'Payment Refunded',
    position: { x: 1400, y: 400 },
    fields: [{ id: 'f-refund-1', name: 'paymentId', type: { kind: 'uuid' }, required: true }],
  });
  json.connections.push(
    { id: 'c-refund-1', source: 'agg-payment', target: 'evt-payment-refunded' },
    { id: 'c-refund-2', source: 'evt-payment-refunded', target: 'rm-payment-status' },
  );
  const path = join(dir, 'refund.squall.json');
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('services survive re-export', { timeout: 120_000 }, () => {
  it("keeps the developer's edits, reports what the board changed in their files, stubs the new event", async () => {
    const out = join(dir, 'out');
    const first = await squall('export', BANKING, '--only', 'services', '--out', 'out');
    expect(first.stdout).toMatch(/^Wrote \d+ files for "Banking payments"/m);
    const manifest = JSON.parse(readFileSync(join(out, EXPORT_MANIFEST_FILE), 'utf8')) as {
      files: string[];
      developerFiles: Record<string, string[]>;
    };
    expect(manifest.developerFiles[`${PAYMENT}/evolve.ts`]).toEqual([
      'event PaymentRequested',
      'event PaymentCompleted',
      'event PaymentBlocked',
    ]);
    expect(manifest.files).toContain(`${PAYMENT}/handler.ts`);
    expect(manifest.files).not.toContain(`${PAYMENT}/decide.ts`);

    // The developer's rule: a blocked payment is never completed.
    const decidePath = join(out, PAYMENT, 'decide.ts');
    const rule =
      "    case 'CompletePayment': {\n      if (state.status === 'paymentBlocked') throw new Error('a blocked payment is never completed');\n";
    writeFileSync(
      decidePath,
      readFileSync(decidePath, 'utf8').replace("    case 'CompletePayment': {\n", rule),
    );
    const handlerBefore = readFileSync(join(out, PAYMENT, 'handler.ts'), 'utf8');
    writeFileSync(join(out, PAYMENT, 'handler.ts'), `${handlerBefore}// an edit in a generated file\n`);

    const second = await squall('export', bankingWithRefund(), '--only', 'services', '--out', 'out');
    expect(readFileSync(decidePath, 'utf8')).toContain(rule);
    // Generated files are the generator's: the edit there is gone.
    expect(readFileSync(join(out, PAYMENT, 'handler.ts'), 'utf8')).not.toContain(
      'an edit in a generated file',
    );
    expect(readFileSync(join(out, 'typescript/payments/payment.ts'), 'utf8')).toContain(
      'export interface PaymentRefunded',
    );
    const lines = second.stdout.split('\n');
    expect(lines).toContain(
      `kept     ${PAYMENT}/evolve.ts (yours): the board now also has event PaymentRefunded`,
    );
    expect(lines).toContain(
      'kept     services/payments-service/src/read-models/payment-status/project.ts (yours): the board now also has event PaymentRefunded',
    );
    expect(second.stdout).toContain('case Payments.PaymentRefundedType:');
    expect(second.stdout).toMatch(/kept \d+ of your files as they are/);

    // The new event does not compile in the developer's switches until handled: that is the point.
    const errors = await typeErrors(out);
    expect(errors.length).toBe(2);
    expect(errors.map((line) => line.slice(0, line.indexOf('('))).sort()).toEqual([
      `${PAYMENT}/evolve.ts`,
      'services/payments-service/src/read-models/payment-status/project.ts',
    ]);

    // Pasting the stubs the export printed makes it compile again.
    const stubs = second.stdout.split(/^kept {5}/m).slice(1);
    for (const block of stubs) {
      const [head, ...code] = block.split('\n');
      const file = join(out, head!.slice(0, head!.indexOf(' (yours)')));
      const stub = code.filter((line) => line.startsWith('           ')).map((line) => line.slice(11));
      const source = readFileSync(file, 'utf8');
      writeFileSync(file, source.replace('    default:\n', `${stub.join('\n')}\n    default:\n`));
    }
    expect(await typeErrors(out)).toEqual([]);
  });
});
