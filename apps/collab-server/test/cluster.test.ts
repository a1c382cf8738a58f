import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../src/sync/close-codes.ts';
import { health, lockInDatabase, metricValue, startInstances, storedDoc } from './helpers/cluster.ts';
import { createBoard } from './helpers/http.ts';
import type { ServerProcess } from './helpers/server-process.ts';
import {
  type LoadBalancer,
  type PostgresServer,
  type RedisServer,
  startHaproxy,
  startPostgres,
  startRedis,
} from './helpers/services.ts';
import { until } from './helpers/until.ts';
import { connectClient, whenDoc, type YClient } from './helpers/y-client.ts';

// Generous waits: these tests run real processes on a machine that may be busy with other work.
const WAIT_MS = 20_000;

let postgres: PostgresServer;
let redis: RedisServer;
const instances: ServerProcess[] = [];
const clients: YClient[] = [];
let balancer: LoadBalancer | undefined;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});

afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await balancer?.stop();
  balancer = undefined;
  await Promise.all(
    instances.splice(0).map((instance) => {
      instance.child.kill('SIGKILL');
      return instance.exited;
    }),
  );
});

async function cluster(count: number, env: Record<string, string> = {}): Promise<ServerProcess[]> {
  const started = await startInstances(count, {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    ...env,
  });
  instances.push(...started);
  return started;
}

function client(wsUrl: string, boardId: string, name?: string): YClient {
  const c = connectClient(wsUrl, boardId);
  if (name) c.provider.awareness.setLocalStateField('user', { name });
  clients.push(c);
  return c;
}

const edits = (doc: Y.Doc) => doc.getMap<number>('edits');
const hasKeys = (keys: readonly string[]) => (doc: Y.Doc) => keys.every((key) => edits(doc).has(key));
const namesSeenBy = (c: YClient) =>
  [...c.provider.awareness.getStates().values()]
    .map((state) => (state.user as { name?: string } | undefined)?.name)
    .filter((name): name is string => typeof name === 'string')
    .sort();

/** Document updates an instance published to Redis, or left unsent (no other instance held the board). */
const relayedUpdates = async (baseUrl: string, outcome: 'published' | 'unsent') =>
  (await metricValue(baseUrl, `squall_relay_messages_${outcome}_total{kind="update"}`)) || 0;

