import { readBoard, workshopSummary } from '@squall/model';
import { downloadBlob, fileNameFor } from '../export/download.ts';
import { useSession } from '../SessionContext.ts';
import { serverNow } from './serverClock.ts';

/**
 * "Download summary": the workshop's Markdown report, written here from the live board by the model's
 * `workshopSummary` (the text `GET /api/boards/:id/summary.md` serves), so it works offline too.
 */
export function DownloadSummaryButton({
  boardName,
  disabled,
}: {
  readonly boardName: string;
  readonly disabled: boolean;
}) {
  const session = useSession();
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={() => {
        const text = workshopSummary({
          boardName,
          board: readBoard(session.doc),
          workshop: session.workshop.store.getState().state,
          generatedAt: serverNow(),
        });
        downloadBlob(
          new Blob([text], { type: 'text/markdown;charset=utf-8' }),
          fileNameFor(boardName, ' summary.md'),
        );
      }}
    >
      Download summary
    </button>
  );
}
