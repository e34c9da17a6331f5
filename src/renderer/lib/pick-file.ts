// Choosing a file to import: the system dialog in Electron (a path on disk), an upload in web mode.
import { MAX_UPLOAD_BYTES } from '../../shared/api'
import { uploader } from './api'

/** A file the backend can read, and the name the clerk knows it by. */
export interface PickedFile {
  /** What import calls name it by: a path in Electron, the upload's id in web mode. */
  path: string
  name: string
}

/** What the importer reads; an .xls still passes, so the backend can say to save it as .xlsx. */
export const ACCEPTED_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xls'] as const

/** For <input accept>. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',')

/** 'upload' in web mode (a file input), 'dialog' in Electron (the main process's dialog). */
export function pickMode(): 'dialog' | 'upload' {
  return uploader() ? 'upload' : 'dialog'
}

/** Electron: what the system's open-file dialog answered; null when it was closed unchosen. */
export function picked({ path }: { path: string | null }): PickedFile | null {
  return path === null ? null : { path, name: path.split(/[\\/]/).pop() ?? path }
}

/** The browser refuses nothing by size, the server does: say so before sending 512 MB for nothing. */
export class FileTooLargeError extends Error {
  readonly fileName: string
  constructor(fileName: string) {
    super('file too large')
    this.name = 'FileTooLargeError'
    this.fileName = fileName
  }
}

/** Web mode: sends the chosen file to the server; import calls then name it by its upload id. */
export async function uploadPicked(file: File): Promise<PickedFile> {
  const upload = uploader()
  if (!upload) throw new Error('upload is only available in web mode')
  if (file.size > MAX_UPLOAD_BYTES) throw new FileTooLargeError(file.name)
  return { path: await upload(file), name: file.name }
}
