// Web mode's uploads: files a browser sent, kept privately next to the database until their import.
import { randomBytes } from 'node:crypto'
import { chmodSync, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join, sep } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../shared/errors'
import type { FileSource } from '../files'

export interface UploadLimits {
  /** Bytes of one file. */
  file: number
  /** Bytes of every upload held at once (waiting for import, or arriving). */
  total: number
}

interface Upload {
  folder: string
  path: string
  /** The session that sent it: no other session may name it. */
  owner: string
  size: number
}

/** Upload ids look nothing like a path, so a call naming a path is plainly not one of them. */
const ID = /^upload:[A-Za-z0-9_-]{24}$/

/** The clerk's file name, made safe as one path segment (it also names the import batch). */
function safeName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').slice(0, 200)
  return clean === '' || clean === '.' || clean === '..' ? 'upload' : clean
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>()
  /** Bytes held, counting uploads still arriving. */
  private held = 0

  /**
   * Takes `dir` over: whatever an earlier run left there (a crash, a kill) is deleted now, since
   * nothing can import it any more. The folder is the server user's alone (0700, files 0600).
   */
  constructor(
    readonly dir: string,
    readonly limits: UploadLimits
  ) {
    // A symbolic link planted in the folder's place is removed, never followed.
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    chmodSync(dir, 0o700)
  }

  /** Stores a file's bytes for `owner`; an upload over either limit leaves nothing behind. */
  async receive(body: Readable, name: string, owner: string, declared: number): Promise<string> {
    if (declared > this.limits.file || this.held + declared > this.limits.total)
      throw this.tooLarge()
    const id = `upload:${randomBytes(18).toString('base64url')}`
    const folder = join(this.dir, id.slice('upload:'.length))
    mkdirSync(folder, { mode: 0o700 })
    const path = join(folder, safeName(name))
    let size = 0
    const count = new Transform({
      transform: (chunk: Buffer, _enc, next) => {
        size += chunk.length
        this.held += chunk.length
        if (size > this.limits.file || this.held > this.limits.total) next(this.tooLarge())
        else next(null, chunk)
      }
    })
    // The request is piped, not handed to the pipeline: a refusal stops reading it but leaves
    // the connection able to carry the answer.
    const written = pipeline(count, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
    body.on('close', () => {
      if (!(body as Readable & { complete?: boolean }).complete)
        count.destroy(new AppError('validation', { detail: 'upload interrupted' }))
    })
    body.pipe(count)
    try {
      await written
    } catch (e) {
      body.unpipe(count)
      this.held -= size
      rmSync(folder, { recursive: true, force: true })
      throw e
    }
    this.uploads.set(id, { folder, path, owner, size })
    return id
  }

  /** What calls from `owner` may read: that session's uploads, by id, and nothing else. */
  source(owner: string): FileSource {
    return {
      path: (ref) => {
        const upload = ID.test(ref) ? this.uploads.get(ref) : undefined
        if (!upload || upload.owner !== owner) throw new AppError('upload_unknown')
        return upload.path
      },
      release: (ref) => {
        if (this.uploads.get(ref)?.owner === owner) this.remove(ref)
      }
    }
  }

  /** Deletes the uploads of every session `alive` no longer knows (signed out, expired). */
  sweep(alive: (owner: string) => boolean): void {
    for (const [id, u] of this.uploads) if (!alive(u.owner)) this.remove(id)
  }

  /** The uploads held now (tests, and the count in a health view). */
  get count(): number {
    return this.uploads.size
  }

  /**
   * A text the browser will see, with every upload's place on the server reduced to its file
   * name: an error about an uploaded file names the clerk's file, never the data folder.
   */
  scrub(text: string): string {
    const prefix = JSON.stringify(this.dir + sep).slice(1, -1)
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const slash = JSON.stringify(sep).slice(1, -1).replace(/\\/g, '\\\\')
    return text.replace(new RegExp(`${escaped}[A-Za-z0-9_-]+${slash}`, 'g'), '')
  }

  /** Everything goes: the server is closing. */
  close(): void {
    this.uploads.clear()
    this.held = 0
    rmSync(this.dir, { recursive: true, force: true })
  }

  private remove(id: string): void {
    const u = this.uploads.get(id)
    if (!u) return
    this.uploads.delete(id)
    this.held -= u.size
    rmSync(u.folder, { recursive: true, force: true })
  }

  private tooLarge(): AppError {
    return new AppError('upload_too_large', { max: Math.floor(this.limits.file / (1024 * 1024)) })
  }
}
