// Contract of 'settings/*': settings of the whole app, read by everyone signed in, changed by an admin.
import { z } from 'zod'
import { empty } from './common'

export const settingsInputs = {
  'settings/get': empty,
  'settings/set': z
    .object({
      /**
       * The admin also takes the clerk's role (a commune with one person at the desk): imports,
       * matches, reviews and proposes. Approval stays with supervisors, so nobody approves their
       * own proposal.
       */
      adminReviews: z.boolean()
    })
    .strict()
} as const

export interface SettingsOutputs {
  'settings/get': AppSettings
  'settings/set': AppSettings
}

export interface AppSettings {
  adminReviews: boolean
}
