import { describe, expect, it } from 'vitest';
import { matchRoute } from './routing.ts';

describe('matchRoute', () => {
  it('matches the home page and board pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/b/abc123')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(matchRoute('/b/abc123/')).toEqual({ page: 'board', boardId: 'abc123' });
  });

  it('matches nothing else', () => {
    expect(matchRoute('/b/')).toBeUndefined();
    expect(matchRoute('/elsewhere')).toBeUndefined();
  });
});
