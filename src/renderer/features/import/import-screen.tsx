// Nhập dữ liệu: choose kind and file, preview with an editable column mapping, import as a job, then the summary.
import { useReducer } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ImportPreview, ImportSummary } from '../../../shared/api'
import type { SourceKind } from '../../../shared/fields'
import type { Mapping, MappableField } from '../../../shared/mapping'
import { useLanguage } from '../../i18n'
import type { PickedFile } from '../../lib/pick-file'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { importErrorText } from './import-format'
import { assignColumn, fieldsFromColumns, mappingFor } from './import-mapping'
import { StepStrip, type Step } from './import-steps'
import { PreviewPanel } from './preview-panel'
import { RunPanel, type Duplicate } from './run-panel'
import { SourcePanel } from './source-panel'
import { SummaryPanel } from './summary-panel'
import './import.css'

/** What one preview was asked for; a commit repeats it with what the preview found. */
interface PreviewRequest {
  kind: SourceKind
  file: PickedFile
  /** 'auto' or an encoding name. */
  encoding: string
  sheet?: string
  profile?: string
  /** The clerk's column choices; absent while detection (and the profile) decide. */
  fields?: Mapping['fields']
}

function previewArgs(r: PreviewRequest): ApiInput<'import/preview'> {
  const args: ApiInput<'import/preview'> = { kind: r.kind, path: r.file.path, encoding: r.encoding }
  if (r.sheet !== undefined) args.sheet = r.sheet
  if (r.profile !== undefined) args.profile = r.profile
  if (r.fields !== undefined) args.mapping = { fields: r.fields }
  return args
}

/** The commit: the same source, pinned to what the preview showed (encoding, sheet, every column). */
function commitArgs(
  r: PreviewRequest,
  preview: ImportPreview,
  allowDuplicate: boolean
): ApiInput<'import/file'> {
  const args: ApiInput<'import/file'> = {
    kind: r.kind,
    path: r.file.path,
    mapping: mappingFor(preview, preview.columnFields),
    allowDuplicate
  }
  if (preview.encoding !== null) args.encoding = preview.encoding.used
  if (preview.sheet !== null) args.sheet = preview.sheet
  if (r.profile !== undefined) args.profile = r.profile
  return args
}

function duplicateFromError(err: unknown): Duplicate | null {
  if (typeof err !== 'object' || err === null) return null
  const { code, params } = err as { code?: unknown; params?: Record<string, string | number> }
  if (code !== 'duplicate_file') return null
  return { batchId: params?.batchId ?? '?', createdAt: String(params?.date ?? '') }
}

/** What the screen holds besides its queries. */
interface ImportState {
  kind: SourceKind | null
  file: PickedFile | null
  profile: string | null
  /** What the latest preview asked for; only its answer counts (the clerk may change settings quickly). */
  request: PreviewRequest | null
  error: unknown
  cancelled: boolean
  /** Imported elsewhere since the preview said it was new. */
  duplicateError: Duplicate | null
  summary: ImportSummary | null
  /** The column the clerk last set to "not imported": the backend may still recognise its header. */
  dropped: number | null
}

/** What the clerk asks next starts clean: no error, notice or dropped column of the last. */
const CLEAN = { error: null, cancelled: false, duplicateError: null, dropped: null } as const

const INITIAL: ImportState = {
  ...CLEAN,
  kind: null,
  file: null,
  profile: null,
  request: null,
  summary: null
}

const reduce = (s: ImportState, change: Partial<ImportState>): ImportState => ({ ...s, ...change })

