// Errors that cross the API boundary: serialisable {code, message}, messages from the i18n catalog.

export const ERROR_CODES = [
  'validation',
  'unknown_handler',
  'not_found',
  'unauthorized',
  'db_too_new',
  'db_open_failed',
  'file_not_found',
  'file_empty',
  'file_unreadable',
  'missing_columns',
  'mapping_unknown_columns',
  'sheet_not_found',
  'xls_unsupported',
  'unsupported_here',
  'job_cancelled',
  'job_not_found',
  'match_running',
  'duplicate_file',
  // Writing output files, reading hostile spreadsheets, local safety.
  'out_folder_missing',
  'out_is_folder',
  'out_not_writable',
  'disk_full',
  'write_failed',
  'sample_not_empty',
  'file_binary',
  'too_many_columns',
  'xlsx_invalid',
  'xlsx_too_large',
  'xlsx_zip_bomb',
  'xlsx_too_many_rows',
  'xlsx_too_many_merges',
  'xlsx_too_many_strings',
  // Web mode: a browser sends a file's bytes and names the upload, never a path on the server.
  'upload_unknown',
  'upload_too_large',
  // encryption at rest
  'db_locked',
  'db_wrong_key',
  'db_not_encrypted',
  'db_already_encrypted',
  'db_busy',
  'db_maintenance',
  'key_file_invalid',
  'key_file_missing',
  'passphrase_required',
  'passphrase_mismatch',
  'passphrase_too_short',
  'keychain_weak',
  'keychain_unavailable',
  'keychain_lost',
  // Sign-in, permissions, approvals, review packages.
  'not_signed_in',
  'session_expired',
  'forbidden',
  'login_failed',
  'account_locked',
  'account_disabled',
  'setup_done',
  'user_exists',
  'weak_password',
  'wrong_password',
  'last_admin',
  'illegal_transition',
  'not_supervisor',
  'own_proposal',
  'count_changed',
  'review_stale',
  'match_running',
  'signature_invalid',
  'package_invalid',
  'package_tampered',
  'package_untrusted',
  'pdf_unavailable',
  // Learning from decisions and model files.
  'learn_no_run',
  'learn_no_labels',
  'model_file_invalid',
  'model_file_tampered',
  'model_file_untrusted',
  // Sync with the national gateway.
  'sync_not_configured',
  'sync_refused',
  'sync_clock_skew',
  'sync_other_area',
  'sync_url_insecure',
  'sync_failed',
  'sync_gateway_unreachable',
  'sync_gateway_invalid',
  'sync_operator_refused',
  'record_gone',
  'correction_unneeded',
  'population_changed',
  // backups, restore, and the ways back in (recovery key, password reset)
  'backup_folder_missing',
  'backup_folder_not_writable',
  'backup_write_failed',
  'backup_verify_failed',
  'backup_required',
  'backup_invalid',
  'backup_wrong_key',
  'restore_busy',
  'recovery_needed',
  'recovery_key_format',
  'recovery_key_wrong',
  'reset_not_allowed',
  // Failures that are not the user's input: a message for people, the details in the error log.
  'conflict',
  'db_busy_retry',
  'storage_failed',
  'bad_request',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorShape {
  code: ErrorCode
  /** Vietnamese message (the default language); clients may re-render from code + params. */
  message: string
  params?: Record<string, string | number>
  issues?: { path: string; message: string }[]
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly params: Record<string, string | number>
  readonly issues?: { path: string; message: string }[]
  constructor(
    code: ErrorCode,
    params: Record<string, string | number> = {},
    issues?: { path: string; message: string }[]
  ) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.params = params
    this.issues = issues
  }
}

/** A short id an unexpected error is logged under, for the user to quote to support. */
export function newIncidentId(): string {
  const bytes = new Uint8Array(4)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** An API error on the client side of the boundary (preload, web client): code and params survive. */
export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode
  readonly params: Record<string, string | number>
  readonly issues?: { path: string; message: string }[]
  constructor(shape: ApiErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.params = shape.params ?? {}
    if (shape.issues) this.issues = shape.issues
  }

  /**
   * The plain shape. Electron's contextBridge keeps only the message of a real Error, so the
   * preload rejects with this object instead; the renderer reads `code` from either.
   */
  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message, params: this.params }
    if (this.issues) shape.issues = this.issues
    return shape
  }
}

/**
 * A failure outside the backend (a broken channel, a renderer bug): its text goes to the console
 * under an incident id, and the user sees the plain "unexpected error" message with that id.
 */
export function unexpectedError(where: string, detail: unknown): ApiError {
  const incident = newIncidentId()
  console.error(`[${where}] incident ${incident}:`, detail)
  return new ApiError({ code: 'internal', message: `incident ${incident}`, params: { incident } })
}

/** The value of an ok Result; otherwise its error, thrown as an ApiError. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value
  throw new ApiError(r.error)
}
