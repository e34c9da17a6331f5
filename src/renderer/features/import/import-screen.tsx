// Nhập dữ liệu: choose kind and file, preview with an editable column mapping, import as a job, then the summary.
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ImportPreview, ImportSummary, Profile } from '../../../shared/api'
import type { SourceKind } from '../../../shared/fields'
import type { Mapping, MappableField } from '../../../shared/mapping'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import type { PickedFile } from '../../lib/pick-file'
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

export function ImportScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [kind, setKind] = useState<SourceKind | null>(null)
  const [file, setFile] = useState<PickedFile | null>(null)
  const [profile, setProfile] = useState<string | null>(null)
  const [profiles, setProfiles] = useState<Profile[]>([])
  const [request, setRequest] = useState<PreviewRequest | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [cancelled, setCancelled] = useState(false)
  const [duplicateError, setDuplicateError] = useState<Duplicate | null>(null)
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  // The column the clerk last set to "not imported": the backend may still recognise its header.
  const [dropped, setDropped] = useState<number | null>(null)
  // Only the answer to the latest preview request counts: the clerk may change settings quickly.
  const latest = useRef(0)

  useEffect(() => {
    let live = true
    api.call('profiles/list', {}).then(
      (list) => live && setProfiles(list),
      // Without profiles the screen still imports; the save button reports its own errors.
      () => undefined
    )
    return () => {
      live = false
    }
  }, [])

  /** The job ended without its result (a lost event stream): read the new batch from the list. */
  async function recoverSummary(): Promise<void> {
    try {
      const batches = await api.call('batches/list', {})
      const mine = batches
        .filter((b) => b.sha256 === preview?.sha256)
        .sort((a, b) => b.id - a.id)[0]
      if (!mine) return
      setSummary({
        batchId: mine.id,
        kind: mine.kind,
        fileName: mine.fileName,
        rowsRead: mine.rowsRead,
        rowsAccepted: mine.rowsAccepted,
        rowsRejected: mine.rowsRejected,
        rejectedReasons: {},
        warnings: {}
      })
    } catch (err) {
      setError(err)
    }
  }

  const job = useJob((done: JobDone) => {
    if (done.state === 'done') {
      const result = done.result
      if (result && 'batchId' in result) setSummary(result)
      else void recoverSummary()
    } else if (done.state === 'cancelled') {
      setCancelled(true)
    } else {
      setError(done.error ?? new Error(done.kind))
    }
  })

  function runPreview(next: PreviewRequest): void {
    const mine = ++latest.current
    setRequest(next)
    setLoading(true)
    setError(null)
    setCancelled(false)
    setDuplicateError(null)
    setDropped(null)
    api.call('import/preview', previewArgs(next)).then(
      (result) => {
        if (mine !== latest.current) return
        setPreview(result)
        setLoading(false)
      },
      (err: unknown) => {
        if (mine !== latest.current) return
        setError(err)
        setLoading(false)
      }
    )
  }

  function chooseKind(next: SourceKind): void {
    setKind(next)
    // Profiles belong to a kind.
    setProfile(null)
    if (file) runPreview({ kind: next, file, encoding: 'auto' })
  }

  function chooseFile(next: PickedFile): void {
    setFile(next)
    setPreview(null)
    setSummary(null)
    if (kind) {
      runPreview({ kind, file: next, encoding: 'auto', profile: profile ?? undefined })
    } else {
      latest.current++
      setRequest(null)
      setError(null)
    }
  }

  function chooseProfile(name: string | null): void {
    setProfile(name)
    if (request) runPreview({ ...request, profile: name ?? undefined, fields: undefined })
  }

  function chooseEncoding(encoding: string): void {
    // Header texts change with the encoding, so column choices made by header start over.
    if (request) runPreview({ ...request, encoding, fields: undefined })
  }

  function chooseSheet(sheet: string): void {
    if (request) runPreview({ ...request, sheet, fields: undefined })
  }

  function chooseColumn(index: number, field: MappableField | null): void {
    if (!request || !preview) return
    const columns = assignColumn(preview.columnFields, index, field)
    runPreview({ ...request, fields: fieldsFromColumns(preview.headers, columns) })
    if (field === null) setDropped(index)
  }

  async function saveProfile(name: string): Promise<void> {
    if (!request || !preview) return
    const mapping = mappingFor(preview, preview.columnFields)
    if (request.encoding !== 'auto') mapping.encoding = request.encoding
    if (request.sheet !== undefined) mapping.sheet = request.sheet
    const saved = await api.call('profiles/save', { name, kind: request.kind, mapping })
    // A name is one profile, whatever its kind: saving again replaces it.
    setProfiles((list) => [...list.filter((p) => p.name !== saved.name), saved])
    setProfile(saved.name)
    setRequest({ ...request, profile: saved.name })
  }

  function startImport(allowDuplicate: boolean): void {
    if (!request || !preview) return
    setError(null)
    setCancelled(false)
    setDuplicateError(null)
    job
      .start(() => api.call('import/file', commitArgs(request, preview, allowDuplicate)))
      .catch((err: unknown) => {
        // Imported elsewhere since the preview: ask, as the preview would have.
        const dup = duplicateFromError(err)
        if (dup) setDuplicateError(dup)
        else setError(err)
      })
  }

  function cancelImport(): void {
    job.cancel().catch((err: unknown) => setError(err))
  }

  /** Back to step 1 for another file; the kind and profile stay, they are often the same. */
  function startOver(): void {
    latest.current++
    setFile(null)
    setRequest(null)
    setPreview(null)
    setSummary(null)
    setError(null)
    setCancelled(false)
    setDuplicateError(null)
    setDropped(null)
    setLoading(false)
  }

  const step: Step = summary ? 'result' : job.running ? 'run' : preview ? 'preview' : 'source'
  const duplicate: Duplicate | null =
    duplicateError ??
    (preview?.duplicateOf
      ? { batchId: preview.duplicateOf.batchId, createdAt: preview.duplicateOf.createdAt }
      : null)
  const kindProfiles = profiles.filter((p) => p.kind === kind)
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
          {importErrorText(error, t, lng)}
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
