// English strings; must have exactly the keys of vi.ts (the type checks it).
import type { Messages } from './vi'

export const en: Messages = {
  app: {
    title: 'Đối soát',
    subtitle: 'Reconcile civil registers with the national population database'
  },
  nav: {
    overview: 'Overview',
    import: 'Import',
    match: 'Reconcile',
    teach: 'Teach the model',
    approve: 'Approve',
    sync: 'Sync',
    reports: 'Reports',
    backup: 'Backup',
    settings: 'Settings',
    label: 'Main navigation'
  },
  lang: { vi: 'Tiếng Việt', en: 'English', label: 'Language' },
  fields: {
    record_key: 'Record key',
    full_name: 'Full name',
    family_name: 'Family name',
    middle_name: 'Middle name',
    given_name: 'Given name',
    dob: 'Date of birth',
    dob_precision: 'Date precision',
    sex: 'Sex',
    id_number: 'Personal ID',
    legacy_id: 'Old ID (CMND)',
    other_id: 'Other identifier (health card, passport, register number...)',
    residence: 'Residence',
    residence_province_code: 'Province code',
    residence_commune_code: 'Commune code',
    residence_scheme: 'Address scheme',
    hometown: 'Hometown',
    ethnicity: 'Ethnicity',
    father_name: "Father's name",
    mother_name: "Mother's name",
    spouse_name: "Spouse's name",
    vital_status: 'Vital status',
    death_date: 'Date of death',
    version: 'Version',
    row_no: 'Row number (No.)',
    id_any: 'Personal ID or old ID (CMND)',
    residence_street: 'Street address (house, hamlet)',
    residence_commune: 'Commune / ward of residence',
    residence_district: 'District of residence (old)',
    residence_province: 'Province / city of residence',
    registration_number: 'Registration number',
    event_date: 'Date of the civil-status event',
    event_place: 'Place of the civil-status event',
    batch_id: 'Batch',
    row_number: 'Row'
  },
  values: {
    sex: { M: 'Male', F: 'Female' },
    vital_status: { alive: 'Alive', deceased: 'Deceased' },
    dob_precision: { day: 'day', month: 'month', year: 'year' },
    residence_scheme: {
      pre2025: 'old units (before 1 July 2025)',
      post2025: 'new units (from 1 July 2025)'
    },
    kind: { population: 'Population database', registry: 'Civil register' }
  },
  records: {
    title: 'Records',
    population: 'Population (national)',
    source: 'Local registers',
    search: 'Search by name, ID…',
    total: 'Total: {{count}} records',
    empty: 'No records yet.',
    table: 'Data table',
    searchLabel: 'Search records'
  },
  overview: {
    title: 'Overview',
    population: 'Population records',
    source: 'Local records',
    batches: 'Imported batches',
    rejected: 'Rejected rows',
    loading: 'Loading…',
    counts: 'Figures'
  },
  dashboard: {
    loading: 'Loading reconciliation figures…',
    noRun: 'No reconciliation run yet. Import data and run a match to see progress.',
    runLabel: 'Match run {{id}}',
    total: 'Records to review',
    decided: 'Reviewed',
    auto: 'Accepted automatically',
    remaining: 'Remaining',
    byGrade: 'By match grade',
    byFlag: 'Mismatches by type',
    byFlagHint: 'Records with each kind of mismatch (a record may have several)',
    noFlags: 'No mismatches.',
    progress: 'Review progress',
    progressHint: 'Decisions made, cumulative by day',
    progressNone: 'No decisions yet.',
    perDay: '{{count}} decisions on {{date}}, {{total}} in total',
    byBatch: 'Progress by batch',
    batch: 'Batch',
    file: 'File',
    done: 'Reviewed',
    left: 'Remaining',
    share: 'Share',
    barLabel: '{{label}}: {{count}}',
    jobs: 'Running tasks',
    jobKind: {
      import: 'Import',
      sample: 'Sample commune',
      match: 'Reconciliation'
    },
    grades: {
      certain: 'Certain',
      probable: 'Probable',
      possible: 'Possible',
      none: 'No match'
    }
  },
  reports: {
    title: 'Data reconciliation report',
    intro:
      'A report of the reconciliation of one data batch or one commune: figures, mismatches by type, proposed corrections and a signatures block.',
    scopeKind: 'Scope',
    byBatch: 'By batch',
    byCommune: 'By commune',
    batchOption: 'Batch {{id}}: {{file}}',
    communeOption: '{{name}} ({{code}}), {{count}} records',
    noScopes: 'No local data batch to report on yet.',
    preview: 'Preview',
    downloadPdf: 'Download PDF',
    downloadXlsx: 'Download Excel (XLSX)',
    working: 'Creating the file…',
    saved: 'Created {{file}}.',
    scopeBatch: 'Data batch {{id}} ({{file}})',
    scopeCommune: '{{name}} (code {{code}})',
    issuer: "{{name}} People's Committee",
    issuerUnknown: "PEOPLE'S COMMITTEE",
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    runLabel: 'run {{id}}, {{date}}',
    batchLine:
      '{{id}}, {{file}} ({{kind}}), imported {{date}}: {{read}} rows read, {{accepted}} accepted, {{rejected}} rejected',
    correctionsLine:
      'Awaiting approval: {{proposed}}; approved: {{approved}}; other states: {{other}}.',
    noMismatches: 'No mismatches.',
    noCorrections: 'No correction proposed yet.',
    placeDate: '…………, date …… / …… / ……',
    signHint: '(Signature and full name)',
    dateLine: 'Date ……/……/………',
    gridNames: { queue: 'Review queue' },
    gridColumns: {
      sourceKey: 'Record key (local)',
      name: 'Full name (local)',
      dob: 'Date of birth (local)',
      batch: 'Batch',
      commune: 'Commune code',
      populationKey: 'Population record key',
      populationName: 'Full name (population)',
      populationDob: 'Date of birth (population)',
      grade: 'Match grade',
      probability: 'Probability',
      flags: 'Mismatches',
      state: 'Review state'
    },
    exportGroup: 'Export every row of this view (all pages, current filters and order)',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export Excel',
    exporting: 'Exporting…',
    exported: 'Exported {{rows}} rows to {{file}}.',
    header: {
      commune: 'Commune',
      scope: 'Scope',
      batch: 'Data batch',
      run: 'Match run',
      period: 'Review period',
      generated: 'Date',
      generatedBy: 'Prepared by'
    },
    sections: {
      summary: 'Summary',
      mismatches: 'Mismatches by type',
      corrections: 'Corrections proposed and approved',
      signatures: 'Signatures'
    },
    summary: {
      total: 'Records reconciled',
      matched: 'Found in the population database',
      unmatched: 'Not found in the population database',
      autoAccepted: 'Linked automatically (not reviewed by anyone)',
      decided: 'Reviewed',
      remaining: 'Not reviewed yet',
      correctionsProposed: 'Corrections awaiting approval',
      correctionsApproved: 'Corrections approved'
    },
    grades: {
      certain: 'Certain match',
      probable: 'Probable match',
      possible: 'Possible match',
      none: 'Not found'
    },
    columns: {
      no: 'No.',
      item: 'Item',
      value: 'Value',
      count: 'Count',
      share: 'Share (%)',
      mismatch: 'Mismatch',
      populationKey: 'Population record',
      name: 'Full name',
      field: 'Field',
      oldValue: 'Current value',
      newValue: 'Proposed value',
      side: 'Side to correct',
      reason: 'Reason',
      state: 'State',
      proposedBy: 'Proposed by',
      proposedAt: 'Proposed on'
    },
    sheets: {
      summary: 'Summary',
      mismatches: 'Mismatches',
      corrections: 'Corrections',
      signatures: 'Signatures'
    },
    signers: {
      clerk: 'RECONCILIATION CLERK',
      reviewer: 'REVIEWER',
      head: 'HEAD OF UNIT'
    }
  },

  welcome: {
    title: 'Welcome to Đối soát',
    body: 'The database is empty. You can create a sample commune with synthetic data (not real people) to explore the app.',
    create: 'Create a sample commune',
    creating: 'Creating the sample commune…',
    skip: 'Later'
  },
  firstRun: {
    title: 'Next step: create the clerk and supervisor accounts',
    body: 'The administrator account only manages users, keys and sync: an administrator does not import, match or approve. Create the accounts of the clerk and the supervisor now; each person signs in with their own.',
    clerkTitle: 'Clerk',
    clerkHint: 'Imports files, runs matching, reviews each pair and proposes corrections.',
    supervisorTitle: 'Supervisor',
    supervisorHint:
      'Approves or rejects proposed corrections and signs them before they are sent; never their own proposals.',
    createClerk: 'Create the clerk account',
    createSupervisor: 'Create the supervisor account',
    passwordHint: 'At least 8 characters. Users can change their password in Settings.',
    usernameHint: 'Lower-case letters without accents, digits, dots or dashes; 2 to 32 characters.',
    created:
      'The {{role}} account of {{name}} is created (user name: {{username}}). Give that person the user name and password.',
    existing: 'Already there: {{names}}.',
    done: 'The clerk and supervisor accounts exist. Sign out, then sign in as the clerk to import files and run matching.'
  },
  jobs: {
    progress: '{{phase}}: {{done}} / {{total}}',
    progressNoTotal: '{{phase}}: {{done}}',
    progressRecords: '{{phase}}: {{done}} / {{total}} records',
    progressPercent: '{{phase}}: {{percent}}%',
    cancel: 'Cancel',
    starting: 'Starting…',
    cancelled: 'The job was cancelled.',
    phase: {
      generate: 'Generating sample data',
      read: 'Reading the file',
      write: 'Writing',
      index: 'Building indexes',
      search: 'Building the quick-search index',
      population: 'Importing population records',
      registry: 'Importing the register',
      scan: 'Matching',
      fit: 'Estimating the model',
      push: 'Sending corrections',
      pull: 'Receiving population records',
      backup: 'Backing up'
    }
  },
  placeholder: {
    soon: 'This screen comes in a later version.'
  },
  grid: {
    ariaRowSelect: 'Press Space to select this row',
    ariaRowDeselect: 'Press Space to deselect this row',
    ariaRowToggleSelection: 'Press Space to toggle row selection',
    ariaRowSelectAll: 'Press Space to toggle all rows selection',
    ariaSortableColumn: 'Press Enter to sort',
    ariaMenuColumn: 'Press Alt and Down to open the column menu',
    ariaLabelColumnMenu: 'Column menu',
    ariaFilterColumn: 'Press Ctrl and Enter to open the filter',
    ariaColumnFiltered: 'Column filtered',
    loading: 'Loading…',
    noRows: 'No records',
    noMatchingRows: 'No matching records',
    loadingError: 'ERR',
    rowLoading: 'Row is loading',
    rowLoadingFailed: 'Row failed to load',
    page: 'Page',
    of: 'of',
    to: 'to',
    more: 'more',
    firstPage: 'First page',
    lastPage: 'Last page',
    nextPage: 'Next page',
    previousPage: 'Previous page',
    thousandSeparator: ',',
    decimalSeparator: '.'
  },
  network: {
    offline:
      'Cannot reach the Đối soát server. Check that "doisoat serve" is still running, then reload the page.',
    badResponse: 'The server sent an invalid answer (HTTP {{status}}). Reload the page.'
  },
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullscreen: 'Full screen',
    reload: 'Reload',
    devTools: 'Developer tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close window'
  },
  shell: {
    encryptTitle: 'Encrypt the data',
    encryptQuestion: 'This database is not encrypted. Encrypt it now?',
    encryptDetail:
      "Citizens' data on a laptop must be encrypted. The app writes an encrypted copy before replacing the old file; if anything fails, the original is kept. File: {{path}}",
    encryptButton: 'Encrypt',
    quitButton: 'Quit',
    recoveryTitle: 'Recovery key',
    recoveryMessage: 'Write this recovery key on paper. It is shown only once.',
    recoveryDetail:
      '{{key}}\n\nIf the system keychain is lost (reinstall, new machine), only this key opens the data ({{path}}). Keep it somewhere safe, not on this computer.',
    recoveryOk: 'I have written it down',
    startFailedTitle: 'Đối soát could not start',
    backendFailed:
      'The data process keeps stopping (code {{code}}). Saved data is not lost. Close and reopen the app; if it happens again, contact support.',
    nativeRebuild:
      'The SQLite library (better-sqlite3) is not built for Electron: run "npm start" or "node scripts/electron-native.mjs", then reopen the app.'
  },
  errors: {
    validation: 'Invalid input: {{detail}}',
    unknown_handler: 'There is no function "{{name}}".',
    not_found: '{{what}} not found.',
    unauthorized:
      'Missing or wrong access token. Open the exact address that "doisoat serve" printed.',
    db_too_new:
      'This database was written by a newer version (schema {{found}}; this version supports up to {{supported}}). Update the app; the data was not changed.',
    db_open_failed: 'Cannot open the database "{{path}}": {{detail}}',
    file_not_found: 'File "{{path}}" not found.',
    file_empty:
      'File "{{path}}" is empty: it has no data rows (perhaps only a header row, or nothing at all). Check that you chose the right file, or export the list again and import it.',
    file_unreadable: 'Cannot read file "{{path}}": {{detail}}',
    mapping_unknown_columns:
      'The mapping names columns the file does not have: {{columns}}. Correct the names to match the header row.',
    sheet_not_found: 'There is no sheet "{{sheet}}" in the file. Its sheets are: {{sheets}}.',
    xls_unsupported:
      'Excel 97–2003 files (.xls) are not supported, for security reasons. Open the file in Excel or LibreOffice, use Save As to save it as .xlsx, and import that.',
    unsupported_here: 'This function is not available in this mode.',
    missing_columns:
      'The file lacks required columns: {{columns}}. Check the header row (e.g. "Họ và tên").',
    job_cancelled: 'Cancelled. Nothing was written.',
    job_not_found: 'Job {{jobId}} not found.',
    match_running:
      'A matching run is already under way. Wait for it to finish (its progress is on the Đối soát screen), or cancel it and start again.',
    duplicate_file:
      'This file was already imported on {{date}} (batch {{batchId}}). Importing it again would duplicate records: check that you chose the right file, and import it again only when you are sure.',
    out_folder_missing:
      'Cannot write "{{path}}": the folder "{{folder}}" does not exist. Create it or choose another place; no file was written.',
    out_is_folder:
      '"{{path}}" is a folder, not a file. Give the name of the file to create (e.g. "{{path}}/result.csv").',
    out_not_writable:
      'You may not write in the folder "{{folder}}". Choose a folder you can write in; no file was written.',
    disk_full:
      'The disk filled up while writing "{{path}}". Free some space or write to another disk; the partial file was removed.',
    write_failed:
      'Cannot write "{{path}}" (system error {{code}}). Try again or choose another place; the partial file was removed.',
    sample_not_empty:
      'The sample commune can only be created in an empty database. This one already holds data (or a sample is being made), and sample people (who do not exist) would mix with real ones. To try the app, use a separate database; for sample files, use the "doisoat sample" command.',
    file_binary:
      'The file "{{file}}" is not a list (CSV, TXT or Excel .xlsx): it looks like a picture, a PDF or an archive. Choose the right file, or export the list as CSV or .xlsx and import that.',
    too_many_columns:
      'The header row of "{{file}}" has {{columns}} columns, more than {{max}}: this is not a list. Check that it is the right sheet and the right delimiter, then import again.',
    xlsx_invalid:
      'The file "{{file}}" is not a valid Excel .xlsx file, or it is damaged. Open it in Excel or LibreOffice, save it again as .xlsx (or CSV UTF-8) and import that.',
    xlsx_too_large:
      'The file "{{file}}" unpacks to more than {{max}} MB, too large to read safely. Save the sheet as CSV (Excel: Save As → CSV UTF-8) or split it into smaller files and import them one by one.',
    xlsx_zip_bomb:
      'The file "{{file}}" expands more than {{ratio}} times when unpacked: the mark of a file built to exhaust the computer, so the app does not open it. If it is a real export, open it in Excel, save it as CSV UTF-8 and import the CSV.',
    xlsx_too_many_rows:
      'The sheet in "{{file}}" has more than {{max}} rows, more than Excel allows: the file is not valid. Open and save it again in Excel, or export it as CSV and import that.',
    xlsx_too_many_merges:
      'The sheet in "{{file}}" has more than {{max}} merged ranges. Unmerge the cells (Excel: Home → Merge & Center → Unmerge Cells) or save it as CSV and import again.',
    xlsx_too_many_strings:
      'The file "{{file}}" has more than {{max}} different texts, too many to read safely. Save it as CSV UTF-8 or split it, then import the parts one by one.',
    upload_unknown:
      'The uploaded file is no longer on the server (it was imported, or the session ended). Choose the file again.',
    upload_too_large:
      'The file is larger than {{max}} MB, or the server already holds too many files waiting for import, so it could not be uploaded. Finish the pending imports, or split the file into smaller ones.',
    db_locked:
      'The database "{{path}}" is encrypted. Give its passphrase (--passphrase-file FILE or the DOISOAT_PASSPHRASE variable) or its recovery key (--recovery-key-file FILE or DOISOAT_RECOVERY_KEY).',
    db_wrong_key:
      'Cannot open the database "{{path}}": the passphrase or recovery key is wrong (or the key file belongs to another database). Nothing was changed; try again.',
    db_not_encrypted:
      'The database "{{path}}" is not encrypted yet. Encrypt it: doisoat db encrypt --db "{{path}}".',
    db_already_encrypted: 'The database "{{path}}" is already encrypted; nothing to do.',
    db_busy:
      'The database "{{path}}" is open in another program (the app or "doisoat serve"). Close it and try again.',
    db_maintenance:
      'The database "{{path}}" is being re-encrypted by another program (process {{pid}}). Wait until it has finished, then try again; nothing was changed.',
    key_file_invalid:
      'The key file "{{path}}" is damaged ({{detail}}). Copy it back from a backup, or open the database with the recovery key.',
    key_file_missing:
      'The key file of the database "{{path}}" (the .keys.json file next to it) is missing. Copy it back, or open the database with the recovery key (--recovery-key-file FILE).',
    passphrase_required:
      'A passphrase is needed to create the encrypted database "{{path}}": use --passphrase-file FILE or the DOISOAT_PASSPHRASE variable, or run the command in a terminal to type it.',
    passphrase_mismatch: 'The two passphrases typed differ. Nothing was written; try again.',
    passphrase_too_short:
      'The passphrase needs at least {{min}} characters: it alone protects the data if the machine or the file is taken. Choose a longer one (a few easy words together, say); nothing was written.',
    keychain_weak:
      'This machine has no secure system keychain (Linux uses "{{backend}}": the key would be hidden only by a fixed password). The app does not keep its key that way. Start the app with a passphrase: set DOISOAT_PASSPHRASE (at least {{min}} characters) and start it again; or install a keychain (GNOME Keyring or KWallet), or use web mode (npm run start:web).',
    keychain_unavailable:
      'The system has no keychain to keep the database key. Start the app with a passphrase: set DOISOAT_PASSPHRASE (at least {{min}} characters) and start it again; or use web mode (npm run start:web).',
    keychain_lost:
      'The key in the system keychain does not open the database "{{path}}" (keychain lost, or another machine). Enter the recovery key when the app asks; this machine\'s keychain then keeps the key.',
    not_signed_in: 'You are not signed in. Sign in to continue.',
    session_expired:
      'Your session ended after {{minutes}} minutes without activity. Sign in again; saved data is not lost.',
    forbidden:
      'The account "{{username}}" may not do this ({{action}}). Sign in with an account of the right role.',
    login_failed: 'Wrong user name or password.',
    account_locked:
      'The account "{{username}}" is locked after too many wrong passwords. Try again in {{minutes}} minutes, or ask an administrator to unlock it.',
    account_disabled: 'The account "{{username}}" is disabled. Contact an administrator.',
    setup_done: 'An administrator account already exists. Sign in.',
    user_exists: 'The user name "{{username}}" is taken. Choose another.',
    weak_password: 'The password needs at least {{min}} characters.',
    wrong_password: 'The current password is wrong.',
    last_admin: 'The last administrator cannot be disabled.',
    illegal_transition: 'Correction {{uuid}} cannot go from "{{state}}" by "{{event}}".',
    not_supervisor: 'Only a supervisor may approve or reject corrections.',
    own_proposal:
      'You cannot approve your own correction ({{uuid}}). Another supervisor must decide.',
    count_changed:
      'The number of proposals changed ({{expected}} when confirmed, now {{actual}}). Review them and confirm again.',
    review_stale:
      'This pair has just been decided elsewhere (another window or another person), so nothing was recorded. Look at the pair again, then decide.',
    signature_invalid:
      'The approval signature of correction {{uuid}} is not valid ({{problem}}). Nothing was written.',
    package_invalid: 'The file "{{file}}" is not a valid review package: {{detail}}',
    package_tampered:
      'The review package "{{file}}" was changed after it was signed ({{detail}}). Nothing was written; ask the sender for the original file.',
    package_untrusted:
      'The signing key of "{{file}}" ({{username}}, fingerprint {{fingerprint}}) is not registered on this machine for the role {{role}}. An administrator must register this fingerprint (Settings → Trusted keys) after checking it with the sender.',
    learn_no_run: 'There is no match run to learn from yet: run matching first (Matching → Run).',
    learn_no_labels:
      'There are no decisions to learn from yet: review a few pairs (or answer questions in Teach the model), then learn again.',
    model_file_invalid: 'The file "{{file}}" is not a valid model file: {{detail}}',
    model_file_tampered:
      'The model file "{{file}}" was changed after it was signed ({{detail}}). Nothing was written; ask the sender for the original file.',
    model_file_untrusted:
      'The signing key of the model file "{{file}}" ({{username}}, fingerprint {{fingerprint}}) is not registered on this machine. An administrator must register this fingerprint (Settings → Trusted keys) after checking it with the sender.',
    pdf_unavailable:
      'Could not create the PDF: Chromium could not be started ({{detail}}). Install Chromium (Debian: apt-get install chromium) or download the report as Excel.',
    sync_not_configured:
      'Sync is not configured: an administrator must enter the national gateway address and the workstation credentials (Sync → Configuration).',
    sync_refused:
      'The national gateway refused this workstation. An administrator must check the workstation id and secret (Sync → Configuration), then sync again.',
    sync_clock_skew:
      "The national gateway refused the request because this computer's clock is too far off. Set the date and time (turn on automatic time from the network), then sync again.",
    sync_other_area:
      'The national gateway registered this workstation for another commune than the one configured. An administrator must correct the commune code (Sync → Configuration).',
    sync_url_insecure:
      'The national gateway address must start with https:// (only a gateway on this computer may use http://, as localhost, 127.0.0.1 or [::1]) and must not contain a user name, a password, or anything after ? or #. Correct the address and save again.',
    sync_failed:
      'Sync stopped on an unexpected error. The queue is kept as it was and nothing is lost. Try again; if it happens again, tell support (the details are in the log).',
    sync_gateway_unreachable:
      "The national gateway at {{url}} cannot be reached. Check the gateway address (ask the gateway operator) and this computer's network, then try again; nothing was saved.",
    sync_gateway_invalid:
      'The address {{url}} answers, but not as the national gateway (or the gateway has a problem). Check the address with the gateway operator; nothing was saved.',
    sync_operator_refused:
      'The national gateway did not accept the operator token. Enter the token the gateway operator gave you again (it may have been changed); nothing was saved.',
    record_gone:
      'Population record {{key}} was deleted on the national side, so it cannot be corrected again. Withdraw this correction.',
    correction_unneeded:
      'Population record {{key}} already holds the proposed values; there is nothing to send again. Withdraw this correction.',
    population_changed:
      'Population record {{key}} changed after this correction was proposed, so it cannot be approved or sent (a signature would vouch for content that no longer holds). The clerk reviews the pair again (both versions are shown side by side) and proposes again on the new record, or withdraws the correction.',
    backup_folder_missing:
      'The backup folder "{{folder}}" is not there (USB stick not plugged in, network share not connected, or a wrong path). Plug it in or connect it and try again, or choose another folder.',
    backup_folder_not_writable:
      'The backup folder "{{folder}}" cannot be written (read-only, or no permission). Choose another folder, or slide the USB stick out of write-protect.',
    backup_write_failed:
      'The backup could not be written to "{{folder}}": the disk is full, or the USB stick or network share went away. The partial file was removed; the last good backup is intact: {{previous}}. Free some space or choose another folder, then back up again.',
    backup_verify_failed:
      'The backup just written failed its check (reopened, integrity, audit chain, row counts) and was discarded; the last good backup is intact: {{previous}}. Back up again; if it fails again, contact support (the check command: doisoat db verify).',
    backup_required:
      'Before a change that rewrites all the data (an upgrade, a new key, a restore) the app must back up, but no backup could be written to "{{folder}}" (no folder, no permission, or a full disk). Nothing has changed. Free some space or choose another backup folder, then try again.',
    backup_invalid:
      'The file "{{file}}" is not a usable backup: cut short, damaged, or not made by Đối soát. Nothing has changed; choose another backup.',
    backup_wrong_key:
      'This key does not open the backup "{{file}}". A backup is encrypted with the data key of its time: give the recovery key of that time (or the passphrase of then). Nothing has changed.',
    restore_busy:
      'A task is running (import, matching, sync or backup). Wait for it to finish or cancel it, then restore.',
    recovery_needed:
      'This machine cannot open the data yet: the key in the system keychain is gone (reinstall, new machine) or the key file is damaged. Enter the recovery key (the 8 groups written on paper).',
    recovery_key_format:
      'A recovery key has 8 groups of 4 characters (letters A–Z and digits 2–7). Group {{group}} is not right; check it against the paper.',
    recovery_key_wrong:
      'This recovery key does not belong to this data. Nothing has changed; check the 8 groups on the paper again (the key of the latest rekey).',
    reset_not_allowed:
      'The password of "{{username}}" cannot be reset this way: an admin who forgot theirs resets it with the recovery key; your own password is changed in Settings.',
    conflict:
      'This clashes with data already there (someone may have just done the same). Reload the screen and try again; nothing was half-written.',
    db_busy_retry:
      'The database is busy with something else. Wait a moment and try again; nothing was half-written.',
    storage_failed:
      'Could not write to the disk (full, read-only or failing). Free some space or check the disk, then try again; the last change was not saved.',
    bad_request:
      'The request was not valid (a damaged address or data). Reload the page and try again.',
    internal:
      "An unexpected error stopped this. Try again; if it happens again, tell support the incident code {{incident}} (the details are in the app's error log)."
  },
  /**
   * On screen, errors whose catalog message carries a technical detail (a program's own words,
   * a system code): the same sentence without it. The CLI prints the full message.
   */
  fieldErrors: {
    username:
      'The user name breaks the rule: only letters without accents, digits, dot, underscore or hyphen, no spaces, 2 to 32 characters. Correct the user name (for example: hoa.nguyen).'
  },
  screenErrors: {
    validation:
      'The request was not valid, so nothing was written. Reload the page and try again; if it happens again, tell support.',
    db_open_failed:
      'The database "{{path}}" could not be opened. Check that the file is there and no other program holds it, then open the app again.',
    file_unreadable:
      'The file "{{path}}" could not be read. Check that it opens in Excel or Notepad, then choose it again.',
    key_file_invalid:
      'The key file "{{path}}" is damaged. Copy the key file back from a backup, or open the database with the recovery key.',
    package_invalid:
      'The file "{{file}}" is not a valid review package (perhaps the wrong file, or a cut-off one). Choose the review package, or ask the sender for the file again.',
    package_tampered:
      'The review package "{{file}}" was changed after it was signed. Nothing was written; ask the sender for the original file.',
    pdf_unavailable:
      'The PDF could not be made because Chromium cannot run on this computer. Download the report as Excel, or ask an administrator to install Chromium.',
    write_failed:
      'The file "{{path}}" could not be written. Try again or choose another place; the partial file was removed.'
  },
  import: {
    population: {
      title: 'Against the population records held (by record key)',
      new: 'New records',
      changed: 'Changed records',
      unchanged: 'Unchanged',
      older: 'Older than held (left as held)',
      keptNote:
        'The old content of a changed record is kept as a version; links, decisions and proposed corrections on these records go back to the Đối soát queue to be looked at again.',
      record: 'Record',
      recordLine: '{{key}} (line {{row}}, version {{from}} → {{to}})',
      before: 'Held',
      after: 'In the file',
      sentBack:
        '{{flagged}} pairs went back to the Đối soát queue flagged "Population record changed"; {{takenBack}} unsent corrections were taken back. Look at them on the Đối soát screen.'
    },
    title: 'Import',
    steps: {
      label: 'Import steps',
      source: 'Choose the file and the kind of data',
      preview: 'Preview and map columns',
      run: 'Import',
      result: 'Result'
    },
    kind: 'Kind of data',
    kindChoose: '— Choose the kind of data —',
    file: 'Data file',
    pick: 'Choose a file…',
    pickAnother: 'Choose another file…',
    noFile: 'No file chosen',
    accepted: 'CSV, TSV, TXT or Excel (.xlsx) files.',
    uploading: 'Uploading the file…',
    tooLarge:
      'The file "{{name}}" is larger than {{max}} MB and cannot be uploaded. Split it into smaller files and import them one by one.',
    profile: 'Saved column profile',
    profileNone: '(none)',
    profileNoneSaved: '(no profiles saved yet)',
    hint: 'Choose the kind of data and a file to see a preview. A preview writes nothing to the database.',
    previewing: 'Reading the file for the preview…',
    previewNote:
      'This is a preview: nothing has been written yet. Check the accented names and the column mapping before importing.',
    facts: {
      file: 'File',
      encoding: 'Encoding',
      sheet: 'Sheet',
      delimiter: 'Delimiter',
      headerRow: 'Header row'
    },
    formats: { csv: 'CSV', xlsx: 'Excel (.xlsx)' },
    detected: 'Detected: {{name}}, confidence {{percent}}',
    tab: 'Tab',
    lowConfidence:
      'The encoding was detected with low confidence. Check the accented names in the table below; if the letters look wrong (e.g. "NguyÔn"), choose another encoding from the list.',
    counts: { read: 'Rows read', accepted: 'Rows accepted', rejected: 'Rows rejected' },
    rejectedByType: 'Reasons for rejection',
    warningsByType: 'Warnings by type',
    noProblems: 'No rejected rows and no warnings.',
    mappingTitle: 'Column mapping',
    mappingHint:
      'Columns in the file: {{n}}. Each fills one field (scroll sideways to see them all). Change a field in its list if needed; columns set to "(not imported)" are skipped.',
    column: 'Column {{n}}',
    columnField: 'Field for column "{{column}}"',
    notImported: '(not imported)',
    columnKept:
      'Column "{{column}}" is still imported as "{{field}}" because its header is recognised automatically; it cannot be skipped yet. If that column is wrong, map the field to another column.',
    missing:
      'Required field not mapped: {{fields}}. Choose the matching column in the column mapping.',
    profileName: 'Save this mapping as a profile',
    profilePlaceholder: 'Profile name, e.g. "Commune civil register"',
    profileSave: 'Save profile',
    profileSaved: 'Profile "{{name}}" saved. Next time, choose it in step 1.',
    rowsTitle: 'First rows as they will be stored',
    rowsHint:
      'The first rows of the file after normalisation ({{n}} shown). Rejected rows are shaded red, with their reasons.',
    noRows:
      'There are no data rows under the header row. If the Excel file has several sheets, choose the right one.',
    row: 'Row',
    notes: 'Notes',
    rowRejected: 'Rejected: {{reasons}}',
    rowWarnings: 'Warnings: {{warnings}}',
    blocked: 'Cannot import yet: required field missing: {{fields}}. Map the column in step 2.',
    ready:
      '{{accepted}} rows will be accepted and {{rejected}} rejected. Rejected rows are kept so you can review and export them.',
    start: 'Import {{n}} rows',
    duplicate:
      'This file was already imported (batch {{batchId}}, {{date}}). Import it again anyway?',
    duplicateNote: 'Importing it again will duplicate the records of that batch.',
    duplicateConfirm: 'Import again',
    duplicateDrop: 'Do not import',
    done: 'Imported {{file}} ({{kind}}) as batch {{batchId}}.',
    rejectedRows: 'Rejected rows ({{n}})',
    noRejected: 'No rows were rejected.',
    reasons: 'Reasons',
    rawText: 'Original text',
    export: { csv: 'Export CSV', xlsx: 'Export Excel (.xlsx)' },
    again: 'Import another file'
  },
  encodings: {
    'utf-8': 'UTF-8 (Unicode)',
    'utf-16le': 'UTF-16 LE (Unicode)',
    'utf-16be': 'UTF-16 BE (Unicode)',
    'windows-1258': 'Windows-1258 (CP1258)',
    tcvn3: 'TCVN3 (ABC, .VnTime fonts)',
    vni: 'VNI-Windows (VNI-Times fonts)',
    'utf-8-mojibake': 'UTF-8 misread as Windows-1252 (repaired)',
    'windows-1252': 'Windows-1252 (Latin)',
    auto: 'Detect automatically'
  },
  kinds: {
    population: 'Population database extract',
    registry: 'Civil-status register (mixed)',
    birth: 'Birth registrations',
    death: 'Death registrations',
    marriage: 'Marriage registrations',
    residence: 'Residence (permanent / temporary)',
    id_card: 'ID cards',
    health_insurance: 'Health insurance (BHYT)',
    generic: 'Other'
  },
  export: {
    rowNumber: 'Row',
    reasons: 'Reasons',
    rawText: 'Original text',
    rejectedSheet: 'Rejected rows'
  },
  warnings: {
    other: 'a value needs checking in the file',
    bad_dob: 'unreadable date of birth',
    bad_sex: 'unknown sex',
    bad_id: 'ID is neither 12 nor 9 digits: kept as another identifier',
    id_inconsistent: 'personal ID does not match sex or birth year',
    bad_death_date: 'unreadable date of death',
    bad_version: 'version is not a number',
    unknown_vital_status: 'unknown vital status',
    bad_event_date: 'unreadable registration/event date',
    address_old_naming: 'address uses the old (pre-2025) units; converted',
    address_ambiguous: 'the old commune was split among several new ones: commune undetermined',
    address_unresolved: 'the administrative units of the address could not be determined',
    formula_cell: 'cell holds a formula (kept as text, never evaluated)',
    extra_cells: 'row has more cells than the header (kept in the raw row)',
    no_name_kept:
      'no name: kept because it has an identifier, or a date of birth and an address; matched on those'
  },
  review: {
    states: {
      open: 'Not reviewed',
      accepted: 'Link accepted',
      rejected: 'Link rejected',
      relinked: 'Linked to another record',
      duplicate: 'Duplicate record',
      not_in_population: 'Not in the population database',
      auto_accepted: 'Accepted automatically (certain)'
    },
    actions: {
      accept: 'Accept the link',
      reject: 'Reject the link',
      relink: 'Link to another record',
      duplicate: 'Mark as duplicate',
      not_in_population: 'Mark "not in the population database"',
      note: 'Note',
      reopen: 'Reopen for review'
    },
    bulkConfirm:
      'This accepts {{count}} open links matching the current filter. Each record keeps its own history; the whole action is one audit event. Continue?',
    bulkChanged:
      'The queue changed since it was counted. Count again, then confirm the new number.',
    searchHint:
      'Type a name (with or without diacritics, any order), a date dd/mm/yyyy or an ID number',
    sides: {
      population: 'The population record is wrong',
      local: 'The local record is wrong'
    },
    reasons: {
      typo: 'Typing error',
      diacritics: 'Wrong diacritics',
      name_order: 'Name parts in the wrong order',
      dob_wrong: 'Wrong date of birth',
      dob_day_month_swap: 'Day and month swapped',
      dob_lunar: 'Lunar date recorded',
      sex_wrong: 'Wrong sex',
      id_wrong: 'Wrong personal ID / CMND number',
      deceased_not_recorded: 'Deceased but not recorded',
      address_outdated: 'Address uses old administrative units',
      legal_change: 'Changed by a civil-status correction decision',
      other: 'Other reason (say which)'
    },
    correctionStates: {
      draft: 'Draft',
      proposed: 'Proposed',
      approved: 'Approved',
      rejected: 'Rejected',
      queued: 'Waiting to send',
      sent: 'Sent',
      accepted: 'Accepted',
      refused: 'Refused',
      conflict: 'Version conflict',
      superseded: 'Replaced by a new proposal',
      withdrawn: 'Withdrawn',
      outdated: 'Population record changed: propose again'
    },
    valueProblems: {
      empty: 'No value entered.',
      not_a_date: 'Not a valid date (e.g. 05/03/1990, 03/1990 or 1990).',
      not_m_or_f: 'Sex must be male (M) or female (F).',
      not_12_digits: 'A personal ID number has exactly 12 digits.',
      not_9_digits: 'A CMND number has exactly 9 digits.',
      not_alive_or_deceased: 'Status must be alive or deceased.',
      no_letters: 'A name must contain letters.'
    }
  },
  /** The review workstation (features/match): queue, pair view, quick search, corrections, shortcuts. */
  matchRun: {
    noModel: 'Nothing matched yet.',
    modelLine:
      'Model estimated {{at}} on {{batches}} batch(es) · thresholds: certain ≥ {{certain}}, probable ≥ {{probable}}, possible ≥ {{possible}}',
    explain: 'Show the model',
    runFirst: 'Run matching',
    runAll: 'Match everything again…',
    runAllTitle: 'Match everything again?',
    runAllText:
      'The model will be estimated again on every register record imported ({{batches}} batch(es) matched before and any new ones), then every record is matched again. Clerks’ decisions are kept; automatic links are worked out again.',
    runAllConfirm: 'Match again',
    runBatch: 'Match this batch',
    fromImport:
      'Next: match the {{rows}} records just imported against the population database, then review them on the Reconcile screen.',
    populationChanged:
      '{{n}} population records were added or changed since the last full matching run. Decided pairs on a changed record are back in the queue; to compare new records with every register row, press "Match everything again…".',
    waiting: 'Batches not matched yet ({{count}}):',
    batch: 'Batch {{id}}: {{name}}, {{rows}} records, imported {{at}}',
    done: 'Matched {{count}} records: {{grades}}.',
    gradeCount: '{{count}} {{grade}}',
    cancelled: 'Matching cancelled; the earlier results are kept.',
    modelTitle: 'Matching model',
    fitted:
      'Estimated {{at}} (run by {{by}}) on {{count}} register records, against {{population}} population records, from the batches:',
    thresholds:
      'Grade thresholds of the latest run: Certain from {{certain}}, Probable from {{probable}}, Possible from {{possible}}. Only Certain pairs are accepted automatically.',
    weightsHelp:
      'Each comparison level adds (positive) or removes (negative) bits from a pair’s score; the score starts at {{prior}} bits. The total gives the probability of being the same person.',
    levels: 'Weight per comparison level (bits)'
  },
  queue: {
    readOnly:
      'Only clerks record decisions on the queue; you can still view pairs and propose corrections.',
    title: 'Reconcile',
    queueTitle: 'Review queue',
    total: '{{count}} records',
    noRun: 'Nothing has been matched yet. Click “Run matching” above: the queue will appear here.',
    split: 'Divider between the queue and the pair (drag it, or use the ← → keys)',
    hidden: '{{count}} pairs accepted automatically (Certain) are hidden.',
    showHidden: 'Show them',
    decidedFor: 'Recorded “{{state}}” for {{record}}.',
    act: {
      accept: 'Accept',
      reject: 'Reject',
      search: 'Link another',
      duplicate: 'Duplicate',
      notInPopulation: 'Not in database',
      note: 'Note',
      correct: 'Propose fix',
      reopen: 'Reopen',
      undo: 'Undo'
    },
    noneOpen: 'No pair left to review under this filter.',
    undo: {
      button: 'Undo',
      hint: 'Press U (or Ctrl+Z) to undo.',
      nothing: 'No decision made on this screen to undo.',
      done: 'Undid “{{action}}” for {{record}}; the pair is back as it was.'
    },
    change: {
      title: 'Change the decision?',
      text: 'Pair {{record}} is already decided: “{{from}}”. Change it to “{{to}}”?',
      madeBy: 'The current decision was recorded by {{by}} at {{at}}.',
      keep: 'Keep “{{from}}”',
      confirm: 'Change to “{{to}}”'
    },
    stateShort: {
      open: 'To review',
      accepted: 'Accepted',
      rejected: 'Rejected',
      relinked: 'Relinked',
      duplicate: 'Duplicate',
      not_in_population: 'Not in database',
      auto_accepted: 'Auto-accepted'
    },
    filters: 'Queue filters',
    all: 'All',
    grade: 'Grade',
    flag: 'Flag',
    flagOnly: 'Only this flag',
    state: 'Review state',
    batch: 'Batch',
    batchOption: 'Batch {{id}}: {{name}}',
    commune: 'Commune code',
    communePlaceholder: 'e.g. 00001',
    clearFilters: 'Clear filters',
    grades: {
      certain: 'Certain',
      probable: 'Probable',
      possible: 'Possible',
      none: 'No match'
    },
    columns: {
      sourceKey: 'Record key',
      name: 'Name (local)',
      dob: 'Date of birth (local)',
      populationName: 'Name (population DB)',
      populationDob: 'Date of birth (population DB)',
      grade: 'Grade',
      probability: 'Probability',
      flags: 'Flags',
      state: 'State',
      batch: 'Batch',
      commune: 'Commune'
    },
    gridLabel: 'Queue of record pairs to review',
    views: {
      label: 'Saved views',
      choose: '— Choose a saved view —',
      name: 'View name',
      save: 'Save view',
      saved: 'Saved the view "{{name}}".',
      needName: 'Give the view a name.'
    },
    bulk: {
      button: 'Accept in bulk…',
      counting: 'Counting…',
      title: 'Accept in bulk',
      nothing: 'No pending link matches the current filter.',
      confirm: 'Accept {{count}} links',
      cancel: 'Cancel',
      done: 'Accepted {{count}} links.',
      hint: "Only records not yet reviewed and with a candidate are accepted; a clerk's earlier decisions are never changed."
    },
    pair: {
      title: 'Record pair',
      empty: 'Choose a row in the queue (click, or J/K then Enter) to see the pair.',
      loading: 'Loading the pair…',
      field: 'Field',
      local: 'Local register',
      national: 'Population database',
      compare: 'Comparison',
      comparison: {
        same: 'Same',
        diacritics: 'Diacritics only',
        different: 'Different',
        missing: 'Missing on one side',
        writing: 'Abbreviated / written another way'
      },
      diacriticMark: 'diacritics differ',
      changedMark: 'differs',
      noPopulation: 'No population record is paired with this record.',
      flags: 'Flags',
      noFlags: 'No unusual flags.',
      grade: 'Grade: {{grade}}',
      probability: 'Probability: {{value}}',
      state: 'State: {{state}}',
      position: 'Row {{index}} of {{total}}',
      candidates: 'Other candidates for this record',
      noCandidates: 'No other candidates.',
      rank: 'Rank',
      linkThis: 'Link to this record',
      history: 'Decision history',
      decided: '{{at}} — {{actor}}: {{action}}',
      undone: '{{at}} — {{actor}}: undo, back to “{{state}}”',
      bulk: 'in bulk',
      decisionSaved: 'Saved: {{state}}.',
      noteSaved: 'Note saved.',
      actions: 'Actions',
      nothingToAccept:
        'This record has no population record to accept. Find one and link it by hand (/ key), or mark it “not in the population database” (N key).',
      needPopulation: 'This pair has no population record to correct. Link one first.',
      noteLabel: 'Note on this record',
      noteSave: 'Save note',
      cancel: 'Cancel'
    },
    populationChange: {
      title: 'Population record changed',
      summary:
        'Population record {{key}} changed from version {{from}} to version {{to}} on {{at}}, by {{cause}}. The earlier link, decision and proposed fixes were made on version {{from}}.',
      cause: {
        import: 'an import of a newer population file',
        sync: 'a sync pull from the national database'
      },
      before: 'Version {{version}} (when reviewed)',
      after: 'Now (version {{version}})',
      changed: 'Changed',
      showUnchanged: 'Show the {{count}} unchanged fields too',
      hideUnchanged: 'Show changed fields only',
      hint: 'Decide again: «Accept» ({{accept}}) to keep the link to the changed record, or «Reject» ({{reject}}) / «Link another» ({{relink}}) if this is no longer the same person.'
    },
    model: {
      title: 'Weights the model learnt from these two files',
      intro:
        "Each comparison level adds or removes this many bits to the prior ({{prior}} bits); the pair's own level is in bold.",
      unused: 'Fields not in both files (no weight): {{count}}.',
      sameRecord:
        'The same person is written in {{count}} more rows of the file, linked to this population record too',
      sameRow: '{{key}} (line {{row}}): {{name}}, {{dob}} — probability {{probability}}'
    },
    waterfall: {
      title: 'Why it scored so (weight of each field)',
      prior: 'Prior',
      total: 'Total',
      weight: '{{field}}: {{weight}} bits',
      result: 'Total weight {{total}} bits → probability {{probability}}',
      fields: {
        name: 'Name',
        dob: 'Date of birth',
        sex: 'Sex',
        id: 'ID number',
        residence: 'Residence',
        father: "Father's name",
        mother: "Mother's name",
        hometown: 'Hometown',
        other_id: 'Other identifier'
      },
      levels: {
        exact: 'exact',
        tone: 'tone mark placed differently',
        folded: 'diacritics differ',
        reordered: 'parts in another order (given and family name swapped...)',
        middle: 'middle name dropped or added',
        regional: 'regional variant',
        typo: 'typo',
        similar: 'similar',
        different_given: 'same family name, another given name',
        different: 'different',
        swap: 'day/month swapped',
        one_digit: 'one digit off',
        one_edit: 'one character off or two swapped',
        lunar: 'maybe lunar',
        partial: 'partly equal',
        year_near: 'near year',
        same: 'same',
        cmnd_exact: 'same CMND number',
        same_hamlet: 'same hamlet',
        same_commune: 'same commune',
        same_province: 'same province',
        missing: 'missing'
      },
      none: 'No explanation for this record (no candidate yet).',
      noneButCandidates:
        'No candidate was close enough to link, so there is no score to explain. The candidates found are listed below.'
    },
    search: {
      title: 'Find a population record to link',
      label: 'Search the population database',
      searching: 'Searching…',
      noHits: 'No matching record.',
      results: 'Search results',
      close: 'Close',
      linked: 'Linked to record {{key}}.',
      keys: '↑/↓ to choose, Enter to link, Esc to close'
    },
    correction: {
      title: 'Propose a correction',
      fields: 'Fields to correct',
      side: 'Which side is wrong',
      value: 'Correct value',
      current: 'Now recorded: {{value}}',
      reason: 'Reason',
      reasonText: 'Details',
      evidence: 'Evidence (e.g. birth registration number and date)',
      submit: 'Submit the proposal',
      cancel: 'Cancel',
      needField: 'Choose at least one field.',
      needReasonText: 'The reason "other" needs details.',
      needReason: 'Choose a reason.',
      chooseReason: '— Choose a reason —',
      ticked:
        'Fields that really differ are ticked (a different abbreviation such as "P." and "Phường", tone placement such as Hòa and Hoà, capitals or spaces do not count).',
      fixMarked: 'Not sent: correct the fields with a red message.',
      sentTitle: 'Correction proposed',
      sentFor: 'Proposed correction of the record of {{name}} ({{key}}), {{side}}:',
      sentForLocal: 'Proposed correction of the local record of {{name}} ({{key}}), {{side}}:',
      sentReason: 'Reason: {{reason}}. Evidence: {{evidence}}.',
      waits:
        'The proposal now waits for a supervisor to approve it. Nothing changes in the population database until it is approved and synced.',
      waitsLocal:
        'The proposal now waits for a supervisor to approve it. Nothing changes in the local register until it is approved.',
      close: 'Close',
      sameValue: 'The new value is the same as the recorded one.',
      saved:
        'Proposed a correction of {{count}} field(s) for {{record}}; it waits for a supervisor.',
      noValue: 'none'
    },
    corrections: {
      title: 'Corrections proposed for this pair',
      empty: 'No proposal for this pair yet.',
      total: '{{count}} proposals',
      when: 'When',
      record: 'Population record',
      change: 'Change',
      side: 'Wrong side',
      reason: 'Reason',
      evidence: 'Evidence',
      state: 'State',
      by: 'Proposed by'
    },
    shortcuts: {
      keyNames: { ArrowDown: 'Down arrow', ArrowUp: 'Up arrow' },
      title: 'Keyboard shortcuts',
      button: 'Shortcuts (?)',
      close: 'Close',
      next: 'Next pair',
      prev: 'Previous pair',
      open: 'Open the pair selected in the grid',
      accept: 'Accept the link',
      reject: 'Reject the link',
      duplicate: 'Mark as duplicate',
      notInPopulation: 'Mark not in the population database',
      search: 'Search and link to another record',
      correct: 'Propose a correction',
      note: 'Note',
      reopen: 'Reopen for review',
      undo: 'Undo the last decision (U or Ctrl+Z)',
      help: 'Show/hide the shortcut list',
      escape: 'Close the dialog',
      typing: 'Shortcuts do nothing while you type in a field.'
    }
  },
  rejected: {
    other: 'the row could not be read: open the file, check this row, then fix it or import again',
    no_name: 'no name',
    bad_row: 'column count does not match the header',
    no_key: 'no record key',
    duplicate_key: 'the same record key appears twice in the file',
    unbalanced_quotes:
      'a quote (") opens and never closes, so this line cannot be split into columns (the lines after it are still read): fix the quote in the file and import this line again',
    totals_row: 'a totals row, not a person',
    too_wide:
      'data beyond the first 1,000 columns (those cells are kept in the raw line): remove or move them and import again',
    bad_cell:
      'a damaged cell (it refers to text missing from the file, or is longer than Excel allows): open the file in Excel, save it again and re-import'
  },
  /** Match flags (src/core/match/compare.ts PAIR_FLAGS and RECORD_FLAGS). */
  matchFlags: {
    name_diacritics: 'Name typed without diacritics',
    name_tone: 'Tone mark placed differently (Hoà/Hòa)',
    name_typo: 'Name misspelt',
    name_order: 'Name parts in another order',
    name_dropped_middle: 'Middle name missing or added',
    name_regional: 'Regional form of the family name (Hoàng/Huỳnh, Vũ/Võ)',
    name_different: 'Different name',
    dob_swap: 'Day and month of birth swapped',
    dob_year_only: 'Birth date has the year only',
    dob_month_year: 'Birth date has month and year only',
    dob_one_digit: 'Birth date differs in one digit',
    dob_lunar: 'Birth date may be a lunar date',
    dob_different: 'Different birth date',
    sex_different: 'Different sex',
    id_missing: 'No ID number',
    id_cmnd_vs_id: 'Old CMND given instead of the ID number',
    id_one_digit: 'ID number differs in one digit',
    id_different: 'Different ID number',
    id_inconsistent: 'ID number does not fit sex or birth year',
    address_old_naming: 'Address uses the old administrative units',
    address_abbrev: 'Abbreviated address',
    address_ambiguous: 'Old address maps to several new communes',
    address_unresolved: 'Commune of the address not recognised',
    address_other_commune: 'Another commune (same province)',
    address_other_province: 'Another province',
    parents_missing: "Parents' names missing",
    parent_spelling: "Parent's name misspelt",
    parent_mismatch: "Different parent's name",
    hometown_different: 'Different hometown',
    vital_mismatch: 'Dead in one source, alive in the other',
    name_swapped: 'Given and family name swapped (in the wrong columns, or given name first)',
    name_missing_part: 'Family or given name missing on one side',
    unmatched: 'Not found in the population records',
    duplicate_in_source: 'May duplicate another row of the same file',
    close_second: 'A second candidate scores almost as high',
    population_changed: 'Population record changed'
  },
  // Sign-in, accounts, approval and review packages.
  auth: {
    signInTitle: 'Sign in',
    username: 'User name',
    password: 'Password',
    displayName: 'Display name',
    confirmPassword: 'Repeat the password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    setupTitle: 'First run: create the administrator',
    setupBody:
      'This machine has no account yet. Create the administrator first; they create accounts for clerks and supervisors. You can then create a sample commune to try things out.',
    createAdmin: 'Create the administrator',
    mismatch: 'The two passwords differ.',
    expired:
      'Your session ended after {{minutes}} minutes without activity. Enter your password to continue; the screen you were on is kept.',
    roles: { admin: 'Administrator', clerk: 'Clerk', supervisor: 'Supervisor' }
  },
  approval: {
    state: 'State',
    field: 'Field',
    batch: 'Batch',
    any: 'All',
    local: 'Local record',
    population: 'Population database',
    proposed: 'Proposed value',
    proposedBy: 'Proposed by {{user}} at {{at}}',
    evidence: 'Evidence: {{evidence}}',
    approve: 'Approve…',
    reject: 'Reject…',
    rejectReason: 'Reason for rejecting',
    confirmReject: 'Confirm rejection',
    ownProposal: 'Your own proposal: another supervisor must decide.',
    signedApproved: 'Approved and signed by {{user}} at {{at}} (key {{fingerprint}}…).',
    signedRejected: 'Rejected by {{user}} at {{at}}: {{reason}}',
    bulkApprove: 'Approve all matching…',
    bulkReject: 'Reject all matching…',
    confirmTitle: 'Confirm the bulk action',
    confirmBulkApprove:
      'This approves and signs {{count}} corrections matching the current filter; each one is signed and audited on its own, and the signatures are sent to the national population database at the next sync.',
    confirmBulkReject: 'This rejects {{count}} corrections matching the current filter.',
    ownExcluded: '{{count}} of your own proposals are left out.',
    confirmYes: 'Yes ({{count}})',
    cancel: 'Cancel',
    bulkApproved: 'Approved {{count}} corrections.',
    bulkRejected: 'Rejected {{count}} corrections.',
    total: 'Corrections: {{count}}',
    exportPackage: 'Export review package',
    importPackage: 'Import review package…',
    importDecisions: 'Import decisions file…',
    exportDecisions: 'Export decisions',
    exported: 'Exported a review package of {{count}} corrections.',
    exportedDecisions: 'Exported {{count}} signed decisions.',
    imported: 'Imported: {{applied}} applied, {{skipped}} skipped.',
    importedAgain: 'This file was imported before: nothing changed.',
    packagesTitle: 'Review packages received',
    packageLine: 'Package from {{signer}} ({{at}}): {{items}} corrections, {{decided}} decided.',
    batchAll: 'All batches',
    batchOption: 'Batch {{id}}: {{file}}',
    side: 'Side to correct: {{side}}',
    reasonLine: 'Reason: {{reason}}',
    explanation: "Proposer's explanation: {{text}}",
    noEvidence: 'The proposer gave no evidence.',
    change: '{{field}}: {{old}} → {{new}}',
    confirmApproveTitle: 'Approve and sign the correction',
    confirmApproveLead:
      'You are about to approve and digitally sign the correction of record {{key}} ({{name}}):',
    confirmRejectTitle: 'Reject the correction',
    confirmRejectLead: 'You are about to reject the correction of record {{key}} ({{name}}):',
    signatureNote:
      'Your digital signature (key {{fingerprint}}…) covers exactly the changes above and is sent to the national population database at the next sync; the national side corrects the citizen record on the strength of it.',
    rejectNote:
      'A rejected correction is not sent. The proposer will see the reason you write below.',
    rejectReasonLabel: 'Reason for rejecting (required)',
    approveYes: 'Approve and sign',
    rejectYes: 'Reject the correction',
    approved:
      'The correction of record {{key}} ({{name}}) is approved and signed. The signature goes to the national population database at the next sync.',
    rejected:
      'The correction of record {{key}} ({{name}}) is rejected; the proposer will see the reason.',
    nothingToApprove: 'No correction matches the current filter.',
    onlyOwn:
      'Only {{count}} of your own proposals match the current filter: another supervisor must decide them.'
  },
  settings: {
    meTitle: 'Your account',
    myFingerprint: 'Signing key fingerprint:',
    passwordTitle: 'Change password',
    oldPassword: 'Current password',
    newPassword: 'New password',
    changePassword: 'Change password',
    passwordChanged: 'Password changed. Your signing key is now encrypted with the new password.',
    usersTitle: 'Users',
    role: 'Role',
    fingerprint: 'Fingerprint',
    locked: 'locked',
    disabled: 'disabled',
    disable: 'Disable',
    enable: 'Enable',
    addUser: 'Add user',
    trustTitle: 'Trusted keys (other machines)',
    trustBody:
      "To accept review packages or decisions files from another machine, register the sender's key fingerprint after checking it with them directly (phone, paper).",
    addTrust: 'Register key'
  },
  teach: {
    intro:
      'Answering the pairs below teaches the matcher fastest: pairs near a threshold, kinds of difference not seen yet, or pairs two model versions grade differently. After a few dozen answers, press "Learn again".',
    version: 'Model version',
    versionName: 'No. {{id}} ({{origin}})',
    noVersion: 'The first fitted model',
    origin: {
      fitted: 'fitted to the data',
      learnt: 'learnt from decisions',
      imported: 'imported from a file'
    },
    labels: 'Decisions so far',
    newLabels: '{{count}} new since the last learning',
    expectedError: 'Expected wrong decisions',
    underOne: 'under 1',
    openPairs: 'open pairs',
    refit: 'Learn again from the decisions',
    running: 'Learning again and re-grading the open pairs…',
    jobDone: 'The open pairs were re-graded with version {{version}}. Decided pairs are unchanged.',
    question: 'Question {{n}}',
    reason: {
      threshold: 'near a threshold',
      unseen: 'a kind of difference not seen yet',
      disagree: 'two versions grade it differently',
      pattern: 'many open pairs of this kind, few answers yet'
    },
    probability: 'Probability of the same person: {{p}}',
    otherProbability: 'previous version: {{p}}',
    loading: 'Finding questions…',
    noQuestions: 'No pair is left to ask about.',
    register: 'Civil register',
    population: 'Population database',
    fields: {
      name: 'Full name',
      dob: 'Date of birth',
      sex: 'Sex',
      residence: 'Permanent residence',
      father: "Father's name",
      mother: "Mother's name",
      key: 'Record number'
    },
    same: 'The same person',
    other: 'Not this person',
    absent: 'Not in the database',
    skip: 'Skip',
    versions: 'Model versions',
    errorChange: 'Expected errors (before → after)',
    createdBy: 'Created / signed by',
    inUse: 'In use',
    useVersion: 'Use no. {{id}} again',
    similarOffer: {
      accept: '{{count}} open pairs are exactly of this kind (same match levels and flags).',
      reject: '{{count}} open pairs are exactly of this kind (same match levels and flags).'
    },
    similarApply: 'The same for {{count}} similar pairs',
    similarDone: {
      accept: '{{count}} similar pairs accepted (one log entry listing every record).',
      reject: '{{count}} similar pairs rejected (one log entry listing every record).'
    }
  },
  sync: {
    title: 'Sync with the national population database',
    online: 'The national gateway is reachable',
    offline: 'The national gateway cannot be reached (offline)',
    unknown: 'Connection not checked yet',
    notConfigured:
      'Sync is not configured. An administrator enters the gateway address and workstation credentials below.',
    gateway: 'Gateway: {{url}} — commune {{commune}}',
    lastSync: 'Last sync: {{at}}',
    never: 'Never synced',
    lastError: 'Last error: {{error}}',
    rematch: '{{count}} population records changed and need matching again.',
    runNow: 'Sync now',
    running: 'Syncing…',
    waitingForKey:
      "{{count}} approved corrections were not sent: the national gateway does not hold the approving supervisor's signing key yet. Register the key (admin: Sync → supervisors' keys, or send the keys file to the operator); they are sent once it is registered.",
    done: 'Synced: sent {{pushed}}, accepted {{accepted}}, conflicts {{conflicts}}, parked {{parked}}; received {{pulled}} records ({{changed}} changed, {{deleted}} deleted).',
    offlineDone:
      'The national gateway cannot be reached: {{error}}. The queue is kept and goes out when online.',
    counts: {
      title: 'Queue',
      pending: 'Waiting',
      sent: 'Sending',
      parked: 'Parked',
      conflict: 'Conflict',
      done: 'Delivered',
      closed: 'Dealt with'
    },
    parkedTitle: 'Parked corrections',
    parkedNone: 'No parked corrections.',
    conflictTitle: 'Corrections in conflict (the national record changed)',
    conflictNone: 'No conflicts.',
    record: 'Record {{key}}',
    reason: 'Reason: {{reason}}',
    field: 'Field',
    ours: 'Proposed (version {{version}})',
    theirs: 'National now (version {{version}})',
    approvedBy: 'Approved by {{user}}',
    problems: {
      unreachable:
        'the national gateway cannot be reached (check the network and the gateway address)',
      timeout: 'the national gateway did not answer in time',
      tls: "the gateway's security certificate is not valid",
      bad_response: 'the gateway does not answer in the protocol (the address may be wrong)',
      server_error: 'the national gateway has a problem',
      clock_skew: "this computer's clock is too far off",
      unknown_workstation: 'the gateway does not know this workstation id',
      bad_request_signature: 'the workstation secret is wrong',
      missing_signature: 'the request carried no workstation signature',
      replayed_request: 'the request was sent twice',
      other_area:
        'the gateway registered this workstation for another commune than the one configured',
      other: 'the national gateway refused this workstation'
    },
    refusals: {
      bad_signature: 'The approval signature is not valid. A supervisor must re-sign it.',
      unknown_supervisor:
        "The national gateway does not have the approving supervisor's key. Ask the gateway's operator to register it, then re-sign.",
      self_approval:
        'The proposer approved their own proposal. Another supervisor must re-sign it.',
      unknown_record:
        'The national gateway has no such record. Check it, then withdraw the correction.',
      other_commune:
        'The record belongs to another commune; this workstation may not correct it. Withdraw the correction.',
      invalid_value:
        'The national gateway does not accept the proposed value. Withdraw the correction and propose a new one with the right value.',
      idempotency_conflict:
        'The gateway already received this correction id with other content. Propose it again (a new id is given).',
      validation:
        'The correction is not in the form the national gateway requires. Propose it again.',
      other: 'The national gateway refused this correction. Propose it again or withdraw it.'
    },
    actions: {
      resubmit: 'Propose again',
      resubmitHint:
        'A new proposal on the national record as it is now; a supervisor must approve it again.',
      resign: 'Re-sign',
      withdraw: 'Withdraw',
      withdrawYes: 'Withdraw it',
      cancel: 'Cancel',
      confirmWithdraw: 'Withdraw the correction of record {{key}}? It will not be sent any more.',
      resubmitted:
        'A new proposal for record {{key}} on version {{version}} is waiting for a supervisor.',
      resigned: 'The correction of record {{key}} is re-signed and waiting to be sent.',
      withdrawn: 'The correction of record {{key}} is withdrawn.'
    },
    configure: {
      title: 'Sync configuration',
      url: 'National gateway address',
      workstationId: 'Workstation id',
      secret: 'Workstation secret',
      commune: 'Commune code',
      save: 'Save configuration',
      saved: 'Sync configuration saved.'
    },
    status: {
      online: 'The national gateway is reachable',
      offline:
        'Offline — {{problem}}. Approved corrections stay in the queue and go out once the gateway can be reached.',
      unknown: 'Checking the connection to the national gateway…',
      gateway: 'Gateway {{url}} · commune {{commune}}',
      checkedAt: 'Checked at {{at}}'
    },
    check: {
      button: 'Test connection',
      running: 'Testing…',
      title: 'Connection test',
      reachable: 'The national gateway answers at {{url}}.',
      unreachable: 'Offline — {{problem}}.',
      workstationOk: 'The gateway knows this workstation ({{name}}).',
      workstationOkNoName: 'The gateway knows this workstation.',
      workstationRefused:
        'The gateway does not accept this workstation: {{reason}}. An administrator must load the registration file again or register the workstation again (Sync set-up, step 2).',
      supervisorOk: "Supervisor {{name}}'s signing key is registered with the gateway.",
      supervisorMissing:
        "Supervisor {{name}}'s signing key is not registered with the gateway: it will refuse the corrections they approve. An administrator sends the key file to the gateway operator, or registers it with the operator token (Sync set-up, step 3).",
      supervisorUnknown: "Supervisor {{name}}'s signing key could not be checked.",
      noSupervisors:
        'This computer has no supervisor account yet: a supervisor must approve corrections before they are sent.'
    },
    accepted: {
      title: 'Accepted corrections',
      none: 'The national gateway has accepted no correction yet.',
      record: 'Record',
      person: 'Full name',
      changes: 'Change',
      approvedBy: 'Approved by',
      at: 'Accepted at',
      more: 'Showing the {{shown}} most recent of {{total}}.'
    },
    setup: {
      title: 'Sync set-up',
      intro:
        "The national gateway's operator gives the commune the gateway address and a workstation registration file (or an operator token, so this computer registers itself). Follow the steps below in order.",
      step1: 'Step 1. Gateway address and commune code',
      current: 'Registered workstation:',
      step2: 'Step 2. Register the workstation',
      byFile: 'I have a registration file from the gateway operator',
      chooseFile: 'Choose the registration file…',
      paste: 'Or paste the registration file here',
      read: 'Registration read: workstation {{id}}, commune {{commune}}.',
      invalid:
        'This is not a workstation registration: it needs the workstation id ("id"), the secret ("secret") and the commune code ("commune"). Check the file the gateway operator sent.',
      unreadable: 'The chosen file could not be read. Choose the registration file again.',
      saveFile: 'Save the registration',
      byToken: 'I have an operator token from the gateway operator',
      token: 'Operator token',
      tokenHint: 'The token is used for this registration only and is not stored on this computer.',
      name: 'Workstation name (e.g. Tà Hine commune office, computer 1)',
      register: 'Register the workstation with the gateway',
      registered:
        'Workstation {{id}} is registered for commune {{commune}} and sync is configured.',
      byHand: 'Enter the workstation id and secret by hand',
      needUrl: 'Enter the national gateway address (step 1).',
      needCommune: 'Enter the commune code (step 1).',
      step3: "Step 3. Supervisors' signing keys",
      keysIntro:
        'The national gateway only accepts corrections approved by supervisors whose signing keys it has registered. Send the key file to the gateway operator, or register the keys directly with the operator token (entered in step 2).',
      keysNone:
        'This computer has no supervisor account yet. Create one in Settings → Users, then come back to this step.',
      keysNeedConfig: 'Save the workstation registration (step 2) before registering keys.',
      download: 'Download the supervisor key file',
      keysText: 'The key file (to copy and send)',
      registerKeys: 'Register the keys with the gateway',
      keysRegistered: 'The signing keys of {{names}} are registered with the national gateway.',
      keyLine: '{{name}} ({{username}}), fingerprint {{fingerprint}}',
      step4:
        'Step 4. Press "Test connection" at the top of the screen: it says whether the gateway knows this workstation and each supervisor\'s key.'
    }
  },
  backup: {
    reason: {
      manual: 'Backup on demand',
      scheduled: 'Scheduled backup',
      rekey: 'Before a new key',
      migration: 'Before a data upgrade',
      restore: 'Before a restore'
    },
    retrust: {
      gateway:
        "The national gateway: ask its operator to register the supervisor's new public key for the commune (the old key stays registered, to check the approvals it signed).",
      clerk_machines:
        "The clerks' machines that receive this supervisor's decision packages: their admin registers the new fingerprint (Settings → Trusted keys).",
      supervisor_machines:
        "The supervisors' machines that receive this clerk's proposal packages: their admin registers the new fingerprint (Settings → Trusted keys)."
    },
    dialog: {
      folderTitle: 'Choose the backup folder',
      fileTitle: 'Choose a backup to restore',
      filter: 'Đối soát backups',
      allFiles: 'All files'
    },
    age: {
      now: 'just now',
      minutes: '{{n}} min ago',
      hours: '{{n}} h ago',
      days: '{{n}} day(s) ago'
    },
    actorApp: 'The app',
    actorCli: 'Command line',
    noPrevious: '(none yet)',
    previousKept: 'The last good backup is untouched: {{file}}.',
    nothingKept: 'There is no good backup yet: fix this, then back up now.',
    failedUnknown: 'The backup failed with an unexpected error (the details are in the error log).',
    audit: {
      review: 'Review decision',
      correction: 'Correction proposal or approval',
      import: 'File import',
      upload: 'File import',
      match: 'Matching run',
      reopen: 'Reopened for review',
      restore: 'Restore',
      backup: 'Backup',
      db: 'Data management (encryption, unlock, restore)',
      auth: 'Sign-in or password',
      user: 'User management',
      sync: 'Sync',
      package: 'Offline review package',
      trust: 'Trusted key',
      profile: 'Import profile',
      other: 'Other action'
    },
    tables: {
      population_record: 'Population records',
      source_record: 'Register records',
      import_batch: 'File imports',
      link: 'Links',
      review_decision: 'Review decisions',
      correction: 'Correction proposals',
      approval: 'Approvals',
      app_user: 'Accounts',
      audit_event: 'Audit events'
    },
    card: { title: 'Backup' },
    now: {
      run: 'Back up now',
      follow: 'Backing up — show progress',
      done: 'Backed up and checked: {{file}} ({{size}}).'
    },
    status: {
      last: 'Last good backup: {{at}} ({{age}}).',
      lastFile: '{{file}}, {{size}}, checked.',
      never:
        'No backup yet. If this laptop breaks or is lost, all work not yet synced is lost with it.',
      unbacked:
        '{{count}} approved correction(s) not yet accepted by the national gateway are in no backup. Back up now.',
      missing:
        'The last backup\'s file is not in "{{folder}}" (USB stick not plugged in, or the file was deleted). Plug the stick in, or back up again.',
      failed: 'The backup at {{at}} failed.',
      due: 'A scheduled backup is due; the app makes it within a few minutes.',
      dueFirst: 'The app makes the first backup within a few minutes.'
    },
    screen: {
      title: 'Backup and restore',
      state: 'Backup status',
      folder: 'Backup folder: {{folder}}.',
      folderDefault:
        'Backup folder: {{folder}} (the default, on this laptop itself: choose a USB stick or a network share).',
      schedule:
        'Automatic backup every {{hours}} h; the last {{keep}} kept, plus one a week for a month.',
      scheduleOff: 'Automatic backup is off; the last {{keep}} kept.',
      restoreTitle: 'Restore from another file',
      restoreBody:
        "A backup in another folder (USB stick, network share) or from another laptop. Another laptop's backup opens with its recovery key.",
      restoreOther: 'Choose a backup to restore…'
    },
    path: {
      none: 'Not chosen',
      chooseFolder: 'Choose folder…',
      chooseFile: 'Choose file…',
      folderExample: 'For example: /media/usb/Backups or E:\\Backups',
      fileExample: 'For example: /media/usb/Backups/doisoat-commune-2026-12-07-163300.bak',
      webHint:
        'A path on the machine running Đối soát (web mode runs on this laptop). You can copy the path from the file manager and paste it here.'
    },
    settings: {
      title: 'Backup settings',
      folder: 'Backup folder',
      defaultFolder:
        'No folder chosen: backups are in {{folder}}, beside the data. A broken laptop loses both: choose a USB stick or a network share.',
      keepLast: 'Keep',
      keepHint: 'most recent backups (plus one a week for a month)',
      enabled: 'Automatic backup',
      every: 'every',
      hours: 'hours',
      save: 'Save backup settings',
      saved: 'Backup settings saved.'
    },
    list: {
      title: 'Backups in the folder',
      empty: 'The folder has no backup yet.',
      when: 'Taken',
      file: 'File',
      size: 'Size',
      checked: 'Check',
      verified: 'Checked',
      folderMissing:
        'The backup folder is not here (USB stick not plugged in?): the list shows once it is.',
      notLogged: 'From another laptop or before a restore',
      restore: 'Restore…'
    },
    key: {
      label: 'Recovery key (8 groups of 4 characters, as on the paper)',
      group: 'Recovery key group {{n}}',
      hint: 'Type each group, or paste the whole key into the first box. Upper or lower case, with or without dashes; 0, 1 and 8 are read as the letters O, I and B.',
      badChars:
        'Group {{group}} has characters a recovery key never has: {{chars}}. The key only has letters A–Z and digits 2–7; check it against the paper.',
      tooLong: 'Group {{group}} has more than 4 characters; check it against the paper.',
      incomplete: 'Group {{group}} has fewer than 4 characters; check it against the paper.',
      progress: '{{done}} of 8 groups complete.',
      complete:
        'All 8 groups. The key is checked against the data when you press the button below.',
      notComplete: 'The recovery key needs all 8 groups of 4 characters.'
    },
    passphrase: {
      new: 'New passphrase (at least {{min}} characters)',
      again: 'New passphrase again',
      short:
        'The new passphrase needs at least {{min}} characters: it alone protects the data of a stolen laptop. Choose a longer sentence.',
      mismatch: 'The two new passphrases differ.'
    },
    restore: {
      title: 'Restore a backup',
      newLaptopTitle: 'Restore from a backup',
      newLaptopBody:
        "Choose the old laptop's backup (a .bak file, usually on a USB stick) and type the recovery key written on paper when the data was created. Accounts and passwords will be the backup's.",
      file: 'Backup',
      openWith: 'Open the backup with',
      with: {
        recovery: 'Recovery key',
        passphrase: 'Passphrase of the key file beside it'
      },
      currentKey: 'A backup of this laptop opens with the key in use.',
      otherKey: "Another laptop's backup, or one from before a new key? Type its recovery key",
      sameKey: "Use this laptop's key",
      passphrase: 'Passphrase',
      passphraseOfFile:
        'The passphrase in use when the backup was made (works only when its .keys.json key file is beside the backup).',
      inspect: 'Show what the backup holds',
      opening: 'Opening and checking the backup…',
      cancel: 'Cancel',
      noFile: 'Choose the backup to restore.',
      noPassphrase: 'Type the passphrase.',
      replaces:
        'Restoring replaces all the data in use with the data of {{at}}. Work done after that moment is not in this backup.',
      replacesNew: "The backup's data will be brought onto this laptop.",
      keptAside:
        'The data in use is not deleted: it is backed up first, then kept beside as {{name}}.before-restore-(date and time) in the folder {{folder}}.',
      keptAsideHere: 'The data already on this laptop is not deleted: it is kept beside.',
      signInAgain:
        "After the restore everyone signs in again: accounts and passwords are the backup's.",
      passphraseHint:
        'The backup has another key than this laptop: set a new passphrase, so later starts need no recovery key.',
      confirm: 'I agree to replace the data in use with the backup of {{at}}.',
      run: 'Restore',
      running: 'Restoring: checking the backup, backing up the data in use, then replacing it…',
      back: 'Back',
      needPassphrase:
        'The backup has another key than this laptop: set a new passphrase (at least 10 characters), then restore again. Nothing has changed.'
    },
    contents: {
      taken: 'Backup of {{at}}',
      file: 'File {{file}}, {{size}}; integrity and audit chain checked.',
      counts: 'Data in the backup',
      lastEvent: 'Last recorded action',
      event: 'Event {{id}} at {{at}}: {{what}} ({{who}}).',
      noEvent: 'No event yet.',
      unsent: 'Corrections not yet accepted by the national gateway: {{count}}',
      noneUnsent: 'None: every approved correction was accepted by the national gateway.',
      unsentNote:
        'After the restore, the next sync sends them again; the gateway recognises those it already has, so nothing is applied twice.',
      pendingLine: 'Population record {{key}} — {{state}}',
      more: 'and {{count}} more.'
    },
    done: {
      title: 'Restored',
      body: 'The data is now that of the backup of {{at}}.',
      aside: 'The previous data is kept at: {{path}}',
      preBackup: 'Backup of the previous data: {{path}}',
      keyChanged:
        "From now on the recovery key to keep is the backup's (the one just used to open it).",
      unsent: '{{count}} approved correction(s) will be sent again at the next sync.',
      signIn: 'Sign in again'
    },
    firstRun: {
      title: 'A new laptop with a backup?',
      body: 'If the old laptop broke, was lost or was reinstalled, restore its data from its backup with the recovery key written on paper, instead of creating a new account.',
      restore: 'Restore from a backup'
    },
    unlock: {
      title: 'Unlock the data',
      body: 'This laptop cannot open its data yet: the key in the system keychain is lost (reinstall, another laptop) or the key file is damaged. Nothing is lost: type the recovery key (the 8 groups written on paper), or the passphrase if one was set.',
      bodyPassphrase:
        'On this laptop the data key is kept under a passphrase (there is no safe system keychain). Type the passphrase to open it; if you forgot it, or the key file is damaged, use the recovery key written on paper.',
      with: { recovery: 'Recovery key', passphrase: 'Passphrase' },
      passphrase: 'Passphrase',
      newPassphraseHint:
        'If the key file is damaged or the passphrase forgotten, set a new passphrase to open it next time. Leave empty to keep the old passphrase.',
      submit: 'Unlock',
      checking: 'Checking…',
      noPassphrase: 'Type the passphrase.',
      wrongPassphrase:
        'The passphrase does not open the data. Nothing has changed; try again, or use the recovery key.',
      needNewPassphrase:
        'No passphrase keeps this key any more: set a new passphrase (the two boxes below the key), then press Unlock. Nothing has changed.',
      nothingChanged: 'A wrong key changes nothing; you may try as often as needed.'
    },
    forgot: {
      link: 'Forgot your password?',
      title: 'Forgotten password',
      others:
        'Clerks and supervisors: ask the administrator to reset your password (Settings → Users).',
      admin:
        "Administrators: type the data's recovery key (written on paper) to set a new password.",
      username: "Administrator's user name",
      submit: 'Set a new password',
      back: 'Back to sign-in',
      doneTitle: 'New password set',
      done: "{{name}}'s password has been reset. Sign in with the new password.",
      signIn: 'Sign in'
    },
    reset: {
      button: 'Reset password',
      title: 'Reset the password of {{name}}',
      body: 'This user gets a new password and a new signing key (the old key was sealed by the old password). Approvals signed before stay valid. Tell them the new password in person.',
      submit: 'Set the new password',
      cancel: 'Cancel',
      close: 'Done',
      done: '{{name}} has a new password; their sessions have ended.'
    },
    newKey: {
      replaced: 'The signing key has been replaced by a new one.',
      fingerprint: 'New key fingerprint:',
      copy: 'Copy the fingerprint',
      save: 'Save the public key to a file',
      copied: 'Copied.',
      copyFailed: 'Could not copy; select the fingerprint and copy it.',
      where: 'The new public key must be registered again at:',
      nowhere: 'Nowhere else trusted the old key: nothing to register again.',
      oldStays:
        'The old key ({{fingerprint}}…) is kept to check earlier signatures; it signs nothing any more.',
      fileTitle: 'Đối soát — new public key',
      fileUser: 'User: {{name}} ({{username}}), role: {{role}}',
      fileFingerprint: 'Fingerprint (SHA-256): {{fingerprint}}',
      filePublicKey: 'Public key (Ed25519, SPKI DER, base64):',
      fileOld: 'Old key, still used to check earlier signatures: {{fingerprint}}'
    }
  },
  cli: {
    usage: 'Usage',
    commands: 'Commands',
    options: 'Options',
    unknownCommand: 'Unknown command "{{name}}". Run "doisoat --help" for the list.',
    unknownOption: 'Unknown option "{{name}}". Run "doisoat {{command}} --help".',
    missingOption: 'Missing required option {{name}}. Run "doisoat {{command}} --help".',
    badNumber: 'The value of {{name}} must be a whole number, got "{{value}}".',
    badChoice: 'The value of {{name}} must be one of: {{choices}}.',
    listening: 'Đối soát is running in web mode. Open this address in a browser:',
    tokenNote:
      'The address holds an access token; do not share it. Only this machine can connect (127.0.0.1).',
    dataFolder:
      'Database: {{db}} (its key file, backups and uploads are in the folder {{folder}}).',
    stopNote:
      'Press Ctrl+C to stop: uploaded files are deleted and every session ends; what was imported stays in the database.',
    noRenderer:
      'The UI is not built (out/renderer). Run "npm run build:web" first, or use "npm run start:web".',
    imported:
      'Imported {{file}}: read {{read}} rows, accepted {{accepted}}, rejected {{rejected}} (batch {{batchId}}).',
    importedPopulation:
      'Population records: {{new}} new, {{changed}} changed (their old version is kept), {{unchanged}} unchanged, {{older}} older than the record held (left as held). {{flagged}} pairs are back in the review queue (flag "Population record changed"), {{takenBack}} unsent corrections were taken back.',
    sampleWritten: 'Sample data written to {{dir}}: {{files}}',
    sampleTooManyRegistry:
      'The registry size ({{registry}}) cannot exceed the population size ({{population}}). Lower --registry or raise --population.',
    sampleNegative: 'The value of {{name}} cannot be negative, got {{value}}.',
    migrated: 'Database {{path}} is at schema version {{version}}.',
    matched:
      'Matched {{sources}} source records against {{population}} population records (run {{runId}}): certain {{certain}}, probable {{probable}}, possible {{possible}}, unmatched {{none}}.',
    linked: 'Wrote {{rows}} rows to {{file}}.',
    errorLogged: 'The details of the error are in {{file}}.',
    unsettled:
      'The command stopped before finishing its work: its result may not have been written. Run it again; if this repeats, run it with DOISOAT_DEBUG=1 and send the output to support.',
    badThresholds:
      'Invalid thresholds: need 0 ≤ possible ≤ probable ≤ certain ≤ 1 (got {{possible}}, {{probable}}, {{certain}}).',
    badMapping: 'Mapping file {{file}} is not valid: {{detail}}',
    progress: 'Importing… {{percent}}%',
    // Users, trusted keys, review packages, approval checks.
    noPassword: 'No password: set {{env}} or run the command in a terminal to type it.',
    passwordFor: 'Password of {{user}}',
    newPasswordFor: 'New password for {{user}}',
    firstUserAdmin:
      'The database has no account yet: the first one must be an admin (--role admin).',
    needUser: '"doisoat {{command}}" needs an admin account: add --user NAME.',
    userAdded: 'Created the account {{user}} ({{role}}).',
    userKey: 'Public key of {{user}} ({{role}}), fingerprint: {{fingerprint}}',
    trusted: 'Trusted the key of {{user}} ({{role}}), fingerprint {{fingerprint}}.',
    packageWritten: 'Wrote {{file}}: {{count}} items, package {{id}}.',
    packageImported: 'Imported package {{id}}: {{applied}} applied, {{skipped}} skipped.',
    packageAgain: 'Package {{id}} was imported before: nothing changed.',
    verifyWhat: 'Give --db D --uuid U (a stored approval) or --file F (a signed approval file).',
    approvalValid: 'VALID: correction {{uuid}} approved by {{by}} at {{at}}; key {{fingerprint}}.',
    approvalInvalid: 'NOT VALID: correction {{uuid}} ({{problem}}).',
    approvalKeyUnchecked:
      'The signature matches the key in the file. Add --db to check that the key belongs to a known supervisor.',
    preview: {
      file: 'File: {{file}} ({{format}}, {{size}} bytes)',
      encoding: 'Encoding: {{encoding}} (detected: {{detected}}, confidence {{confidence}}%)',
      lowConfidence:
        '  Warning: low confidence. Check the names in the rows below; if the diacritics are wrong, choose the encoding with --encoding.',
      delimiter: 'Delimiter: {{delimiter}}',
      sheet: 'Sheet: {{sheet}} (sheets: {{sheets}})',
      header: 'Header row: row {{row}}. Column mapping:',
      ignored: '(not imported)',
      rows: 'First rows, as they will be stored:',
      counts: 'In all: read {{read}} rows, accepted {{accepted}}, rejected {{rejected}}.',
      missing: 'Required columns missing: {{fields}}. Use --mapping to name them.',
      dryRun: 'Dry run (--dry-run): nothing was written to the database.',
      longCell: '(a cell of {{length}} characters, only its start printed)',
      population:
        'Against the population records held, by record key: {{new}} new records, {{changed}} changed records (their old version is kept), {{unchanged}} unchanged, {{older}} older than the record held (left as held).',
      change: '  {{key}} (row {{row}}), version {{from}} → {{to}}:',
      changeField: '    {{field}}: {{before}} → {{after}}',
      moreChanges: '  … and {{count}} other changed records.'
    },
    crypto: {
      globalOptions:
        'Encrypted databases: every command takes --passphrase-file FILE or --recovery-key-file FILE (or the DOISOAT_PASSPHRASE, DOISOAT_RECOVERY_KEY variables); at a terminal it asks for the passphrase.',
      recoveryTitle: 'RECOVERY KEY of {{path}} (shown once):',
      recoveryNote:
        'Write this key on paper and keep it somewhere safe. If the passphrase is forgotten or the system keychain is lost, only this key opens the data.',
      promptPassphrase: 'Passphrase of the database {{path}}: ',
      promptNew: 'Choose a passphrase for the new encrypted database {{path}}: ',
      promptAgain: 'Type the passphrase again: ',
      encrypted:
        'Encrypted the database {{path}} (SQLCipher 4, 256-bit key). Key file: {{keyFile}}.',
      rekeyBackup:
        'Backup made before the new key (opens with the old recovery key or the old passphrase): {{file}}',
      rekeyed: 'Changed the data key of {{path}}. The old recovery key no longer works.',
      passphraseChanged:
        'Changed the passphrase of {{path}}. The data key and the recovery key are unchanged.'
    },
    audit: {
      ok: 'The audit chain is intact: {{checked}} events, the last one number {{lastId}}.',
      gap: ' — ids {{from}}–{{to}} are absent',
      broken: 'The audit chain is BROKEN at event {{id}}: {{what}}',
      checkedBefore: 'The {{checked}} events before it are intact.',
      hash_mismatch: "the event's content does not match its hash (the event was altered).",
      missing_row: 'the event just before it is missing (deleted){{gap}}.',
      order: 'the order is wrong: this event belongs after event {{after}}.',
      bad_link: 'the hash of the previous event recorded in this event does not match.'
    },
    reportWritten: 'Wrote the report to {{file}}.',
    reportScope: 'Give exactly one of --batch and --commune.',
    reportFormat: 'The output file must end in .pdf, .xlsx or .html, got "{{file}}".',
    gateway: {
      listening: 'Reference national gateway listening: {{url}}',
      database: 'Database: {{where}}',
      adminToken:
        'Operator token (for /admin, shown once; set GATEWAY_ADMIN_TOKEN to choose it): {{token}}',
      seeded:
        'Loaded {{file}}: read {{read}} rows, added {{inserted}} records, {{existing}} already there, rejected {{rejected}}.'
    },
    backup: {
      made: 'Backed up {{db}} to {{file}} ({{size}} bytes); checked: reopened, integrity, audit chain, row counts.',
      keyFile: 'Key file alongside (the key still wrapped as before): {{file}}',
      noKeyFile: 'No key file alongside: the recovery key opens the backup.',
      counts:
        '  Population {{population}}, source records {{source}}, corrections {{corrections}}, not yet accepted nationally {{unsynced}}, audit events {{audit}}.',
      removed: 'Removed {{count}} old backups by the keep rule: {{files}}',
      contents:
        'Backup {{file}}: taken at {{at}}, schema {{version}}, last audit event no. {{lastId}} ({{action}}, {{actor}}, {{lastAt}}).',
      restored: 'Restored {{db}} from {{file}}.',
      aside: 'The previous database is kept at {{path}} (not deleted).',
      preBackup: 'Backup of the previous database: {{file}}',
      noPreBackup:
        'The previous database could not be backed up (it does not open); the original is still kept as above.',
      keyChanged:
        "The data key is now the one of the backup's time: the recovery key to keep is the one of that time.",
      pending:
        'Approved corrections the national side had not accepted at backup time: {{count}}. The next sync sends them again; the gateway recognises those it already has by their UUID, so nothing is applied twice.',
      verifyOk:
        'The database {{path}} is whole: SQLite integrity ok, schema {{version}} exactly as the app makes it, audit chain of {{audit}} events ok.',
      verifyBad: 'The database {{path}} HAS PROBLEMS:',
      integrity: '  SQLite integrity: {{detail}}',
      schema: '  Schema differs from the one the app makes: {{detail}}',
      schemaTooNew: '  Schema {{version}} is newer than this version of the app.',
      auditBroken:
        '  The audit chain is broken at event no. {{id}} (run "doisoat audit verify" for details).',
      table: '  {{table}}: {{count}}',
      resetDone:
        'New password set for {{user}} ({{role}}). New signing key, fingerprint {{fingerprint}}; the old key {{old}} still checks the signatures made before.',
      retrustTitle: 'Register the new public key again at:',
      noRetrust: "No other place trusts this account's key: nothing to register again.",
      resetWhich:
        "Give --user ADMIN (an admin resets a clerk's or supervisor's password), or the recovery key (--recovery-key-file FILE) when an admin resets their own."
    },
    help: {
      db_backup: {
        summary:
          'Back up the database (in use or not) to a folder: a copy encrypted under the same key, named only once checked; keeps the last N and one a week for a month.',
        db: 'Database file',
        out: 'Folder the backup goes to (USB stick, network share)',
        json: 'Print the result as JSON'
      },
      db_restore: {
        summary:
          'Restore a database from a backup: the backup is checked, the current database is kept beside (never deleted), then replaced. The backup opens with the current key, the recovery key (--recovery-key-file) or the passphrase of its key file.',
        from: 'Backup file (.bak)',
        db: 'Database file to restore (may not exist yet: a new machine)',
        'new-passphrase-file':
          "File holding a new passphrase for the backup's key (or the DOISOAT_NEW_PASSPHRASE variable)",
        json: 'Print the result as JSON'
      },
      db_verify: {
        summary:
          'Check a database or a backup: SQLite integrity, schema, audit chain, row counts (exit code 1 on any problem).',
        db: 'Database or backup file',
        json: 'Print the result as JSON'
      },
      'user_reset-password': {
        summary:
          'Reset a forgotten password: an admin (--user) for a clerk or supervisor; or an admin for themselves with the recovery key. The signing key is replaced; old signatures stay valid.',
        db: 'Database file',
        name: 'Account that gets a new password (from DOISOAT_NEW_PASSWORD, or asked)',
        user: 'Admin account doing it (leave out when resetting your own with the recovery key)'
      },
      report: {
        summary:
          'Write the data reconciliation report of one batch or one commune as PDF or Excel (.xlsx).',
        db: 'Database file',
        batch: 'Local data batch number',
        commune: 'Commune code (5 digits, new administrative units)',
        run: 'Match run (default: the latest covering the scope)',
        out: 'Output file: .pdf, .xlsx or .html'
      },
      sample: {
        summary:
          'Generate synthetic sample data (no real people): a population file, a civil register with entry errors, the answer key and legacy-encoded copies (TCVN3, VNI, Windows-1258).',
        out: 'Folder to write the sample files to (created if missing)',
        population: 'Number of people in the population file',
        registry: 'Number of civil-register rows (at most the population size)',
        seed: 'Random seed: the same seed gives the same data',
        'no-legacy': 'Do not write the legacy-encoded copies (TCVN3, VNI, Windows-1258)'
      },
      serve: {
        summary: 'Run the app in web mode (a browser), on 127.0.0.1 only, with an access token.',
        port: 'Port to listen on (0 = any free port)',
        db: "Database file (default: doisoat.db in the user's data folder, e.g. ~/.local/share/doisoat, %APPDATA%\\doisoat)"
      },
      import: {
        summary: 'Preview and import a file (CSV in any encoding, Excel .xlsx) into a database.',
        db: 'Database file (created if missing)',
        kind: 'Kind of data: population, registry, birth, death, marriage, residence, id_card, health_insurance, generic',
        file: 'File to import: CSV/TSV (any encoding) or Excel .xlsx',
        encoding:
          'Encoding: auto (detect) or utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, utf-8-mojibake, windows-1252',
        mapping: 'Column-mapping JSON file (see the README, "Mapping files")',
        sheet: 'Sheet of an .xlsx file: name or number (default: the first)',
        'dry-run': 'Preview only; write nothing',
        'allow-duplicate': 'Allow importing a file already imported (same SHA-256)'
      },
      db_migrate: {
        summary: 'Create or upgrade the database schema.',
        db: 'Database file'
      },
      audit_verify: {
        summary:
          'Check the audit chain: reports the first event altered, deleted or moved (exit code 1 when the chain is broken).',
        db: 'Database file',
        json: 'Print the result as JSON'
      },
      db_encrypt: {
        summary:
          'Encrypt an unencrypted database (writes the encrypted copy, fsyncs, then replaces; a failure never loses the original). Prints the recovery key once.',
        db: 'Database file'
      },
      db_rekey: {
        summary:
          'Change the data key (re-encrypts the whole file, prints a new recovery key once), or only the passphrase with --passphrase-only.',
        db: 'Database file',
        'new-passphrase-file':
          'File holding the new passphrase (default: keep the old one; or the DOISOAT_NEW_PASSPHRASE variable)',
        'passphrase-only': 'Change only the passphrase; keep the data key and the recovery key'
      },
      db_info: {
        summary: 'Show the schema version and record counts of a database.',
        db: 'Database file',
        json: 'Print the result as JSON'
      },
      match: {
        summary:
          'Match the source records in a database against the population records: candidate pairs, scores, flags and links.',
        db: 'Database file',
        source: 'Source batch to match (batch number), or all for every source',
        certain: 'Probability threshold of the "certain" grade',
        probable: 'Probability threshold of the "probable" grade',
        possible: 'Probability threshold of the "possible" grade',
        json: 'Print the result as JSON'
      },
      user_add: {
        summary:
          'Create an account (admin, clerk, supervisor). The new password comes from DOISOAT_NEW_PASSWORD or a prompt; the first account must be an admin.',
        db: 'Database file',
        name: 'User name (a-z, digits, . _ -)',
        role: 'Role: admin, clerk, supervisor',
        display: 'Display name',
        user: 'Admin account doing this (password from DOISOAT_PASSWORD or a prompt)'
      },
      user_list: {
        summary: 'List accounts, roles and key fingerprints (admin only).',
        db: 'Database file',
        user: 'Admin account doing this'
      },
      user_key: {
        summary: "Print an account's public key and fingerprint, for another machine to trust.",
        db: 'Database file',
        name: 'User name'
      },
      trust_add: {
        summary:
          'Register the key of a person on another machine (by the fingerprint checked with them), to accept their review packages.',
        db: 'Database file',
        user: 'Admin account doing this',
        name: 'Their user name on the other machine',
        role: 'Their role: clerk or supervisor',
        fingerprint: 'SHA-256 fingerprint (64 hex digits, spaces allowed)'
      },
      package_export: {
        summary:
          'Clerk: export every correction awaiting approval to one signed package for an offline supervisor.',
        db: 'Database file',
        user: 'Clerk doing this (password from DOISOAT_PASSWORD or a prompt)',
        out: 'Package file (.json) to write'
      },
      package_import: {
        summary:
          'Import a review package (supervisor) or a decisions file (clerk); signature, integrity and trusted key are checked; importing twice changes nothing.',
        db: 'Database file',
        user: 'Person doing this',
        file: 'Package file (.json)'
      },
      package_decisions: {
        summary:
          'Supervisor: export the signed decisions on an imported package, to send back to the clerk.',
        db: 'Database file',
        user: 'Supervisor doing this',
        package: 'Id of the imported package',
        out: 'Decisions file (.json) to write'
      },
      'verify-correction': {
        summary:
          "Check the approval signature of a correction (stored in a database, or a signed approval file) with the supervisor's public key.",
        db: 'Database file (also checks the key belongs to a known supervisor)',
        uuid: 'Correction id',
        file: 'Signed approval file (payload, signature, publicKey)',
        write: 'Write the signed approval of --uuid to this file'
      },
      gateway: {
        summary:
          'Run the reference national gateway (the population database side): takes signed correction requests, serves population records by cursor. Embedded PGlite by default; set DATABASE_URL for PostgreSQL.',
        port: 'Port to listen on (0 = a random port)',
        host: 'Address to listen on',
        data: 'Data folder of the embedded PGlite (when DATABASE_URL is not set)',
        'seed-from':
          'Load population records from this file (population.csv from "doisoat sample"); records already there are kept'
      },
      link: {
        summary:
          'File to file in one command: import both files, match them and write links.csv (one best candidate per register row).',
        registry: 'Register file (the source to reconcile)',
        population: 'Population file',
        out: 'Output links.csv',
        'mapping-registry': 'Column mapping file (JSON) for the register file',
        'mapping-population': 'Column mapping file (JSON) for the population file',
        db: 'Keep the database in this file (default: a temporary database, in memory when the files fit, gone afterwards)',
        'all-candidates': 'Write every scored candidate, not only the best one',
        certain: 'Probability threshold of the "certain" grade',
        probable: 'Probability threshold of the "probable" grade',
        possible: 'Probability threshold of the "possible" grade',
        json: 'Print the result as JSON'
      }
    }
  }
}
