import { ELEMENT_KINDS, KIND_INFO } from '@squall/model';
import { useEffect, useRef } from 'react';
import { KIND_SHORTCUTS } from '../editing/kindShortcuts.ts';
import { SHORTCUTS } from '../editing/shortcutList.ts';

/** Every shortcut of the board, opened with `?` or from the toolbar. */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="flow-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <header className="flow-dialog__header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <div className="flow-dialog__body shortcuts">
        <table>
          <caption>Board</caption>
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Place a note at the pointer</caption>
          <tbody>
            {ELEMENT_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">
                  <kbd>{KIND_SHORTCUTS[kind].toUpperCase()}</kbd>
                </th>
                <td>{KIND_INFO[kind].label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>While editing a note</caption>
          <tbody>
            <tr>
              <th scope="row">
                <kbd>Escape</kbd> / <kbd>Ctrl+Enter</kbd>
              </th>
              <td>finish editing</td>
            </tr>
            <tr>
              <th scope="row">
                <kbd>Tab</kbd> / <kbd>Shift+Tab</kbd>
              </th>
              <td>finish, and create the next / previous element of the flow</td>
            </tr>
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
