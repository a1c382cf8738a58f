type MessageHandler = ((this: WebSocket, event: MessageEvent) => unknown) | null;

/**
 * A WebSocket class (for y-websocket's `WebSocketPolyfill`) whose sockets hold the messages they receive
 * until `release` settles, then deliver them in order; once it has, messages go through at once. The
 * socket itself connects, sends and receives as usual: only handing messages to the page waits.
 */
export function socketHeldUntil(release: Promise<unknown>): typeof WebSocket {
  let released = false;
  const settled = release.then(
    () => {
      released = true;
    },
    () => {
      released = true;
    },
  );
  return class HeldWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      let handler: MessageHandler = null;
      const held: MessageEvent[] = [];
      // An own property in front of the prototype's: y-websocket assigns `onmessage` after construction.
      Object.defineProperty(this, 'onmessage', {
        get: () => handler,
        set: (next: MessageHandler) => {
          handler = next;
        },
      });
      this.addEventListener('message', (event) => {
        if (released) handler?.call(this, event);
        else held.push(event);
      });
      if (!released) {
        void settled.then(() => {
          for (const event of held.splice(0)) handler?.call(this, event);
        });
      }
    }
  };
}
