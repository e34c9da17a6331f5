// Synthetic answers of the backup API for the screens' tests.
import type {
  BackupContentsInfo,
  BackupEntry,
  BackupStatus,
  SnapshotInfo
} from '../../../shared/api'

export const SNAPSHOT: SnapshotInfo = {
  takenAt: '2026-12-07T09:33:00.000Z',
  schemaVersion: 8,
  counts: {
    population_record: 5000,
    source_record: 1000,
    import_batch: 2,
    link: 940,
    review_decision: 310,
    correction: 12,
    approval: 9,
    app_user: 3,
    audit_event: 402,
    candidate_pair: 12000
  },
  lastAudit: {
    id: 402,
    at: '2026-12-07T09:30:00.000Z',
    actor: 'giamsat',
    action: 'correction/approve'
  },
  unsynced: { pending: 2, sent: 1, parked: 0, conflict: 0 },
  commune: null
}

export const CONTENTS: BackupContentsInfo = {
  file: '/media/usb/SaoLuu/doisoat-xa-2026-12-07-163300.bak',
  bytes: 12 * 1024 * 1024,
  modifiedAt: '2026-12-07T09:33:05.000Z',
  snapshot: SNAPSHOT,
  pending: [
    {
      uuid: '0d6f8e8a-1111-4a4a-9a9a-000000000001',
      state: 'queued',
      populationKey: 'DC0000017',
      outbox: 'pending'
    },
    {
      uuid: '0d6f8e8a-1111-4a4a-9a9a-000000000002',
      state: 'queued',
      populationKey: 'DC0000023',
      outbox: 'pending'
    },
    {
      uuid: '0d6f8e8a-1111-4a4a-9a9a-000000000003',
      state: 'sent',
      populationKey: 'DC0000031',
      outbox: 'sent'
    }
  ],
  sameKey: true
}

export const GOOD: BackupEntry = {
  id: 7,
  reason: 'manual',
  startedAt: '2026-12-07T09:33:00.000Z',
  finishedAt: '2026-12-07T09:33:04.000Z',
  actor: 'canbo',
  folder: '/media/usb/SaoLuu',
  file: 'doisoat-xa-2026-12-07-163300.bak',
  ok: true,
  errorCode: null,
  bytes: 12 * 1024 * 1024,
  snapshot: SNAPSHOT
}

export const STATUS: BackupStatus = {
  folder: '/media/usb/SaoLuu',
  folderChosen: true,
  keepLast: 7,
  intervalHours: 24,
  enabled: true,
  last: GOOD,
  ageHours: 3.4,
  lastPresent: true,
  lastFailure: null,
  due: false,
  unbackedApprovals: 0,
  jobId: null
}
