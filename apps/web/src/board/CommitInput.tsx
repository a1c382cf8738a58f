import { type InputHTMLAttributes, useId, useState } from 'react';

interface CommitInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  readonly value: string;
  /** Called once per edit: on Enter or when focus leaves, and only if the text changed. */
  readonly onCommit: (value: string) => void;
}

/** A text input that writes the document once per edit, not per keystroke: one undo step per change. */
export function CommitInput({ value, onCommit, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...rest}
      value={draft ?? value}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        else if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}

interface CommitFieldProps extends CommitInputProps {
  readonly label: string;
}

/** A labelled `CommitInput`, for property forms. */
export function CommitField({ label, ...props }: CommitFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <CommitInput id={id} {...props} />
    </div>
  );
}
