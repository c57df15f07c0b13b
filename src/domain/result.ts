/**
 * The RPC envelope (DESIGN section 5). `code` is stable and tested; `message` is localized
 * at the edge (src/app) from the code and params; `line` is the 1-based form line.
 */
export const ERROR_CODES = [
  // input
  'required', 'invalid_number', 'not_positive', 'too_many_decimals', 'too_large', 'negative',
  'invalid_date', 'too_long', 'invalid_text', 'invalid_choice', 'no_lines', 'too_many_lines',
  'unknown_sku', 'inactive_item', 'sku_exists', 'barcode_exists', 'ambiguous_code',
  'lot_required', 'expiry_required', 'expiry_not_tracked', 'lot_expiry_conflict',
  'unit_cost_required', 'duplicate_new_item', 'invalid_email',
  // orders
  'order_exists', 'unknown_order', 'on_pick_list', 'nothing_to_cancel', 'nothing_to_pick', 'unknown_pick_list',
  'pick_list_closed', 'over_pick', 'unknown_line', 'nothing_to_pack', 'nothing_to_ship', 'not_packaging',
  'insufficient_stock', 'tracking_required', 'import_empty', 'missing_line', 'duplicate_line',
  // purchase orders
  'unknown_po', 'po_status', 'nothing_to_order', 'po_line_unknown',
  // returns, counts, moves, write-offs, voids, explain
  'unknown_return', 'over_return', 'nothing_to_return', 'over_inspect', 'disposition_not_allowed', 'unknown_receipt',
  'move_not_allowed', 'state_not_allowed', 'same_place', 'unknown_movement', 'already_voided', 'void_reversal',
  'void_order_movement', 'nothing_expiring', 'unknown_count', 'count_closed', 'count_stale', 'count_recount',
  'nothing_to_count', 'abc_unavailable', 'not_stock_cell', 'found_on_sheet', 'found_counted_on_line', 'found_duplicate',
  'found_has_stock',
  // request
  'request_reused', 'invalid_token',
  // workbook state
  'not_set_up', 'ledger_missing', 'ledger_altered', 'table_missing',
  // platform
  'busy', 'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Params = Record<string, string | number>;

/** An error found by the domain, not yet localized. */
export interface Problem {
  code: ErrorCode;
  field: string;
  line?: number;
  params?: Params;
}

export interface RpcError {
  code: ErrorCode;
  field: string;
  line?: number;
  message: string;
  params: Params;
}

export interface Change {
  /** a stable kind, e.g. "stock", "item_created", "ledger" */
  kind: string;
  message: string;
  [detail: string]: string | number | boolean | null;
}

export type RpcResult<T> =
  | { ok: true; value: T; changes: Change[] }
  | { ok: false; errors: RpcError[]; retryable?: boolean };

/** Thrown inside the app layer to abort a use case with problems; caught at the RPC edge. */
export class ProblemError extends Error {
  constructor(readonly problems: Problem[], readonly retryable = false) {
    super(problems.map((p) => p.code).join(','));
    this.name = 'ProblemError';
  }
}

export function problem(code: ErrorCode, field = '', line?: number, params?: Params): Problem {
  const p: Problem = { code, field };
  if (line !== undefined) p.line = line;
  if (params) p.params = params;
  return p;
}