export function ImportScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [state, dispatch] = useReducer(reduce, INITIAL)
  const { kind, file, profile, request, cancelled, duplicateError, summary, dropped } = state
  // Without profiles the screen still imports; the save button reports its own errors.
  const profiles = useApiQuery('profiles/list', {})
  const saving = useApiMutation('profiles/save')
  const batches = useApiMutation('batches/list')
  const previewQuery = useApiQuery('import/preview', request && previewArgs(request))
  // An earlier preview stays on screen while the next one loads, but never another file's.
  const preview =
    request && previewQuery.dataArgs?.path === request.file.path ? previewQuery.data : undefined
  const loading = previewQuery.loading
  const error = state.error ?? previewQuery.error
  const setError = (e: unknown): void => dispatch({ error: e })

  /** The job ended without its result (a lost event stream): read the new batch from the list. */
  async function recoverSummary(): Promise<void> {
    try {
      const mine = (await batches.run({}))
        .filter((b) => b.sha256 === preview?.sha256)
        .sort((a, b) => b.id - a.id)[0]
      if (!mine) return
      dispatch({
        summary: {
          batchId: mine.id,
          kind: mine.kind,
          fileName: mine.fileName,
          rowsRead: mine.rowsRead,
          rowsAccepted: mine.rowsAccepted,
          rowsRejected: mine.rowsRejected,
          rejectedReasons: {},
          warnings: {}
        }
      })
    } catch (err) {
      setError(err)
    }
  }

  const job = useJob('import/file', (done: JobDone) => {
    if (done.state === 'done') {
      const result = done.result
      if (result && 'batchId' in result) dispatch({ summary: result })
      else void recoverSummary()
    } else if (done.state === 'cancelled') {
      dispatch({ cancelled: true })
    } else {
      setError(done.error ?? new Error(done.kind))
    }
  })

  /** Preview `next`, with whatever else changes at the same time. */
  function ask(next: PreviewRequest, also: Partial<ImportState> = {}): void {
    // Asked again with the same choices (a profile dropped, the same file again): ask again.
    if (request && JSON.stringify(previewArgs(next)) === JSON.stringify(previewArgs(request)))
      previewQuery.reload()
    dispatch({ ...CLEAN, request: next, ...also })
  }

  function chooseKind(next: SourceKind): void {
    // Profiles belong to a kind.
    const also = { kind: next, profile: null }
    if (file) ask({ kind: next, file, encoding: 'auto' }, also)
    else dispatch(also)
  }

  function chooseFile(next: PickedFile): void {
    const also = { file: next, summary: null }
    if (kind) ask({ kind, file: next, encoding: 'auto', profile: profile ?? undefined }, also)
    else dispatch({ ...also, request: null, error: null })
  }

  function chooseProfile(name: string | null): void {
    if (request)
      ask({ ...request, profile: name ?? undefined, fields: undefined }, { profile: name })
    else dispatch({ profile: name })
  }

  function chooseEncoding(encoding: string): void {
    // Header texts change with the encoding, so column choices made by header start over.
    if (request) ask({ ...request, encoding, fields: undefined })
  }

  function chooseSheet(sheet: string): void {
    if (request) ask({ ...request, sheet, fields: undefined })
  }

  function chooseColumn(index: number, field: MappableField | null): void {
    if (!request || !preview) return
    const columns = assignColumn(preview.columnFields, index, field)
    ask(
      { ...request, fields: fieldsFromColumns(preview.headers, columns) },
      { dropped: field === null ? index : null }
    )
  }

  async function saveProfile(name: string): Promise<void> {
    if (!request || !preview) return
    const mapping = mappingFor(preview, preview.columnFields)
    if (request.encoding !== 'auto') mapping.encoding = request.encoding
    if (request.sheet !== undefined) mapping.sheet = request.sheet
    const saved = await saving.run({ name, kind: request.kind, mapping })
    // A name is one profile, whatever its kind: saving again replaces it.
    profiles.set([...(profiles.data ?? []).filter((p) => p.name !== saved.name), saved])
    // The import goes with it from now on (the preview already shows its mapping).
    dispatch({ profile: saved.name })
  }

  function startImport(allowDuplicate: boolean): void {
    if (!request || !preview) return
    dispatch({ error: null, cancelled: false, duplicateError: null })
    job
      .start(commitArgs({ ...request, profile: profile ?? undefined }, preview, allowDuplicate))
      .catch((err: unknown) => {
        // Imported elsewhere since the preview: ask, as the preview would have.
        const dup = duplicateFromError(err)
        dispatch(dup ? { duplicateError: dup } : { error: err })
      })
  }

  function cancelImport(): void {
    job.cancel().catch(setError)
  }

  /** Back to step 1 for another file; the kind and profile stay, they are often the same. */
  const startOver = (): void => dispatch({ ...CLEAN, file: null, request: null, summary: null })

  const step: Step = summary ? 'result' : job.running ? 'run' : preview ? 'preview' : 'source'
  const duplicate: Duplicate | null =
    duplicateError ??
    (preview?.duplicateOf
      ? { batchId: preview.duplicateOf.batchId, createdAt: preview.duplicateOf.createdAt }
      : null)
  const kindProfiles = (profiles.data ?? []).filter((p) => p.kind === kind)
  const keptField = dropped !== null && !loading ? (preview?.columnFields[dropped] ?? null) : null
  const keptNotice =
    preview && dropped !== null && keptField !== null
      ? t('import.columnKept', {
          column: preview.headers[dropped] ?? `#${dropped + 1}`,
          field: t(`fields.${keptField}`, { defaultValue: keptField })
        })
      : null

  const messages = (
    <>
      {cancelled && (
        <p className="alert alert-info" role="status">
          {t('errors.job_cancelled')}
        </p>
      )}
      {error !== null && (
        <p className="alert alert-error" role="alert" data-testid="import-error">
          {importErrorText(error, t, lng, file?.name)}
        </p>
      )}
    </>
  )

  return (
    <section className="screen import-screen">
      <h1 className="screen-title">{t('import.title')}</h1>
      <StepStrip current={step} />
      {summary ? (
        <SummaryPanel summary={summary} onAgain={startOver} />
      ) : (
        <>
          <SourcePanel
            kind={kind}
            file={file}
            profile={profile}
            profiles={kindProfiles}
            disabled={job.running}
            onKind={chooseKind}
            onFile={chooseFile}
            onProfile={chooseProfile}
            onError={setError}
          />
          {!preview && loading && (
            <p className="muted" role="status">
              {t('import.previewing')}
            </p>
          )}
          {!preview && messages}
          {preview && request && (
            <>
              <PreviewPanel
                preview={preview}
                encoding={request.encoding}
                loading={loading}
                disabled={job.running}
                onEncoding={chooseEncoding}
                onSheet={chooseSheet}
                onColumn={chooseColumn}
                onSaveProfile={saveProfile}
                notice={keptNotice}
              />
              <RunPanel
                preview={preview}
                duplicate={duplicate}
                running={job.running}
                progress={job.progress}
                busy={loading}
                onImport={startImport}
                onDrop={startOver}
                onCancel={cancelImport}
              />
              {messages}
            </>
          )}
        </>
      )}
    </section>
  )
}
