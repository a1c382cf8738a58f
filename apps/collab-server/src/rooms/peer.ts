/** One connected client as a room sees it: something to send to and to close. */
export interface Peer {
  readonly id: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
