import { useRef } from 'react';

interface ImportBoardButtonProps {
  readonly onFile: (text: string, fileName: string) => void;
  readonly disabled?: boolean;
}

/** A labelled file input styled as a button: "Import board file". */
export function ImportBoardButton({ onFile, disabled }: ImportBoardButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className={`button${disabled ? ' is-disabled' : ''}`}>
      Import board file
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        disabled={disabled}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          const text = await file.text();
          // Reset so choosing the same file again (after fixing it) fires again.
          if (input.current) input.current.value = '';
          onFile(text, file.name);
        }}
      />
    </label>
  );
}
