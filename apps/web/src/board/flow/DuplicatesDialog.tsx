import { type FieldConflict, findDuplicates, KIND_INFO } from '@squall/model';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSession, useView } from '../SessionContext.ts';
import { mergeDuplicates } from './flowActions.ts';

interface Merged {
  readonly name: string;
  readonly removed: number;
  readonly conflicts: readonly FieldConflict[];
}

const describeType = (conflict: FieldConflict['kept']) =>
  `${conflict.type.kind}${conflict.required ? ', required' : ''}${conflict.description ? `, “${conflict.description}”` : ''}`;

/**
 * "Find duplicates": events and commands whose names match once normalised, group by group; "Merge"
 * keeps the chosen note and folds the others into it (one undo step), then lists conflicting fields.
 */
export function DuplicatesDialog({ onClose }: { readonly onClose: () => void }) {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const elements = useView((state) => state.elements);
  const groups = useMemo(() => findDuplicates([...elements.values()]), [elements]);
  const [keep, setKeep] = useState<ReadonlyMap<string, string>>(new Map());
  const [merged, setMerged] = useState<Merged[]>([]);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="flow-dialog" aria-labelledby="duplicates-title" onClose={onClose}>
      <header className="flow-dialog__header">
        <h2 id="duplicates-title">Find duplicates</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <div className="flow-dialog__body">
        {merged.map((result) => (
          <div key={result.name} role="status" className="duplicates__merged">
            Merged {result.removed + 1} notes “{result.name}”.
            {result.conflicts.length > 0 && (
              <>
                {' '}
                Conflicting fields, all kept on the merged note:
                <ul aria-label={`Conflicting fields of ${result.name}`}>
                  {result.conflicts.map((conflict) => (
                    <li key={conflict.moved.id}>
                      <strong>{conflict.name}</strong>: {describeType(conflict.kept)} here,{' '}
                      {describeType(conflict.moved)} in the merged note
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
        {groups.length === 0 ? (
          <p>
            No duplicates: no two events or commands have the same name (ignoring case, spaces and
            punctuation).
          </p>
        ) : (
          groups.map((group) => {
            const label = group.elements[0]!.text.trim();
            const name = `${KIND_INFO[group.kind].label}: ${label}`;
            const kept = keep.get(group.name + group.kind) ?? group.elements[0]!.id;
            return (
              <fieldset key={group.kind + group.name} className="duplicates__group" aria-label={name}>
                <legend>
                  {name} ({group.elements.length})
                </legend>
                {group.elements.map((element) => (
                  <label key={element.id} className="checkbox">
                    <input
                      type="radio"
                      name={`keep-${group.kind}-${group.name}`}
                      checked={kept === element.id}
                      onChange={() => setKeep(new Map(keep).set(group.name + group.kind, element.id))}
                    />
                    Keep “{element.text}” ({element.fields.length} fields, at {Math.round(element.position.x)}
                    , {Math.round(element.position.y)})
                  </label>
                ))}
                <button
                  type="button"
                  onClick={() => {
                    const others = group.elements.filter((element) => element.id !== kept).map((e) => e.id);
                    const plan = mergeDuplicates(session, kept, others);
                    if (plan)
                      setMerged([
                        ...merged,
                        { name: label, removed: plan.removeIds.length, conflicts: plan.conflicts },
                      ]);
                  }}
                >
                  Merge
                </button>
              </fieldset>
            );
          })
        )}
      </div>
    </dialog>
  );
}
