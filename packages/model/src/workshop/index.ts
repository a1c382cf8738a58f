export * from './action-types.ts';
export * from './actions.ts';
export * from './facilitation.ts';
export * from './participant.ts';
export * from './phases.ts';
export * from './state.ts';
export * from './timer.ts';