describe('several instances on one Redis and one PostgreSQL', { timeout: 60_000 }, () => {
  it.each([2, 3])(
    '%i instances: clients of one board on different instances converge (document and presence)',
    async (count) => {
      const servers = await cluster(count);
      const board = await createBoard(servers[0]!.url);
      const names = servers.map((_, i) => `user-${i}`);
      const users = servers.map((server, i) => client(server.wsUrl, board.id, names[i]));
      await Promise.all(users.map((c) => c.synced));
      const keys: string[] = [];
      for (let n = 0; n < 20; n++) {
        users.forEach((c, i) => {
          edits(c.doc).set(`c${i}-${n}`, n);
          keys.push(`c${i}-${n}`);
        });
      }
      await Promise.all(users.map((c) => whenDoc(c.doc, hasKeys(keys))));
      await until(() => users.every((c) => namesSeenBy(c).join() === names.join()), WAIT_MS);
      // The same edits are stored, once, in the shared database.
      expect(edits(await storedDoc(postgres.url, board.id)).size).toBe(keys.length);
      for (const server of servers) {
        expect(await health(server.url)).toMatchObject({ status: 'ok', redis: 'up' });
        expect(await metricValue(server.url, 'squall_relay_messages_received_total')).toBeGreaterThan(0);
      }
      // Every instance relayed updates and presence both ways, and measured the lag of what it received.
      const metrics = await (await fetch(`${servers[1]!.url}/metrics`)).text();
      expect(metrics).toMatch(/squall_relay_messages_published_total\{kind="update"\} [1-9]/);
      expect(metrics).toMatch(/squall_relay_messages_received_total\{kind="awareness"\} [1-9]/);
      expect(metrics).toMatch(/squall_relay_lag_seconds_count [1-9]/);
    },
  );

  it("presence relayed from another instance goes on to this instance's clients at once, not at its next tick", async () => {
    // The longest tick there is (10 s): presence held for the receiving instance's next tick would come
    // after the 5 s this test waits for it.
    const [a, b] = await cluster(2, { AWARENESS_TICK_MS: '10000' });
    const board = await createBoard(a!.url);
    const onB = client(b!.wsUrl, board.id, 'on-b');
    const alsoOnB = client(b!.wsUrl, board.id);
    // Once a second client of B has on-b's presence, B has sent its tick's message: its next is 10 s away.
    await until(() => namesSeenBy(alsoOnB).includes('on-b'), WAIT_MS);
    client(a!.wsUrl, board.id, 'on-a');
    // A's first message goes out at once (its first tick); B's clients get it from B as it came.
    await until(() => namesSeenBy(onB).includes('on-a') && namesSeenBy(alsoOnB).includes('on-a'), 5_000);
  });

  it('a board on one instance alone costs no Redis traffic; once another holds it too, edits and presence flow both ways', async () => {
    const [a, b] = await cluster(2, { EVICT_AFTER_MS: '100' });
    const board = await createBoard(a!.url);
    const a1 = client(a!.wsUrl, board.id, 'a1');
    await a1.synced;
    edits(a1.doc).set('alone', 1);
    await until(async () => (await relayedUpdates(a!.url, 'unsent')) > 0, WAIT_MS);
    expect(await relayedUpdates(a!.url, 'published')).toBe(0);

    const b1 = client(b!.wsUrl, board.id, 'b1');
    await b1.synced;
    // A may not have heard B's hello yet: what it did not publish, B reads back once A answers.
    edits(a1.doc).set('while-b-joins', 1);
    edits(b1.doc).set('from-b', 1);
    await whenDoc(b1.doc, hasKeys(['alone', 'while-b-joins']));
    await whenDoc(a1.doc, hasKeys(['from-b']));
    await until(() => namesSeenBy(a1).includes('b1') && namesSeenBy(b1).includes('a1'), WAIT_MS);
    edits(a1.doc).set('shared', 1);
    await whenDoc(b1.doc, hasKeys(['shared']));
    expect(await relayedUpdates(a!.url, 'published')).toBeGreaterThan(0);

    // B lets the board go once its client has left and says so: A is alone again.
    b1.destroy();
    await until(async () => (await metricValue(b!.url, 'squall_boards_loaded')) === 0, WAIT_MS);
    const published = await relayedUpdates(a!.url, 'published');
    const unsent = await relayedUpdates(a!.url, 'unsent');
    edits(a1.doc).set('alone-again', 1);
    await until(async () => (await relayedUpdates(a!.url, 'unsent')) > unsent, WAIT_MS);
    expect(await relayedUpdates(a!.url, 'published')).toBe(published);
    expect(edits(await storedDoc(postgres.url, board.id)).has('alone-again')).toBe(true);
  });

  it('SIGKILL of an instance mid-editing: its clients reconnect through the load balancer, nothing acknowledged is lost', async () => {
    const servers = await cluster(3);
    balancer = await startHaproxy(servers.map((server) => server.url));
    const board = await createBoard(balancer.url);
    const writers = [0, 1, 2, 3, 4, 5].map(() => client(balancer!.wsUrl, board.id));
    await Promise.all(writers.map((w) => w.synced));
    // The balancer hashes the board's path: its writers share one instance, the victim.
    const loads = await Promise.all(
      servers.map(async (server) => (await health(server.url)).connections as number),
    );
    expect(loads.toSorted((x, y) => y - x)).toEqual([writers.length, 0, 0]);
    const victim = servers[loads.indexOf(writers.length)]!;
    // The observer is on an instance that survives; an edit it has seen was stored before it was relayed.
    const observer = client(servers.find((server) => server !== victim)!.wsUrl, board.id);
    await observer.synced;

    const perWriter = 60;
    const keys = writers.flatMap((_, w) => Array.from({ length: perWriter }, (_, n) => `w${w}-${n}`));
    let written = 0;
    let acknowledgedBeforeKill: string[] = [];
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        for (const [w, writer] of writers.entries()) edits(writer.doc).set(`w${w}-${written}`, written);
        written++;
        if (written === perWriter / 2) {
          acknowledgedBeforeKill = [...edits(observer.doc).keys()];
          victim.child.kill('SIGKILL');
        }
        if (written === perWriter) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    expect((await victim.exited).signal).toBe('SIGKILL');
    expect(acknowledgedBeforeKill.length).toBeGreaterThan(0);
    // Every writer is connected again (the victim's through another instance) and every edit arrives.
    await until(() => writers.every((writer) => writer.provider.wsconnected), WAIT_MS);
    await whenDoc(observer.doc, hasKeys(keys));
    const survivors = servers.filter((server) => server !== victim);
    const survivorConnections = await Promise.all(
      survivors.map(async (server) => (await health(server.url)).connections as number),
    );
    expect(survivorConnections.reduce((a, b) => a + b, 0)).toBe(writers.length + 1);
    const stored = edits(await storedDoc(postgres.url, board.id));
    for (const key of acknowledgedBeforeKill) expect(stored.has(key)).toBe(true);
    expect(stored.size).toBe(keys.length);
  });

  it('Redis stopped: each instance serves its own clients and says it is degraded; restarted: they catch up and converge', async () => {
    // No idle compaction: it would read the other side's outage edits back from the database early.
    const [a, b] = await cluster(2, { COMPACT_IDLE_MS: '3600000' });
    const board = await createBoard(a!.url);
    const a1 = client(a!.wsUrl, board.id, 'a1');
    const a2 = client(a!.wsUrl, board.id, 'a2');
    const b1 = client(b!.wsUrl, board.id, 'b1');
    await Promise.all([a1.synced, a2.synced, b1.synced]);
    edits(a1.doc).set('before', 1);
    await whenDoc(b1.doc, hasKeys(['before']));

    await redis.stop();
    await until(
      async () =>
        (await health(a!.url)).status === 'degraded' && (await health(b!.url)).status === 'degraded',
      WAIT_MS,
    );
    expect(await health(a!.url)).toMatchObject({ status: 'degraded', redis: 'down' });
    expect(await metricValue(a!.url, 'squall_redis_up')).toBe(0);
    edits(a1.doc).set('outage-a', 1);
    edits(b1.doc).set('outage-b', 1);
    // Still one board on each instance: a2 gets a1's edit at once.
    await whenDoc(a2.doc, hasKeys(['outage-a']));
    expect(edits(a1.doc).has('outage-b')).toBe(false);

    await redis.start();
    await until(
      async () => (await health(a!.url)).status === 'ok' && (await health(b!.url)).status === 'ok',
      WAIT_MS,
    );
    // Caught up from the database: what each side wrote during the outage reaches the other.
    await Promise.all([whenDoc(a1.doc, hasKeys(['outage-b'])), whenDoc(b1.doc, hasKeys(['outage-a']))]);
    edits(b1.doc).set('after', 1);
    await whenDoc(a2.doc, hasKeys(['before', 'outage-a', 'outage-b', 'after']));
    await until(
      () => namesSeenBy(b1).join() === 'a1,a2,b1' && namesSeenBy(a1).join() === 'a1,a2,b1',
      WAIT_MS,
    );
    for (const server of [a!, b!]) {
      expect(await metricValue(server.url, 'squall_redis_outages_total')).toBe(1);
      expect(server.logs.filter((entry) => String(entry.msg).startsWith('redis unreachable'))).toHaveLength(
        1,
      );
      expect(server.logs.some((entry) => String(entry.msg).startsWith('redis reachable again'))).toBe(true);
    }
  });

  it("the owner's lock and delete on one instance reach the board's sockets on the others", async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const owner = { authorization: `Bearer ${board.ownerKey}` };
    const onA = client(a!.wsUrl, board.id);
    const onB = client(b!.wsUrl, board.id);
    const closes: number[] = [];
    onB.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    await Promise.all([onA.synced, onB.synced]);
    // B has subscribed to the board once an edit made on A reaches B's client.
    edits(onA.doc).set('ready', 1);
    await whenDoc(onB.doc, hasKeys(['ready']));
    expect(
      (await fetch(`${a!.url}/api/boards/${board.id}/lock`, { method: 'POST', headers: owner })).status,
    ).toBe(200);
    await until(() => closes.includes(CloseCode.accessChanged), WAIT_MS);
    // Reconnected (read-only now) before the delete, so the delete finds it connected.
    await until(() => onB.provider.wsconnected && onB.provider.synced, WAIT_MS);
    expect(
      (await fetch(`${a!.url}/api/boards/${board.id}`, { method: 'DELETE', headers: owner })).status,
    ).toBe(204);
    await until(() => closes.includes(CloseCode.boardDeleted), WAIT_MS);
  });

  it('a lock no instance announced (the board was on one alone) reaches it once another instance holds the board', async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const onA = client(a!.wsUrl, board.id);
    const closes: number[] = [];
    onA.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    await onA.synced;
    // As when the owner locks it through A while B is loading it: A, alone, tells nobody.
    await lockInDatabase(postgres.url, board.id);
    client(b!.wsUrl, board.id);
    // B's hello: A reads the board's access back and closes its sockets, which reconnect read-only.
    await until(() => closes.includes(CloseCode.accessChanged), WAIT_MS);
  });

  it('a board open on two instances compacts on both without losing an update (no relay: the documents differ)', async () => {
    const [a, b] = await startInstances(2, {
      DATABASE_URL: postgres.url,
      COMPACT_AFTER_UPDATES: '5',
      COMPACT_IDLE_MS: '20',
    });
    instances.push(a!, b!);
    const board = await createBoard(a!.url);
    const [a1, a2, b1, b2] = [a!, a!, b!, b!].map((server) => client(server.wsUrl, board.id));
    await Promise.all([a1!, a2!, b1!, b2!].map((c) => c.synced));
    const aKeys: string[] = [];
    const bKeys: string[] = [];
    for (let round = 0; round < 12; round++) {
      for (let n = 0; n < 10; n++) {
        aKeys.push(`a-${round}-${n}`);
        bKeys.push(`b-${round}-${n}`);
        edits(a1!.doc).set(aKeys.at(-1)!, n);
        edits(b1!.doc).set(bKeys.at(-1)!, n);
      }
      // Acknowledged on each instance (relayed there, so stored); compactions run on both meanwhile.
      await Promise.all([whenDoc(a2!.doc, hasKeys(aKeys)), whenDoc(b2!.doc, hasKeys(bKeys))]);
    }
    await until(async () => (await metricValue(a!.url, 'squall_compactions_total')) >= 3, WAIT_MS);
    await until(async () => (await metricValue(b!.url, 'squall_compactions_total')) >= 3, WAIT_MS);
    for (const server of [a!, b!]) {
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    }
    const stored = edits(await storedDoc(postgres.url, board.id));
    for (const key of [...aKeys, ...bKeys]) expect(stored.has(key)).toBe(true);
  });
});
