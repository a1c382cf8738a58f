import { describe, expect, it } from 'vitest';
import { boardFileUrl, isUrl } from './board-url.ts';

describe('boardFileUrl', () => {
  it('turns a board address into its file endpoint, keeping a base path and the share token', () => {
    expect(boardFileUrl('http://127.0.0.1:8080/b/abc123').href).toBe(
      'http://127.0.0.1:8080/api/boards/abc123/file',
    );
    expect(boardFileUrl('https://squall.example.com/team/b/abc_12-x/?token=t0k&view=1').href).toBe(
      'https://squall.example.com/team/api/boards/abc_12-x/file?token=t0k',
    );
  });

  it('refuses what is not a board URL, with the reason', () => {
    expect(() => boardFileUrl('ftp://host/b/abc')).toThrow('only http and https');
    expect(() => boardFileUrl('http://host/boards/abc')).toThrow('is not a board URL');
    expect(() => boardFileUrl('http://')).toThrow('is not a valid URL');
  });

  it('tells URLs from file paths', () => {
    expect(isUrl('https://host/b/x')).toBe(true);
    expect(isUrl('C:\\boards\\x.squall.json')).toBe(false);
    expect(isUrl('./boards/x.squall.json')).toBe(false);
  });
});
