// Who uses the app: the user roles, and the roles whose keys another machine may trust.

export const USER_ROLES = ['admin', 'clerk', 'supervisor'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** Roles that sign review packages, so the only ones another machine registers a key for. */
export const KEY_ROLES = ['clerk', 'supervisor'] as const satisfies readonly UserRole[]
export type KeyRole = (typeof KEY_ROLES)[number]
