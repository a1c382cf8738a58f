/** Every key the board answers to beyond the kinds' letters: the legend and the "Keyboard shortcuts" dialog list these. */
export const SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['Double-click', 'place the last kind used'],
  [
    'Tab',
    'create the next element of the flow to the right, connected (actor → command → aggregate → event → policy → command)',
  ],
  ['Shift+Tab', 'create the previous element to the left, connected'],
  ['Tab on a new empty note', 'try the grammar’s other choice there (external system, read model, policy…)'],
  ['Enter', 'edit the selected note'],
  ['Escape', 'stop editing; again: clear the selection'],
  ['Arrows', 'select the nearest note that way'],
  ['Alt+Arrows', 'move the selected notes (Shift: further)'],
  ['Delete', 'delete (with connections)'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo your changes'],
  ['Ctrl+C / V / D', 'copy / paste / duplicate'],
  ['Ctrl+A', 'select everything'],
  ['Ctrl+] / [', 'bring to front / send to back'],
  ['Ctrl+F', 'search'],
  ['Shift+1 / Shift+2', 'zoom to fit / selection'],
  ['Shift+drag', 'select with a box'],
  ['?', 'this list of shortcuts'],
];
