import { readBoard } from '@squall/model';
import { type ExportOptions, type ExportResult, exportBoard } from '@squall/model/export';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** How long the board must be quiet before the preview is generated again. */
const REFRESH_AFTER_MS = 250;

export type LiveExport = { readonly result: ExportResult } | { readonly error: string };

function run(doc: Y.Doc, options: ExportOptions): LiveExport {
  try {
    return { result: exportBoard(readBoard(doc), options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The board's export, kept current while the dialog is open: regenerated from the document a moment
 * after people stop editing (anyone's edit, not only mine), and at once when an option changes.
 */
export function useLiveExport(doc: Y.Doc, options: ExportOptions): LiveExport {
  const [live, setLive] = useState(() => run(doc, options));
  useEffect(() => {
    setLive(run(doc, options));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setLive(run(doc, options)), REFRESH_AFTER_MS);
    };
    doc.on('update', refresh);
    return () => {
      clearTimeout(timer);
      doc.off('update', refresh);
    };
  }, [doc, options]);
  return live;
}
