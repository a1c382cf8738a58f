import { describe, expect, it } from 'vitest';
import { refusalOf } from './BoardNotFound.tsx';

describe('refusalOf', () => {
  it.each([
    [4404, 'missing'],
    [4410, 'missing'],
    [4400, 'missing'],
    [4401, 'no-access'],
    [401, 'no-access'],
    [403, 'no-access'],
    [4403, 'link-rotated'],
    [4413, 'over-limit'],
    [4422, 'refused'],
    [4429, 'refused'],
  ])('close code %i means %s', (code, refusal) => {
    expect(refusalOf(code)).toBe(refusal);
  });
});
