// A worker thread running simulated y-websocket clients (the real WebsocketProvider) for the bench driver.
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { messageAwareness, messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type {
  BoardRef,
  EditingResult,
  EditingTask,
  StormResult,
  StormTask,
  WorkerMessage,
} from './protocol.ts';

const port = parentPort!;
// Every WebsocketProvider adds a process 'exit' listener in Node; dozens per worker are expected.
process.setMaxListeners(0);
const task = workerData as EditingTask | StormTask;
const now = () => performance.timeOrigin + performance.now();
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

interface Edit {
  seq: number;
  t: number;
  /** Index of the sender's server in the task's URLs (cluster runs: which instance it came through). */
  via: number;
  final?: boolean;
}

interface Cursor {
  x: number;
  y: number;
  t: number;
}

function connect(
  wsUrl: string,
  board: BoardRef,
): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, board.id, doc, {
    params: { ...board.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  sendOwnPresenceOnly(provider);
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

/**
 * The web app's clients send only their own presence (apps/web/src/board/sync/ownPresenceOnly.ts):
 * stock y-websocket also sends back every peer's presence it receives, which the server drops.
 */
function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const send = provider._awarenessUpdateHandler;
  provider.awareness.off('update', send);
  provider._awarenessUpdateHandler = (changes, origin) => {
    if (origin !== provider) send(changes, origin);
  };
  provider.awareness.on('update', provider._awarenessUpdateHandler);
}

/**
 * A client that connects, syncs and sends like the others but, once synced, drops what it receives
 * without applying it: the server's work for it is the same (every frame is sent and read), the load
 * generator's is not (applying every peer's edit and cursor, which on this machine takes the cores
 * the instances under test need).
 */
function listenOnly(provider: WebsocketProvider): void {
  const sync = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (encoder, decoder, self, emitSynced, type) => {
    if (!provider.synced) sync(encoder, decoder, self, emitSynced, type);
  };
  provider.messageHandlers[messageAwareness] = () => {};
}

function waitForStart(): Promise<void> {
  return new Promise((resolve) => port.once('message', () => resolve()));
}

async function runEditing(job: EditingTask): Promise<void> {
  const editLatencies: number[] = [];
  /** Per edit latency: 1 when the edit came from a client of another server (a cluster's relay). */
  const editCrossed: number[] = [];
  const cursorLatencies: number[] = [];
  let editsSent = 0;
  let cursorsSent = 0;
  /** Changes sent before this (the warm-up: JIT, heaps and buffers growing) are not measured. */
  let measuredFrom = Number.POSITIVE_INFINITY;
  const clients = job.boards.map((board, index) => {
    const wsUrl = job.wsUrls?.[index] ?? job.wsUrl;
    const via = job.servers?.indexOf(wsUrl) ?? 0;
    const client = connect(wsUrl, board);
    const measures = job.measuring?.[index] ?? true;
    if (!measures) listenOnly(client.provider);
    const key = `c${client.doc.clientID}`;
    const edits = client.doc.getMap<Edit>('edits');
    const seen = new Map<string, number>();
    let finals = 0;
    let onConverged: (() => void) | undefined;
    edits.observe((event) => {
      const arrived = now();
      for (const changed of event.keysChanged) {
        if (changed === key) continue;
        const edit = edits.get(changed);
        if (!edit || edit.seq <= (seen.get(changed) ?? -1)) continue;
        seen.set(changed, edit.seq);
        // The final edits are the convergence check, sent by every client at the same instant: a burst
        // that is not the load being measured (2,000 at once on the cluster bench).
        if (!edit.final && edit.t >= measuredFrom) {
          editLatencies.push(arrived - edit.t);
          editCrossed.push(edit.via === via ? 0 : 1);
        }
        if (edit.final) {
          finals++;
          if (finals === job.clientsPerBoard - 1) onConverged?.();
        }
      }
    });
    const lastCursor = new Map<number, number>();
    client.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const arrived = now();
      for (const id of [...added, ...updated]) {
        if (id === client.doc.clientID) continue;
        const cursor = client.provider.awareness.getStates().get(id)?.cursor as Cursor | undefined;
        if (!cursor || cursor.t === lastCursor.get(id)) continue;
        lastCursor.set(id, cursor.t);
        if (cursor.t >= measuredFrom) cursorLatencies.push(arrived - cursor.t);
      }
    });
    return {
      ...client,
      key,
      edits,
      index,
      via,
      measures,
      seq: 0,
      converged: new Promise<void>((resolve) => {
        onConverged = resolve;
      }),
    };
  });
  await Promise.all(clients.map((client) => client.synced));
  post({ kind: 'ready' });
  await waitForStart();
  measuredFrom = now() + (job.warmupMs ?? 0);

  const timers: NodeJS.Timeout[] = [];
  for (const client of clients) {
    // Spread the clients' ticks over the period so they do not all fire at once.
    const editEvery = 1000 / job.editHz;
    const cursorEvery = 1000 / job.cursorHz;
    const phase = Math.random();
    timers.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            client.edits.set(client.key, { seq: ++client.seq, t: now(), via: client.via });
            editsSent++;
          }, editEvery),
        );
      }, phase * editEvery),
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const t = now();
            client.provider.awareness.setLocalStateField('cursor', { x: t % 1000, y: client.index, t });
            cursorsSent++;
          }, cursorEvery),
        );
      }, phase * cursorEvery),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, (job.warmupMs ?? 0) + job.durationMs));
  for (const timer of timers) clearInterval(timer);
  const finalSeqs: Record<string, number> = {};
  for (const client of clients) {
    client.edits.set(client.key, { seq: ++client.seq, t: now(), via: client.via, final: true });
    finalSeqs[client.key] = client.seq;
  }
  let converged = 0;
  const measuring = clients.filter((client) => client.measures);
  await Promise.race([
    Promise.all(measuring.map((client) => client.converged.then(() => converged++))),
    new Promise((resolve) => setTimeout(resolve, job.settleTimeoutMs)),
  ]);
  for (const client of clients) {
    client.provider.destroy();
    client.doc.destroy();
  }
  const edits = Float64Array.from(editLatencies);
  const crossed = Uint8Array.from(editCrossed);
  const cursors = Float64Array.from(cursorLatencies);
  const result: EditingResult = {
    kind: 'editing',
    editLatencies: edits,
    editCrossed: crossed,
    cursorLatencies: cursors,
    editsSent,
    cursorsSent,
    clients: measuring.length,
    converged,
    finalSeqs,
  };
  post(result, [edits.buffer, crossed.buffer, cursors.buffer]);
}

async function runStorm(job: StormTask): Promise<void> {
  post({ kind: 'ready' });
  await waitForStart();
  const syncTimes: number[] = [];
  const clients = Array.from({ length: job.clients }, () => {
    const started = now();
    const client = connect(job.wsUrl, job.board);
    const complete = client.synced.then(() => {
      if (client.doc.getMap('content').size >= job.expectedEntries) syncTimes.push(now() - started);
    });
    return { ...client, complete };
  });
  await Promise.race([
    Promise.all(clients.map((client) => client.complete)),
    new Promise((resolve) => setTimeout(resolve, job.timeoutMs)),
  ]);
  for (const client of clients) {
    client.provider.destroy();
    client.doc.destroy();
  }
  const times = Float64Array.from(syncTimes);
  const result: StormResult = { kind: 'storm', syncTimes: times, complete: syncTimes.length };
  post(result, [times.buffer]);
}

await (task.kind === 'editing' ? runEditing(task) : runStorm(task));
