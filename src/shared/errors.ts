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
  'duplicate_file',
  // Web mode: a browser sends a file's bytes and names the upload, never a path on the server.
  'upload_unknown',
  'upload_too_large',
  // encryption at rest (issue 6)
  'db_locked',
  'db_wrong_key',
  'db_not_encrypted',
  'db_already_encrypted',
  'db_busy',
  'key_file_invalid',
  'key_file_missing',
  'passphrase_required',
  'passphrase_mismatch',
  'keychain_unavailable',
  'keychain_lost',
  // Issue 6: sign-in, permissions, approvals, review packages.
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
  'signature_invalid',
  'package_invalid',
  'package_tampered',
  'package_untrusted',
  'pdf_unavailable',
  // Issue 7: sync with the national gateway.
  'sync_not_configured',
  'sync_refused',
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

/** The value of an ok Result; otherwise its error, thrown as an ApiError. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value
  throw new ApiError(r.error)
}
