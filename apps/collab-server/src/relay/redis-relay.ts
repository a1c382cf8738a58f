import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardRelay, RelayedMessage } from './board-relay.ts';
import { decodeEnvelope, encodeEnvelope, preciseNow } from './relay-codec.ts';

const CHANNEL_PREFIX = 'squall:board:';
/** Reconnect attempts back off to this (ioredis retries for ever). */
const MAX_RETRY_DELAY_MS = 1_000;

/** A board this instance holds: where its messages go, and the other instances known to hold it. */
interface HeldBoard {
  readonly onMessage: (message: RelayedMessage) => void;
  readonly others: Set<string>;
}

/**
 * The relay over Redis pub/sub: one channel per board, subscribed by the instances holding it. The
 * database is the durable log (every update is committed before it is published), so the relay only
 * needs fast fan-out; what an outage drops is read back from the database when Redis returns.
 * Two connections: a subscriber, and a publisher without an offline queue (a publish while Redis is
 * down fails at once instead of piling up).
 */
export class RedisRelay implements BoardRelay {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly boards = new Map<string, HeldBoard>();
  private readonly reconnectListeners: Array<() => void> = [];
  private publisherReady = false;
  private subscriberReady = false;
  /** Last reported state, so an outage is logged and counted once, not per retry. */
  private reportedUp: boolean | undefined;
  private closing = false;
  /** A connection was lost (or never made): until then, one connection ready before the other is no outage. */
  private disconnected = false;

  constructor(
    url: string,
    private readonly instanceId: string,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    const retryStrategy = (times: number) => Math.min(times * 100, MAX_RETRY_DELAY_MS);
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy });
    // Subscriptions are renewed by hand after a reconnect, so the catch-up starts only once they hold.
    this.subscriber = new Redis(url, { autoResubscribe: false, maxRetriesPerRequest: null, retryStrategy });
    for (const connection of [this.publisher, this.subscriber]) {
      // Errors while disconnected are reported through the state change below, once.
      connection.on('error', () => {});
    }
    this.publisher.on('ready', () => {
      this.publisherReady = true;
      this.report();
    });
    this.publisher.on('close', () => {
      this.publisherReady = false;
      this.disconnected = true;
      this.report();
    });
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => {
      this.subscriberReady = false;
      this.disconnected = true;
      this.report();
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => this.received(channel, bytes));
    metrics.redisUp.set(0);
  }

  get connected(): boolean {
    return this.publisherReady && this.subscriberReady;
  }

  private async resubscribe(): Promise<void> {
    try {
      const channels = [...this.boards.keys()].map((id) => CHANNEL_PREFIX + id);
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
      this.subscriberReady = true;
    } catch {
      // Lost again while subscribing: the next 'ready' tries again.
      return;
    }
    this.report();
  }

  private report(): void {
    const up = this.connected;
    if (this.closing || up === this.reportedUp || (!up && !this.disconnected)) return;
    if (up) this.disconnected = false;
    const wasDown = this.reportedUp === false;
    this.reportedUp = up;
    this.metrics.redisUp.set(up ? 1 : 0);
    if (!up) {
      this.metrics.redisOutages.inc();
      this.log.warn("redis unreachable: serving this instance's clients alone until it is back");
      return;
    }
    if (wasDown) {
      this.log.info('redis reachable again: catching up from the database');
      for (const listener of this.reconnectListeners) listener();
    } else this.log.info('redis connected');
  }

  private received(channel: Buffer, bytes: Buffer): void {
    const boardId = channel.toString().slice(CHANNEL_PREFIX.length);
    const board = this.boards.get(boardId);
    const envelope = decodeEnvelope(bytes);
    if (!board || !envelope || envelope.sender === this.instanceId) return;
    const { message, sender } = envelope;
    this.metrics.relayReceived.inc({ kind: message.kind });
    this.metrics.relayLag.observe(Math.max(0, preciseNow() - envelope.sentAt) / 1000);
    // Whoever publishes on a board's channel holds it (an instance that died stays known: publishing
    // to nobody is the safe side).
    if (message.kind === 'bye') {
      board.others.delete(sender);
      return;
    }
    board.others.add(sender);
    board.onMessage(message);
  }

  async join(boardId: string, onMessage: (message: RelayedMessage) => void): Promise<void> {
    this.boards.set(boardId, { onMessage, others: new Set() });
    if (!this.subscriberReady) return;
    try {
      await this.subscriber.subscribe(CHANNEL_PREFIX + boardId);
    } catch {
      // Disconnected meanwhile: the reconnect subscribes every board again and catches up.
    }
  }

  leave(boardId: string): void {
    if (!this.boards.has(boardId)) return;
    this.publish(boardId, { kind: 'bye' });
    this.boards.delete(boardId);
    if (!this.subscriberReady) return;
    this.subscriber.unsubscribe(CHANNEL_PREFIX + boardId).catch(() => {});
  }

  publish(boardId: string, message: RelayedMessage): void {
    // A board held here alone (a load balancer that routes each board to one instance) costs no
    // Redis traffic. An instance that starts holding it says `hello` and reads it back from the
    // database once it hears `here`, so what was not sent before is not missed.
    const alone = this.boards.get(boardId)?.others.size === 0;
    if (alone && message.kind !== 'hello') {
      this.metrics.relayUnsent.inc({ kind: message.kind });
      return;
    }
    if (!this.publisherReady) {
      this.metrics.relayDropped.inc({ kind: message.kind });
      return;
    }
    const bytes = encodeEnvelope({ sender: this.instanceId, sentAt: preciseNow(), message });
    this.publisher.publish(CHANNEL_PREFIX + boardId, bytes).then(
      () => this.metrics.relayPublished.inc({ kind: message.kind }),
      () => this.metrics.relayDropped.inc({ kind: message.kind }),
    );
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
