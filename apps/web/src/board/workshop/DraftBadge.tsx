import { useSession } from '../SessionContext.ts';
import { publishDrafts } from './drafts.ts';

/** Marks a silent-writing draft (only its author sees it) and lets the author publish it now. */
export function DraftBadge({ id }: { readonly id: string }) {
  const session = useSession();
  return (
    <div className="note__draft nodrag">
      <span>Draft</span>
      <button
        type="button"
        aria-label="Publish note"
        title="Publish this note: everyone sees it"
        onClick={(event) => {
          event.stopPropagation();
          publishDrafts(session.doc, session.drafts, [id]);
        }}
      >
        Publish
      </button>
    </div>
  );
}
