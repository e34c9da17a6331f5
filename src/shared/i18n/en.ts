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
    approve: 'Approve',
    sync: 'Sync',
    reports: 'Reports',
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
  welcome: {
    title: 'Welcome to Đối soát',
    body: 'The database is empty. You can create a sample commune with synthetic data (not real people) to explore the app.',
    create: 'Create a sample commune',
    creating: 'Creating the sample commune…',
    skip: 'Later'
  },
  jobs: {
    progress: '{{phase}}: {{done}} / {{total}}',
    progressNoTotal: '{{phase}}: {{done}}',
    progressPercent: '{{phase}}: {{percent}}%',
    cancel: 'Cancel',
    starting: 'Starting…',
    cancelled: 'The job was cancelled.',
    phase: {
      generate: 'Generating sample data',
      read: 'Reading the file',
      write: 'Writing',
      population: 'Importing population records',
      registry: 'Importing the register',
      scan: 'Matching',
      fit: 'Estimating the model'
    }
  },
  placeholder: {
    soon: 'This screen comes in a later version.'
  },
  grid: {
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
    file_empty: 'File "{{path}}" is empty: it has no data rows.',
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
    duplicate_file:
      'This file was already imported (batch {{batchId}}, {{date}}). Importing it again would duplicate records.',
    internal: 'Unexpected error: {{detail}}'
  },
  import: {
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
    bad_dob: 'unreadable date of birth',
    bad_sex: 'unknown sex',
    bad_id: 'ID is neither 12 nor 9 digits',
    id_inconsistent: 'personal ID does not match sex or birth year',
    bad_death_date: 'unreadable date of death',
    bad_version: 'version is not a number',
    unknown_vital_status: 'unknown vital status',
    bad_event_date: 'unreadable registration/event date',
    address_old_naming: 'address uses the old (pre-2025) units; converted',
    address_ambiguous: 'the old commune was split among several new ones: commune undetermined',
    address_unresolved: 'the administrative units of the address could not be determined',
    formula_cell: 'cell holds a formula (kept as text, never evaluated)',
    extra_cells: 'row has more cells than the header (kept in the raw row)'
  },
  review: {
    states: {
      open: 'Not reviewed',
      accepted: 'Link accepted',
      rejected: 'Link rejected',
      relinked: 'Linked to another record',
      duplicate: 'Duplicate record',
      not_in_population: 'Not in the population database'
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
      conflict: 'Version conflict'
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
  rejected: {
    no_name: 'no name',
    bad_row: 'column count does not match the header',
    no_key: 'no record key',
    duplicate_key: 'the same record key appears twice in the file'
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
    unmatched: 'Not found in the population records',
    duplicate_in_source: 'May duplicate another row of the same file',
    close_second: 'A second candidate scores almost as high'
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
    noRenderer:
      'The UI is not built (out/renderer). Run "npm run build:web" first, or use "npm run start:web".',
    imported:
      'Imported {{file}}: read {{read}} rows, accepted {{accepted}}, rejected {{rejected}} (batch {{batchId}}).',
    sampleWritten: 'Sample data written to {{dir}}: {{files}}',
    sampleTooManyRegistry:
      'The registry size ({{registry}}) cannot exceed the population size ({{population}}). Lower --registry or raise --population.',
    sampleNegative: 'The value of {{name}} cannot be negative, got {{value}}.',
    migrated: 'Database {{path}} is at schema version {{version}}.',
    matched:
      'Matched {{sources}} source records against {{population}} population records (run {{runId}}): certain {{certain}}, probable {{probable}}, possible {{possible}}, unmatched {{none}}.',
    linked: 'Wrote {{rows}} rows to {{file}}.',
    badThresholds:
      'Invalid thresholds: need 0 ≤ possible ≤ probable ≤ certain ≤ 1 (got {{possible}}, {{probable}}, {{certain}}).',
    badMapping: 'Mapping file {{file}} is not valid: {{detail}}',
    progress: 'Importing… {{percent}}%',
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
      dryRun: 'Dry run (--dry-run): nothing was written to the database.'
    },
    gateway: {
      listening: 'Reference national gateway listening: {{url}}',
      database: 'Database: {{where}}',
      adminToken:
        'Operator token (for /admin, shown once; set GATEWAY_ADMIN_TOKEN to choose it): {{token}}',
      seeded:
        'Loaded {{file}}: read {{read}} rows, added {{inserted}} records, {{existing}} already there, rejected {{rejected}}.'
    },
    help: {
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
        db: 'Database file'
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
        db: 'Keep the database in this file (default: a temporary file, deleted afterwards)',
        'all-candidates': 'Write every scored candidate, not only the best one',
        certain: 'Probability threshold of the "certain" grade',
        probable: 'Probability threshold of the "probable" grade',
        possible: 'Probability threshold of the "possible" grade',
        json: 'Print the result as JSON'
      }
    }
  }
}
