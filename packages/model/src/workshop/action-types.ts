import type { WorkshopChanges, WorkshopState } from './state.ts';

/** Who asks for a workshop action, as the server established it (never as the client claims). */
export interface WorkshopActor {
  readonly participantId: string;
  /** Display name from the request (for records such as "granted by"); not trusted for anything else. */
  readonly name: string;
  /** Holds the board's owner key. */
  readonly owner: boolean;
  readonly facilitator: boolean;
}

export type WorkshopOutcome =
  | { readonly ok: true; readonly changes: WorkshopChanges }
  | {
      readonly ok: false;
      readonly status: 400 | 403 | 409;
      readonly code: string;
      readonly message: string;
    };

/** One kind of workshop action: who may ask, and the pure rule that turns it into changes. */
export interface WorkshopActionHandler {
  readonly facilitatorOnly: boolean;
  apply(
    state: WorkshopState,
    body: Readonly<Record<string, unknown>>,
    actor: WorkshopActor,
    now: number,
  ): WorkshopOutcome;
}

export function changed(changes: WorkshopChanges): WorkshopOutcome {
  return { ok: true, changes };
}

export function refused(status: 400 | 403 | 409, code: string, message: string): WorkshopOutcome {
  return { ok: false, status, code, message };
}
