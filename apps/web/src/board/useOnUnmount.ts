import { useEffect, useRef } from 'react';

/**
 * Runs the latest `callback` when the component unmounts. Browsers fire no blur when a focused field
 * is removed (the selection changed, the panel closed), so edits commit here too and are never lost.
 */
export function useOnUnmount(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => () => latest.current(), []);
}
