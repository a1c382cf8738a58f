import type { WebsocketProvider } from 'y-websocket';

/**
 * Makes the provider send this browser's own presence only. Stock y-websocket sends every awareness
 * change back to the server, others' too: each cursor it is shown goes up again, to a server that has
 * already given it to everyone and drops it. In a 50-person workshop that is most of what a browser
 * uploads, and most of what the server reads.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const send = provider._awarenessUpdateHandler;
  provider.awareness.off('update', send);
  // Changes the provider applied came from the server; the rest are this browser's (its own state, and
  // the local expiry of a silent peer, which the server ignores but costs nothing to keep).
  provider._awarenessUpdateHandler = (changes, origin) => {
    if (origin !== provider) send(changes, origin);
  };
  provider.awareness.on('update', provider._awarenessUpdateHandler);
}
