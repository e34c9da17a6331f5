// Where the files a call names come from: paths on this machine, or one web session's uploads.

/**
 * What import-type handlers read through, so each host decides what a file name in a call may
 * reach. The desktop app and the CLI run as the user sitting at the machine, who may already read
 * any file they name; web mode answers a browser, which must never name a file on the server.
 */
export interface FileSource {
  /** The path on this machine of the file a call names; throws when the caller may not read it. */
  path(ref: string): string
  /** The call is finished with that file (imported, or failed): an upload is deleted. */
  release(ref: string): void
}

/** The desktop app and the CLI: a call names a path, read as the user who runs the app. */
export const localFiles: FileSource = {
  path: (ref) => ref,
  release: () => undefined
}
