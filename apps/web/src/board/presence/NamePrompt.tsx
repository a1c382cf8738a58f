import { MAX_USER_NAME_LENGTH, normaliseUserName } from '@squall/model';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSession } from '../SessionContext.ts';
import { pickedUserName } from './localPresence.ts';

/**
 * On a person's first visit, asks for the name the others will see next to their pointer and avatar.
 * It is remembered in this browser (`squall:userName`) and can be changed later in the properties panel.
 */
export function NamePrompt() {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(() => pickedUserName() === '');
  const [error, setError] = useState('');
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  if (!open) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('name');
    const name = normaliseUserName(field instanceof HTMLInputElement ? field.value : '');
    if (!name) {
      setError('Type the name the others will see, e.g. “Alice” or “Payments team”.');
      return;
    }
    session.presence.setName(name);
    dialog.current?.close();
    setOpen(false);
  };

  return (
    <dialog
      ref={dialog}
      className="name-prompt"
      aria-labelledby="name-prompt-title"
      // Escape keeps the guest name for this visit and asks again next time.
      onCancel={() => setOpen(false)}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="name-prompt-title">What’s your name?</h2>
        <p>The others on this board see it next to your pointer.</p>
        <label>
          Your name
          <input
            name="name"
            maxLength={MAX_USER_NAME_LENGTH}
            autoComplete="nickname"
            aria-invalid={error !== ''}
            aria-describedby={error ? 'name-prompt-error' : undefined}
          />
        </label>
        {error && (
          <p id="name-prompt-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Join the board</button>
      </form>
    </dialog>
  );
}
