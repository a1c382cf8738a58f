import { type InputHTMLAttributes, useId, useState } from 'react';
import { useOnUnmount } from '../useOnUnmount.ts';

interface CommitInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  readonly value: string;
  /** Called once per edit: on Enter or when focus leaves, and only if the text changed and is valid. */
  readonly onCommit: (value: string) => void;
  /** Why a value cannot be saved, or null when it can. An invalid value stays in the box, unsaved. */
  readonly validate?: (value: string) => string | null;
  /** Receives the current problem (or null), for the label to show it. */
  readonly onProblem?: (problem: string | null) => void;
}

/** A text input that writes the document once per edit, not per keystroke: one undo step per change. */
export function CommitInput({ value, onCommit, validate, onProblem, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const report = (problem: string | null) => {
    setInvalid(problem !== null);
    onProblem?.(problem);
  };
  useOnUnmount(() => {
    if (draft !== null && draft !== value && !validate?.(draft)) onCommit(draft);
  });
  const commit = () => {
    if (draft === null || draft === value) {
      setDraft(null);
      report(null);
      return;
    }
    const problem = validate?.(draft) ?? null;
    report(problem);
    if (problem) return;
    onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...rest}
      aria-invalid={invalid || undefined}
      value={draft ?? value}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        else if (event.key === 'Escape') {
          setDraft(null);
          report(null);
        }
      }}
    />
  );
}

interface CommitFieldProps extends CommitInputProps {
  readonly label: string;
}

/** A labelled `CommitInput`, for property forms; a refused value is explained under it. */
export function CommitField({ label, ...props }: CommitFieldProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <CommitInput
        id={id}
        aria-describedby={problem ? `${id}-problem` : undefined}
        {...props}
        onProblem={setProblem}
      />
      {problem && (
        <span id={`${id}-problem`} className="field__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
