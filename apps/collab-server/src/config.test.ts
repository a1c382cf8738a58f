import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults DATA_DIR to ./data under the working directory and the web build next to the server', () => {
    const config = readConfig({}, '/repo', '/repo/apps/collab-server/dist');
    expect(config.port).toBe(DEFAULT_PORT);
    expect(config.dataDir).toBe(path.resolve('/repo/data'));
    expect(config.webDist).toBe(path.resolve('/repo/apps/web/dist'));
    expect(config.maxMessageBytes).toBe(2 * 1024 * 1024);
  });

  it('reads overrides', () => {
    const config = readConfig(
      {
        PORT: '8080',
        DATA_DIR: 'state',
        WEB_DIST: '/srv/web',
        MAX_CONNECTIONS_PER_BOARD: '5',
        LOG_LEVEL: 'warn',
      },
      '/repo',
      '/repo/apps/collab-server/dist',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: path.resolve('/repo/state'),
      webDist: '/srv/web',
      maxConnectionsPerBoard: 5,
      logLevel: 'warn',
    });
  });

  it('takes DATABASE_URL and REDIS_URL for a cluster, and refuses a relay without a shared database', () => {
    const single = readConfig({}, '/', '/');
    expect(single).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
    expect(single.instanceId).not.toBe(readConfig({}, '/', '/').instanceId);
    const cluster = readConfig(
      { DATABASE_URL: 'postgres://db/squall', REDIS_URL: 'redis://cache:6379', INSTANCE_ID: 'a' },
      '/',
      '/',
    );
    expect(cluster).toMatchObject({
      databaseUrl: 'postgres://db/squall',
      redisUrl: 'redis://cache:6379',
      instanceId: 'a',
    });
    expect(() => readConfig({ REDIS_URL: 'redis://cache' }, '/', '/')).toThrow(
      /REDIS_URL needs DATABASE_URL/,
    );
    expect(() => readConfig({ DATABASE_URL: 'mysql://db' }, '/', '/')).toThrow(
      /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    );
    expect(() => readConfig({ DATABASE_URL: 'postgres://db', REDIS_URL: 'http://x' }, '/', '/')).toThrow(
      /REDIS_URL must be a URL/,
    );
  });

  it('refuses values that are not what they claim to be, naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' }, '/', '/')).toThrow(ConfigError);
    expect(() => readConfig({ PORT: '70000' }, '/', '/')).toThrow(
      /PORT must be an integer between 0 and 65535/,
    );
    expect(() => readConfig({ MAX_MESSAGE_BYTES: '1.5' }, '/', '/')).toThrow(/MAX_MESSAGE_BYTES/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' }, '/', '/')).toThrow(/LOG_LEVEL/);
  });

  it('reads the access and limit settings, refusing a short secret and malformed origins', () => {
    const config = readConfig(
      {
        ALLOWED_ORIGINS: 'https://squall.example.com, http://localhost:5173/',
        ACCESS_SECRET: 'a long enough secret',
        TRUST_PROXY: '1',
        MAX_NOTE_TEXT_LENGTH: '500',
        BOARD_CREATIONS_PER_MINUTE: '5',
      },
      '/',
      '/',
    );
    expect(config).toMatchObject({
      allowedOrigins: ['https://squall.example.com', 'http://localhost:5173'],
      accessSecret: 'a long enough secret',
      trustProxy: true,
      maxNoteTextLength: 500,
      boardCreationsPerMinute: 5,
    });
    expect(readConfig({}, '/', '/')).toMatchObject({
      allowedOrigins: [],
      accessSecret: undefined,
      trustProxy: false,
    });
    expect(() => readConfig({ ACCESS_SECRET: 'short' }, '/', '/')).toThrow(
      /ACCESS_SECRET must be at least 12/,
    );
    expect(() => readConfig({ ALLOWED_ORIGINS: 'squall.example.com' }, '/', '/')).toThrow(/ALLOWED_ORIGINS/);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://a.example/path' }, '/', '/')).toThrow(
      /ALLOWED_ORIGINS/,
    );
    expect(() => readConfig({ TRUST_PROXY: 'yes' }, '/', '/')).toThrow(/TRUST_PROXY/);
  });
});
