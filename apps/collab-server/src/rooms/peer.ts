/** One connected client as a room sees it: something to send to and to close. */
export interface Peer {
  readonly id: number;
  /** Opened with a view link: every document update it sends is dropped. */
  readonly readOnly?: boolean;
  /** Hash of the capability it connected with, so rotating that link can close it. */
  readonly tokenHash?: string;
  /** `onSent`: called once the message has been handed to the network (never if it was dropped). */
  send(message: Uint8Array, onSent?: () => void): void;
  close(code: number, reason: string): void;
}
