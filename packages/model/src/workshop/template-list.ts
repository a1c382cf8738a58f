/** The boards "New board" can start from (their content: `templateBoard` in templates.ts). */
export const BOARD_TEMPLATES = ['empty', 'bigPicture', 'bankingPayments', 'containerShipping'] as const;

export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];

export const TEMPLATE_LABELS: Readonly<Record<BoardTemplate, string>> = {
  empty: 'Empty',
  bigPicture: 'Big Picture wall',
  bankingPayments: 'Example: banking payments',
  containerShipping: 'Example: container shipping',
};

export function isBoardTemplate(value: unknown): value is BoardTemplate {
  return typeof value === 'string' && (BOARD_TEMPLATES as readonly string[]).includes(value);
}
