import { describe, expect, it } from 'vitest';
import { colorForClient, normaliseUserName, PRESENCE_COLORS, readPresence } from './presence.ts';

describe('readPresence', () => {
  it('reads a well-formed awareness state', () => {
    expect(
      readPresence({
        user: { name: 'Ada', color: '#1971c2' },
        cursor: { x: 10, y: -4 },
        selection: ['a', 'b'],
        drag: { a: { x: 1, y: 2 } },
        viewport: { x: 5, y: 6, zoom: 0.5 },
        lastActive: 1000,
      }),
    ).toEqual({
      user: { name: 'Ada', color: '#1971c2' },
      cursor: { x: 10, y: -4 },
      selection: ['a', 'b'],
      drag: { a: { x: 1, y: 2 } },
      viewport: { x: 5, y: 6, zoom: 0.5 },
      lastActive: 1000,
    });
  });

  it.each([
    ['no user', { cursor: { x: 1, y: 1 } }],
    ['an empty name', { user: { name: '   ', color: '#000000' } }],
    ['a colour that is CSS injection', { user: { name: 'Eve', color: 'red;background:url(x)' } }],
    ['not an object', 'hello'],
  ])('ignores a state with %s', (_name, state) => {
    expect(readPresence(state)).toBeUndefined();
  });

  it('bounds what a hostile peer can make others hold', () => {
    const state = readPresence({
      user: { name: `${'x'.repeat(1000)}\n<script>`, color: '#ffffff' },
      selection: Array.from({ length: 10_000 }, (_, i) => `id${i}`),
      viewport: { x: 0, y: 0, zoom: 1e9 },
    })!;
    expect(state.user.name).toHaveLength(40);
    expect(state.selection).toHaveLength(500);
    expect(state.viewport?.zoom).toBe(1);
    expect(state.cursor).toBeNull();
  });
});

describe('participants', () => {
  it('get a stable colour from their client id', () => {
    expect(colorForClient(3)).toBe(colorForClient(3));
    expect(PRESENCE_COLORS).toContain(colorForClient(123456789));
  });

  it('pick single-line, trimmed names', () => {
    expect(normaliseUserName('  Kim\tMin-ji \n')).toBe('Kim Min-ji');
  });
});
