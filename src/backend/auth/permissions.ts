// Who may call what: one table, checked by the host before any handler runs.
import type { ApiName } from '../../shared/api'
import { USER_ROLES } from '../../shared/roles'
import type { Principal } from './sessions'

type Who = Principal['role']

/** 'public': no session needed (signing in). Otherwise the roles allowed. */
export type Permission = 'public' | readonly Who[]

const ALL: readonly Who[] = USER_ROLES
const READ: readonly Who[] = [...USER_ROLES, 'operator']
const CLERK: readonly Who[] = ['clerk']
const SUPERVISOR: readonly Who[] = ['supervisor']
const ADMIN: readonly Who[] = ['admin']
/** Both sides of four eyes: those who propose and those who decide. */
const REVIEWERS: readonly Who[] = [...CLERK, ...SUPERVISOR]
/** Admins set up the first sample and may stop its work; clerks run imports and matches. */
const LOADERS: readonly Who[] = [...ADMIN, ...CLERK]

/**
 * Every API name, classified. Clerks load, match, review and propose; supervisors decide; admins
 * manage users and trusted keys (and may create the sample commune on first run). The CLI's
 * local operator only reads here: its import and match commands call the importer directly and
 * are audited under the operator's name.
 */
export const PERMISSIONS = {
  'auth/status': 'public',
  'auth/setup': 'public',
  'auth/login': 'public',
  'auth/logout': 'public',
  'auth/changePassword': ALL,
  'users/list': ADMIN,
  'users/create': ADMIN,
  'users/setActive': ADMIN,
  'trust/list': ADMIN,
  'trust/add': ADMIN,
  'app/info': READ,
  'batches/list': READ,
  'records/list': ALL,
  'sample/create': LOADERS,
  'import/preview': CLERK,
  'import/file': CLERK,
  'import/rejected': ALL,
  'import/exportRejected': ALL,
  'profiles/list': ALL,
  'profiles/save': CLERK,
  'dialog/openFile': ALL,
  'jobs/cancel': LOADERS,
  'jobs/list': ALL,
  'match/run': CLERK,
  'match/runs': ALL,
  'match/model': ALL,
  'match/pairs': ALL,
  'match/explain': ALL,
  'review/queue': ALL,
  'review/pair': ALL,
  'review/decide': CLERK,
  'review/undo': CLERK,
  'review/bulk': CLERK,
  'review/dashboard': ALL,
  'review/timeline': ALL,
  'reports/scopes': READ,
  'reports/build': READ,
  'reports/export': READ,
  'grid/export': ALL,
  'search/population': ALL,
  'corrections/propose': REVIEWERS,
  'corrections/list': ALL,
  'corrections/resubmit': REVIEWERS,
  'corrections/resign': SUPERVISOR,
  'corrections/withdraw': REVIEWERS,
  'corrections/verify': ALL,
  'approvals/list': REVIEWERS,
  'approvals/decide': SUPERVISOR,
  'approvals/bulk': SUPERVISOR,
  'packages/list': REVIEWERS,
  'packages/exportProposals': CLERK,
  'packages/importProposals': SUPERVISOR,
  'packages/exportDecisions': SUPERVISOR,
  'packages/importDecisions': CLERK,
  // Learning from decisions: clerks teach, re-fit, roll back and bring in models; a model file is
  // signed with the caller's key, which clerks and supervisors have.
  'learn/status': ALL,
  'learn/teach': ALL,
  'learn/version': ALL,
  'learn/refit': CLERK,
  'learn/rollback': CLERK,
  'learn/similar': CLERK,
  'learn/export': REVIEWERS,
  'learn/import': CLERK,
  'learn/apply': CLERK,
  'views/save': ALL,
  'views/list': ALL,
  'sync/status': ALL,
  'sync/run': REVIEWERS,
  'sync/configure': ADMIN,
  'sync/register': ADMIN,
  'sync/supervisors': ADMIN,
  'sync/registerSupervisors': ADMIN,
  'sync/test': ALL,
  'sync/accepted': ALL,
  'backup/status': READ,
  'backup/configure': ADMIN,
  'backup/run': ALL,
  'backup/list': ALL,
  // Before the first account exists a new laptop restores without signing in; afterwards the
  // handlers require an admin (adminOrFirstRun).
  'restore/inspect': 'public',
  'restore/run': 'public',
  // A locked database has no accounts to sign in with: the recovery key is the proof.
  'keys/status': 'public',
  'keys/unlock': 'public',
  'users/resetPassword': ADMIN,
  'auth/recoverAdmin': 'public',
  'settings/get': READ,
  'settings/set': ADMIN,
  // Only the desktop's main process answers these (a system dialog, no data); the first-run
  // screen of a new laptop picks its backup before any account exists.
  'dialog/openFolder': ADMIN,
  'dialog/openBackup': 'public'
} satisfies Record<ApiName, Permission>

/**
 * Whether `who` may call `name`. `adminActsAsClerk` (asked only when it decides) is the setting
 * under which an admin also holds every permission of a clerk; approving stays a supervisor's,
 * so four eyes holds.
 */
export function allowed(
  name: ApiName,
  who: Who | null,
  adminActsAsClerk: () => boolean = () => false
): boolean {
  const p: Permission = PERMISSIONS[name]
  if (p === 'public') return true
  if (who === null) return false
  if (p.includes(who)) return true
  return who === 'admin' && p.includes('clerk') && adminActsAsClerk()
}
