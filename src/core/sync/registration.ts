// The files an admin and the gateway operator exchange to set up sync: the workstation's
// registration (what `POST /admin/workstations` answers, optionally with the gateway's address)
// read from a file or pasted text, and the supervisors' public keys for the operator to register.

/** A workstation credential as the operator hands it over. */
export interface WorkstationRegistration {
  /** The gateway's address, when the operator wrote it in. */
  url: string | null
  workstationId: string
  secret: string
  commune: string
  /** The name the operator registered the workstation under, when given. */
  name: string | null
}

/** What the admin's "supervisor keys" file holds: one entry per `PUT /admin/supervisors/{username}`. */
export interface SupervisorKeysFile {
  kind: typeof SUPERVISOR_KEYS_KIND
  commune: string | null
  supervisors: { username: string; displayName: string; publicKey: string; fingerprint: string }[]
}

export const SUPERVISOR_KEYS_KIND = 'doisoat-supervisor-keys'

const text = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.trim() !== '' && v.trim().length <= max ? v.trim() : null

/**
 * Reads a registration from a file's text or a paste: the JSON object the gateway answered
 * (`{"id", "secret", "commune"}`), with `workstationId` accepted for `id` and an optional `url`
 * and `name`. Text around the object (an e-mail's greeting, a byte-order mark) is ignored.
 * Null when the text holds no such object.
 */
export function parseRegistration(input: string): WorkstationRegistration | null {
  const start = input.indexOf('{')
  const end = input.lastIndexOf('}')
  if (start < 0 || end <= start) return null
  let v: unknown
  try {
    v = JSON.parse(input.slice(start, end + 1))
  } catch {
    return null
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const o = v as Record<string, unknown>
  const workstationId = text(o.workstationId ?? o.id, 200)
  const secret = text(o.secret, 500)
  const commune = text(o.commune, 16)
  if (!workstationId || !secret || !commune) return null
  return {
    url: text(o.url, 2000),
    workstationId,
    secret,
    commune,
    name: text(o.name, 200)
  }
}

/** The supervisors' keys as one JSON text, for a file or the clipboard. */
export function supervisorKeysText(
  commune: string | null,
  supervisors: SupervisorKeysFile['supervisors']
): string {
  const file: SupervisorKeysFile = { kind: SUPERVISOR_KEYS_KIND, commune, supervisors }
  return `${JSON.stringify(file, null, 2)}\n`
}
