// Vietnamese strings (the default language). Every user-facing string lives here and in en.ts.
export const vi = {
  app: {
    title: 'Đối soát',
    subtitle: 'Đối soát dữ liệu hộ tịch với Cơ sở dữ liệu quốc gia về dân cư'
  },
  nav: {
    overview: 'Tổng quan',
    import: 'Nhập dữ liệu',
    match: 'Đối soát',
    approve: 'Duyệt',
    sync: 'Đồng bộ',
    reports: 'Báo cáo',
    settings: 'Cài đặt',
    label: 'Điều hướng chính'
  },
  lang: { vi: 'Tiếng Việt', en: 'English', label: 'Ngôn ngữ' },
  fields: {
    record_key: 'Mã hồ sơ',
    full_name: 'Họ và tên',
    family_name: 'Họ',
    middle_name: 'Tên đệm',
    given_name: 'Tên',
    dob: 'Ngày sinh',
    dob_precision: 'Độ chính xác ngày sinh',
    sex: 'Giới tính',
    id_number: 'Số định danh cá nhân',
    legacy_id: 'Số CMND',
    residence: 'Nơi thường trú',
    residence_province_code: 'Mã tỉnh',
    residence_commune_code: 'Mã xã',
    residence_scheme: 'Hệ địa giới',
    hometown: 'Quê quán',
    ethnicity: 'Dân tộc',
    father_name: 'Họ tên cha',
    mother_name: 'Họ tên mẹ',
    spouse_name: 'Họ tên vợ/chồng',
    vital_status: 'Tình trạng',
    death_date: 'Ngày mất',
    version: 'Phiên bản',
    row_no: 'Số thứ tự (STT)',
    id_any: 'Số định danh hoặc CMND',
    residence_street: 'Địa chỉ chi tiết (số nhà, thôn, xóm)',
    residence_commune: 'Xã, phường thường trú',
    residence_district: 'Huyện, quận thường trú (cũ)',
    residence_province: 'Tỉnh, thành phố thường trú',
    registration_number: 'Số đăng ký',
    event_date: 'Ngày xảy ra sự kiện hộ tịch',
    event_place: 'Nơi xảy ra sự kiện hộ tịch',
    batch_id: 'Lô nhập',
    row_number: 'Dòng'
  },
  values: {
    sex: { M: 'Nam', F: 'Nữ' },
    vital_status: { alive: 'Còn sống', deceased: 'Đã mất' },
    dob_precision: { day: 'ngày', month: 'tháng', year: 'năm' },
    residence_scheme: {
      pre2025: 'địa giới cũ (trước 1/7/2025)',
      post2025: 'địa giới mới (từ 1/7/2025)'
    },
    kind: { population: 'CSDL dân cư', registry: 'Sổ hộ tịch' }
  },
  records: {
    title: 'Danh sách bản ghi',
    population: 'Dân cư (CSDLQG)',
    source: 'Dữ liệu địa phương',
    search: 'Tìm theo tên, số định danh…',
    total: 'Tổng số: {{count}} bản ghi',
    empty: 'Chưa có bản ghi nào.',
    table: 'Bảng dữ liệu',
    searchLabel: 'Tìm kiếm bản ghi'
  },
  overview: {
    title: 'Tổng quan',
    population: 'Bản ghi dân cư',
    source: 'Bản ghi địa phương',
    batches: 'Lô đã nhập',
    rejected: 'Dòng bị từ chối',
    loading: 'Đang tải thông tin…',
    counts: 'Số liệu'
  },
  welcome: {
    title: 'Chào mừng đến với Đối soát',
    body: 'Cơ sở dữ liệu đang trống. Bạn có thể tạo một xã mẫu với dữ liệu tổng hợp (không phải dữ liệu thật) để khám phá ứng dụng.',
    create: 'Tạo xã mẫu',
    creating: 'Đang tạo xã mẫu…',
    skip: 'Để sau'
  },
  jobs: {
    progress: '{{phase}}: {{done}} / {{total}}',
    progressNoTotal: '{{phase}}: {{done}}',
    progressPercent: '{{phase}}: {{percent}}%',
    cancel: 'Hủy',
    starting: 'Đang bắt đầu…',
    cancelled: 'Đã hủy tác vụ.',
    phase: {
      generate: 'Đang sinh dữ liệu mẫu',
      read: 'Đang đọc tệp',
      write: 'Đang ghi',
      population: 'Đang nhập dữ liệu dân cư',
      registry: 'Đang nhập sổ hộ tịch',
      scan: 'Đang so khớp',
      fit: 'Đang ước lượng mô hình'
    }
  },
  placeholder: {
    soon: 'Màn hình này sẽ có trong phiên bản sau.'
  },
  grid: {
    loading: 'Đang tải…',
    noRows: 'Không có bản ghi nào',
    noMatchingRows: 'Không có bản ghi phù hợp',
    loadingError: 'LỖI',
    rowLoading: 'Đang tải dòng',
    rowLoadingFailed: 'Không tải được dòng',
    page: 'Trang',
    of: 'trên',
    to: 'đến',
    more: 'nhiều hơn',
    firstPage: 'Trang đầu',
    lastPage: 'Trang cuối',
    nextPage: 'Trang sau',
    previousPage: 'Trang trước',
    thousandSeparator: '.',
    decimalSeparator: ','
  },
  network: {
    offline:
      'Không kết nối được tới máy chủ Đối soát. Hãy kiểm tra lệnh "doisoat serve" còn chạy rồi tải lại trang.',
    badResponse: 'Máy chủ trả lời không hợp lệ (mã HTTP {{status}}). Hãy tải lại trang.'
  },
  menu: {
    file: 'Tệp',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Xem',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    resetZoom: 'Cỡ mặc định',
    fullscreen: 'Toàn màn hình',
    reload: 'Tải lại',
    devTools: 'Công cụ nhà phát triển',
    window: 'Cửa sổ',
    minimize: 'Thu nhỏ cửa sổ',
    close: 'Đóng cửa sổ'
  },
  shell: {
    startFailedTitle: 'Đối soát không khởi động được',
    backendFailed:
      'Tiến trình xử lý dữ liệu liên tục dừng (mã {{code}}). Dữ liệu đã lưu không bị mất. Hãy đóng rồi mở lại ứng dụng; nếu lỗi lặp lại, hãy báo cho bộ phận hỗ trợ.',
    nativeRebuild:
      'Thư viện SQLite (better-sqlite3) chưa được dựng cho Electron: hãy chạy "npm start" hoặc "node scripts/electron-native.mjs" rồi mở lại ứng dụng.'
  },
  errors: {
    validation: 'Dữ liệu gửi lên không hợp lệ: {{detail}}',
    unknown_handler: 'Không có chức năng "{{name}}".',
    not_found: 'Không tìm thấy {{what}}.',
    unauthorized:
      'Thiếu hoặc sai mã truy cập. Hãy mở đúng địa chỉ mà lệnh "doisoat serve" đã in ra.',
    db_too_new:
      'Cơ sở dữ liệu này được tạo bởi phiên bản mới hơn (lược đồ {{found}}, phiên bản này hỗ trợ đến {{supported}}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
    db_open_failed: 'Không mở được cơ sở dữ liệu "{{path}}": {{detail}}',
    file_not_found: 'Không tìm thấy tệp "{{path}}".',
    file_empty: 'Tệp "{{path}}" trống, không có dòng dữ liệu nào.',
    file_unreadable: 'Không đọc được tệp "{{path}}": {{detail}}',
    mapping_unknown_columns:
      'Tệp ghép cột nêu những cột không có trong tệp dữ liệu: {{columns}}. Hãy sửa tên cột cho khớp dòng tiêu đề.',
    sheet_not_found: 'Không có trang tính "{{sheet}}" trong tệp. Các trang tính có: {{sheets}}.',
    xls_unsupported:
      'Tệp Excel 97–2003 (.xls) không được hỗ trợ vì lý do an toàn. Hãy mở tệp bằng Excel hoặc LibreOffice, chọn "Lưu thành" (Save As) định dạng .xlsx, rồi nhập lại.',
    unsupported_here: 'Chức năng này không có ở chế độ đang chạy.',
    missing_columns:
      'Tệp thiếu cột bắt buộc: {{columns}}. Hãy kiểm tra dòng tiêu đề (ví dụ "Họ và tên").',
    job_cancelled: 'Đã hủy. Không có dữ liệu nào được ghi.',
    job_not_found: 'Không tìm thấy tác vụ {{jobId}}.',
    duplicate_file:
      'Tệp này đã được nhập trước đó (lô số {{batchId}}, {{date}}). Nhập lại sẽ tạo bản ghi trùng.',
    internal: 'Lỗi không mong muốn: {{detail}}'
  },
  import: {
    title: 'Nhập dữ liệu',
    steps: {
      label: 'Các bước nhập dữ liệu',
      source: 'Chọn tệp và loại dữ liệu',
      preview: 'Xem trước và ghép cột',
      run: 'Nhập',
      result: 'Kết quả'
    },
    kind: 'Loại dữ liệu',
    kindChoose: '— Chọn loại dữ liệu —',
    file: 'Tệp dữ liệu',
    pick: 'Chọn tệp…',
    pickAnother: 'Chọn tệp khác…',
    noFile: 'Chưa chọn tệp',
    accepted: 'Tệp CSV, TSV, TXT hoặc Excel (.xlsx).',
    uploading: 'Đang tải tệp lên…',
    tooLarge:
      'Tệp "{{name}}" lớn hơn {{max}} MB nên không tải lên được. Hãy tách thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
    profile: 'Hồ sơ ghép cột đã lưu',
    profileNone: '(không dùng)',
    profileNoneSaved: '(chưa có hồ sơ nào)',
    hint: 'Chọn loại dữ liệu và tệp để xem trước. Xem trước không ghi gì vào cơ sở dữ liệu.',
    previewing: 'Đang đọc tệp để xem trước…',
    previewNote:
      'Đây là bản xem trước, chưa có dữ liệu nào được ghi. Hãy kiểm tra tên có dấu và cách ghép cột trước khi nhập.',
    facts: {
      file: 'Tệp',
      encoding: 'Bảng mã',
      sheet: 'Trang tính',
      delimiter: 'Dấu phân cách',
      headerRow: 'Dòng tiêu đề'
    },
    formats: { csv: 'CSV', xlsx: 'Excel (.xlsx)' },
    detected: 'Nhận dạng: {{name}}, độ tin cậy {{percent}}',
    tab: 'Tab',
    lowConfidence:
      'Độ tin cậy của bảng mã thấp. Hãy xem kỹ các tên có dấu trong bảng bên dưới; nếu chữ bị lỗi (ví dụ "NguyÔn"), hãy chọn bảng mã khác trong danh sách.',
    counts: { read: 'Dòng đọc được', accepted: 'Dòng nhận', rejected: 'Dòng từ chối' },
    rejectedByType: 'Lý do từ chối',
    warningsByType: 'Cảnh báo theo loại',
    noProblems: 'Không có dòng bị từ chối hay cảnh báo nào.',
    mappingTitle: 'Ghép cột',
    mappingHint:
      'Số cột trong tệp: {{n}}. Mỗi cột được ghép với một trường dữ liệu (kéo ngang để xem hết). Chọn lại trong danh sách nếu cần; cột để "(không nhập)" sẽ bị bỏ qua.',
    column: 'Cột {{n}}',
    columnField: 'Trường dữ liệu cho cột "{{column}}"',
    notImported: '(không nhập)',
    columnKept:
      'Cột "{{column}}" vẫn được nhập vào trường "{{field}}" vì tiêu đề của cột được nhận dạng tự động; hiện chưa bỏ qua được cột này. Nếu cột không đúng, hãy ghép trường đó cho cột khác.',
    missing:
      'Chưa ghép cột cho trường bắt buộc: {{fields}}. Hãy chọn cột tương ứng trong bảng ghép cột.',
    profileName: 'Lưu cách ghép cột này thành hồ sơ',
    profilePlaceholder: 'Tên hồ sơ, ví dụ "Sổ hộ tịch của xã"',
    profileSave: 'Lưu hồ sơ',
    profileSaved: 'Đã lưu hồ sơ "{{name}}". Lần sau có thể chọn hồ sơ này ở bước 1.',
    rowsTitle: 'Các dòng đầu như sẽ được lưu',
    rowsHint: '{{n}} dòng đầu của tệp sau khi chuẩn hóa. Dòng bị từ chối có nền đỏ nhạt kèm lý do.',
    noRows:
      'Không có dòng dữ liệu nào dưới dòng tiêu đề. Nếu tệp Excel có nhiều trang tính, hãy chọn đúng trang.',
    row: 'Dòng',
    notes: 'Ghi chú',
    rowRejected: 'Từ chối: {{reasons}}',
    rowWarnings: 'Cảnh báo: {{warnings}}',
    blocked: 'Chưa thể nhập vì thiếu trường bắt buộc: {{fields}}. Hãy ghép cột ở bước 2.',
    ready:
      'Sẽ nhận {{accepted}} dòng và từ chối {{rejected}} dòng. Dòng bị từ chối được giữ lại để xem và xuất ra tệp.',
    start: 'Nhập {{n}} dòng',
    duplicate: 'Tệp này đã được nhập (lô số {{batchId}}, ngày {{date}}). Vẫn nhập lại?',
    duplicateNote: 'Nhập lại sẽ tạo bản ghi trùng với lô đã nhập.',
    duplicateConfirm: 'Vẫn nhập lại',
    duplicateDrop: 'Không nhập',
    done: 'Đã nhập xong tệp {{file}} ({{kind}}), lô số {{batchId}}.',
    rejectedRows: 'Các dòng bị từ chối ({{n}})',
    noRejected: 'Không có dòng nào bị từ chối.',
    reasons: 'Lý do',
    rawText: 'Nội dung gốc',
    export: { csv: 'Xuất CSV', xlsx: 'Xuất Excel (.xlsx)' },
    again: 'Nhập tệp khác'
  },
  encodings: {
    'utf-8': 'UTF-8 (Unicode)',
    'utf-16le': 'UTF-16 LE (Unicode)',
    'utf-16be': 'UTF-16 BE (Unicode)',
    'windows-1258': 'Windows-1258 (CP1258)',
    tcvn3: 'TCVN3 (ABC, phông .VnTime)',
    vni: 'VNI-Windows (phông VNI-Times)',
    'utf-8-mojibake': 'UTF-8 bị đọc nhầm thành Windows-1252 (sửa tự động)',
    'windows-1252': 'Windows-1252 (Latin)',
    auto: 'Tự nhận dạng'
  },
  kinds: {
    population: 'Trích xuất CSDL dân cư',
    registry: 'Sổ hộ tịch (tổng hợp)',
    birth: 'Khai sinh',
    death: 'Khai tử',
    marriage: 'Kết hôn',
    residence: 'Cư trú (thường trú / tạm trú)',
    id_card: 'Căn cước',
    health_insurance: 'Bảo hiểm y tế (BHYT)',
    generic: 'Khác'
  },
  export: {
    rowNumber: 'Dòng',
    reasons: 'Lý do',
    rawText: 'Nội dung gốc',
    rejectedSheet: 'Dòng bị từ chối'
  },
  warnings: {
    bad_dob: 'ngày sinh không đọc được',
    bad_sex: 'giới tính không rõ',
    bad_id: 'số giấy tờ không đúng 12 hoặc 9 chữ số',
    id_inconsistent: 'số định danh không khớp giới tính hoặc năm sinh',
    bad_death_date: 'ngày mất không đọc được',
    bad_version: 'phiên bản không phải số',
    unknown_vital_status: 'tình trạng sống/mất không rõ',
    bad_event_date: 'ngày đăng ký/sự kiện không đọc được',
    address_old_naming: 'địa chỉ ghi theo đơn vị hành chính cũ (trước 2025), đã quy đổi',
    address_ambiguous: 'xã cũ đã chia cho nhiều xã mới: chưa xác định được xã',
    address_unresolved: 'không xác định được đơn vị hành chính của địa chỉ',
    formula_cell: 'ô chứa công thức (được giữ nguyên dạng chữ, không tính)',
    extra_cells: 'dòng có nhiều ô hơn tiêu đề (phần thừa giữ trong dữ liệu gốc)'
  },
  review: {
    states: {
      open: 'Chưa xem xét',
      accepted: 'Đã chấp nhận liên kết',
      rejected: 'Đã bác bỏ liên kết',
      relinked: 'Đã liên kết với bản ghi khác',
      duplicate: 'Bản ghi trùng lặp',
      not_in_population: 'Không có trong CSDL dân cư'
    },
    actions: {
      accept: 'Chấp nhận liên kết',
      reject: 'Bác bỏ liên kết',
      relink: 'Liên kết với bản ghi khác',
      duplicate: 'Đánh dấu trùng lặp',
      not_in_population: 'Đánh dấu "không có trong CSDL dân cư"',
      note: 'Ghi chú',
      reopen: 'Mở lại để xem xét'
    },
    bulkConfirm:
      'Thao tác này sẽ chấp nhận {{count}} liên kết đang chờ theo bộ lọc hiện tại. Mỗi bản ghi được ghi lại trong lịch sử; toàn bộ thao tác là một sự kiện nhật ký. Tiếp tục?',
    bulkChanged: 'Hàng đợi đã thay đổi kể từ khi đếm. Hãy đếm lại rồi xác nhận số bản ghi mới.',
    searchHint:
      'Gõ họ tên (có hoặc không dấu, thứ tự bất kỳ), ngày sinh dd/mm/yyyy hoặc số định danh',
    sides: {
      population: 'Dữ liệu dân cư sai',
      local: 'Dữ liệu tại địa phương sai'
    },
    reasons: {
      typo: 'Lỗi đánh máy',
      diacritics: 'Sai dấu tiếng Việt',
      name_order: 'Sai thứ tự họ, đệm, tên',
      dob_wrong: 'Sai ngày sinh',
      dob_day_month_swap: 'Đảo ngày và tháng sinh',
      dob_lunar: 'Ghi ngày sinh âm lịch',
      sex_wrong: 'Sai giới tính',
      id_wrong: 'Sai số định danh cá nhân / CMND',
      deceased_not_recorded: 'Đã chết nhưng chưa được ghi nhận',
      address_outdated: 'Địa chỉ theo đơn vị hành chính cũ',
      legal_change: 'Thay đổi theo quyết định cải chính hộ tịch',
      other: 'Lý do khác (ghi rõ)'
    },
    correctionStates: {
      draft: 'Bản nháp',
      proposed: 'Đã đề xuất',
      approved: 'Đã phê duyệt',
      rejected: 'Bị từ chối',
      queued: 'Chờ gửi',
      sent: 'Đã gửi',
      accepted: 'Được chấp nhận',
      refused: 'Bị trả lại',
      conflict: 'Xung đột phiên bản'
    },
    valueProblems: {
      empty: 'Chưa nhập giá trị.',
      not_a_date: 'Không phải ngày hợp lệ (ví dụ 05/03/1990, 03/1990 hoặc 1990).',
      not_m_or_f: 'Giới tính phải là Nam (M) hoặc Nữ (F).',
      not_12_digits: 'Số định danh cá nhân phải có đúng 12 chữ số.',
      not_9_digits: 'Số CMND phải có đúng 9 chữ số.',
      not_alive_or_deceased: 'Tình trạng phải là còn sống hoặc đã chết.',
      no_letters: 'Tên phải có chữ cái.'
    }
  },
  rejected: {
    no_name: 'thiếu họ tên',
    bad_row: 'số cột không khớp tiêu đề',
    no_key: 'thiếu mã bản ghi',
    duplicate_key: 'mã bản ghi bị trùng trong cùng tệp'
  },
  /** Match flags (src/core/match/compare.ts PAIR_FLAGS and RECORD_FLAGS). */
  matchFlags: {
    name_diacritics: 'Họ tên gõ không dấu',
    name_tone: 'Họ tên khác vị trí dấu thanh (Hoà/Hòa)',
    name_typo: 'Họ tên sai chính tả',
    name_order: 'Họ tên đảo thứ tự',
    name_dropped_middle: 'Thiếu hoặc thừa tên đệm',
    name_regional: 'Họ viết theo vùng miền (Hoàng/Huỳnh, Vũ/Võ)',
    name_different: 'Họ tên khác',
    dob_swap: 'Ngày sinh đảo ngày/tháng',
    dob_year_only: 'Ngày sinh chỉ có năm',
    dob_month_year: 'Ngày sinh chỉ có tháng/năm',
    dob_one_digit: 'Ngày sinh sai một chữ số',
    dob_lunar: 'Ngày sinh có thể là ngày âm lịch',
    dob_different: 'Ngày sinh khác',
    sex_different: 'Giới tính khác',
    id_missing: 'Thiếu số định danh',
    id_cmnd_vs_id: 'Ghi CMND thay cho số định danh',
    id_one_digit: 'Số định danh sai một chữ số',
    id_different: 'Số định danh khác',
    id_inconsistent: 'Số định danh không khớp giới tính hoặc năm sinh',
    address_old_naming: 'Địa chỉ theo đơn vị hành chính cũ',
    address_abbrev: 'Địa chỉ viết tắt',
    address_ambiguous: 'Địa chỉ cũ ứng với nhiều xã mới',
    address_unresolved: 'Không xác định được xã của địa chỉ',
    address_other_commune: 'Khác xã (cùng tỉnh)',
    address_other_province: 'Khác tỉnh',
    parents_missing: 'Thiếu họ tên cha mẹ',
    parent_spelling: 'Họ tên cha/mẹ sai chính tả',
    parent_mismatch: 'Họ tên cha/mẹ khác',
    hometown_different: 'Quê quán khác',
    vital_mismatch: 'Một nguồn ghi đã mất, nguồn kia ghi còn sống',
    unmatched: 'Không tìm thấy trong dữ liệu dân cư',
    duplicate_in_source: 'Có thể trùng với một dòng khác trong cùng tệp',
    close_second: 'Có ứng viên thứ hai gần bằng'
  },
  cli: {
    usage: 'Cách dùng',
    commands: 'Lệnh',
    options: 'Tùy chọn',
    unknownCommand: 'Lệnh không tồn tại: "{{name}}". Chạy "doisoat --help" để xem danh sách lệnh.',
    unknownOption: 'Tùy chọn không hợp lệ: "{{name}}". Chạy "doisoat {{command}} --help".',
    missingOption: 'Thiếu tùy chọn bắt buộc {{name}}. Chạy "doisoat {{command}} --help".',
    badNumber: 'Giá trị của {{name}} phải là số nguyên, nhận được "{{value}}".',
    badChoice: 'Giá trị của {{name}} phải là một trong: {{choices}}.',
    listening: 'Đối soát đang chạy ở chế độ web. Mở địa chỉ sau trong trình duyệt:',
    tokenNote: 'Địa chỉ có chứa mã truy cập; đừng chia sẻ. Chỉ máy này truy cập được (127.0.0.1).',
    noRenderer:
      'Chưa có bản dựng giao diện (out/renderer). Chạy "npm run build:web" trước, hoặc dùng "npm run start:web".',
    imported:
      'Đã nhập {{file}}: đọc {{read}} dòng, nhận {{accepted}}, từ chối {{rejected}} (lô số {{batchId}}).',
    sampleWritten: 'Đã ghi dữ liệu mẫu vào {{dir}}: {{files}}',
    sampleTooManyRegistry:
      'Số dòng sổ hộ tịch ({{registry}}) không được lớn hơn số người trong tệp dân cư ({{population}}). Hãy giảm --registry hoặc tăng --population.',
    sampleNegative: 'Giá trị của {{name}} không được âm, nhận được {{value}}.',
    migrated: 'Cơ sở dữ liệu {{path}} ở lược đồ phiên bản {{version}}.',
    matched:
      'Đã đối soát {{sources}} bản ghi nguồn với {{population}} bản ghi dân cư (lần chạy số {{runId}}): chắc chắn {{certain}}, khả năng cao {{probable}}, có thể {{possible}}, không khớp {{none}}.',
    linked: 'Đã ghi {{rows}} dòng vào {{file}}.',
    badThresholds:
      'Ngưỡng không hợp lệ: cần 0 ≤ có thể ≤ khả năng cao ≤ chắc chắn ≤ 1 (nhận được {{possible}}, {{probable}}, {{certain}}).',
    badMapping: 'Tệp ánh xạ {{file}} không hợp lệ: {{detail}}',
    progress: 'Đang nhập… {{percent}}%',
    preview: {
      file: 'Tệp: {{file}} ({{format}}, {{size}} byte)',
      encoding: 'Bảng mã: {{encoding}} (tự nhận dạng: {{detected}}, độ tin cậy {{confidence}}%)',
      lowConfidence:
        '  Cảnh báo: độ tin cậy thấp. Hãy kiểm tra tên ở các dòng dưới; nếu sai dấu, chọn bảng mã bằng --encoding.',
      delimiter: 'Dấu phân cách: {{delimiter}}',
      sheet: 'Trang tính: {{sheet}} (các trang: {{sheets}})',
      header: 'Dòng tiêu đề: dòng {{row}}. Ghép cột:',
      ignored: '(không nhập)',
      rows: 'Các dòng đầu, như sẽ được lưu:',
      counts: 'Tổng: đọc {{read}} dòng, nhận {{accepted}}, từ chối {{rejected}}.',
      missing: 'Thiếu cột bắt buộc: {{fields}}. Dùng --mapping để chỉ định cột.',
      dryRun: 'Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.'
    },
    gateway: {
      listening: 'Cổng quốc gia tham chiếu đang chạy: {{url}}',
      database: 'Cơ sở dữ liệu: {{where}}',
      adminToken:
        'Mã quản trị (cho /admin, chỉ hiện một lần; đặt GATEWAY_ADMIN_TOKEN để tự chọn): {{token}}',
      seeded:
        'Đã nạp {{file}}: đọc {{read}} dòng, thêm {{inserted}} bản ghi, đã có {{existing}}, từ chối {{rejected}}.'
    },
    help: {
      sample: {
        summary:
          'Sinh dữ liệu mẫu tổng hợp (không phải người thật): tệp dân cư, sổ hộ tịch có lỗi nhập liệu, tệp đáp án và các bản mã cũ (TCVN3, VNI, Windows-1258).',
        out: 'Thư mục ghi các tệp mẫu (tạo mới nếu chưa có)',
        population: 'Số người trong tệp dân cư',
        registry: 'Số dòng sổ hộ tịch (không lớn hơn số người)',
        seed: 'Hạt giống ngẫu nhiên: cùng hạt giống cho ra cùng dữ liệu',
        'no-legacy': 'Không ghi các bản mã cũ (TCVN3, VNI, Windows-1258)'
      },
      serve: {
        summary: 'Chạy ứng dụng ở chế độ web (trình duyệt), chỉ trên 127.0.0.1, có mã truy cập.',
        port: 'Cổng lắng nghe (0 = cổng ngẫu nhiên)',
        db: 'Tệp cơ sở dữ liệu'
      },
      import: {
        summary: 'Xem trước và nhập một tệp (CSV mọi bảng mã, Excel .xlsx) vào cơ sở dữ liệu.',
        db: 'Tệp cơ sở dữ liệu (tạo mới nếu chưa có)',
        kind: 'Loại dữ liệu: population (CSDL dân cư), registry (sổ hộ tịch), birth, death, marriage, residence, id_card, health_insurance, generic',
        file: 'Tệp cần nhập: CSV/TSV (mọi bảng mã) hoặc Excel .xlsx',
        encoding:
          'Bảng mã: auto (tự nhận dạng) hoặc utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, utf-8-mojibake, windows-1252',
        mapping: 'Tệp JSON ghép cột (xem README: "Tệp ghép cột")',
        sheet: 'Trang tính của tệp .xlsx: tên hoặc số thứ tự (mặc định trang đầu)',
        'dry-run': 'Chỉ xem trước, không ghi gì',
        'allow-duplicate': 'Cho phép nhập lại tệp đã nhập (cùng SHA-256)'
      },
      db_migrate: {
        summary: 'Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu.',
        db: 'Tệp cơ sở dữ liệu'
      },
      db_info: {
        summary: 'Xem phiên bản lược đồ và số bản ghi trong cơ sở dữ liệu.',
        db: 'Tệp cơ sở dữ liệu',
        json: 'In kết quả dạng JSON'
      },
      match: {
        summary:
          'Đối soát bản ghi các nguồn với dữ liệu dân cư trong cơ sở dữ liệu: cặp ứng viên, điểm, cờ sai lệch và liên kết.',
        db: 'Tệp cơ sở dữ liệu',
        source: 'Lô nguồn cần đối soát (số lô), hoặc all cho mọi nguồn',
        certain: 'Ngưỡng xác suất của mức "chắc chắn"',
        probable: 'Ngưỡng xác suất của mức "khả năng cao"',
        possible: 'Ngưỡng xác suất của mức "có thể"',
        json: 'In kết quả dạng JSON'
      },
      gateway: {
        summary:
          'Chạy cổng quốc gia tham chiếu (phía CSDL dân cư): nhận đề nghị đính chính có chữ ký, trả dữ liệu dân cư theo con trỏ. Mặc định dùng PGlite nhúng; đặt DATABASE_URL để dùng PostgreSQL.',
        port: 'Cổng lắng nghe (0 = cổng ngẫu nhiên)',
        host: 'Địa chỉ lắng nghe',
        data: 'Thư mục dữ liệu của PGlite nhúng (khi không có DATABASE_URL)',
        'seed-from':
          'Nạp bản ghi dân cư từ tệp này (population.csv của "doisoat sample"); bản ghi đã có được giữ nguyên'
      },
      link: {
        summary:
          'Đối soát tệp với tệp trong một lệnh: nhập hai tệp, so khớp và ghi links.csv (mỗi dòng sổ một ứng viên tốt nhất).',
        registry: 'Tệp sổ (nguồn cần đối soát)',
        population: 'Tệp dữ liệu dân cư',
        out: 'Tệp kết quả links.csv',
        'mapping-registry': 'Tệp ánh xạ cột (JSON) cho tệp sổ',
        'mapping-population': 'Tệp ánh xạ cột (JSON) cho tệp dân cư',
        db: 'Giữ cơ sở dữ liệu ở tệp này (mặc định: tệp tạm, xóa sau khi xong)',
        'all-candidates': 'Ghi mọi ứng viên đã chấm điểm, không chỉ ứng viên tốt nhất',
        certain: 'Ngưỡng xác suất của mức "chắc chắn"',
        probable: 'Ngưỡng xác suất của mức "khả năng cao"',
        possible: 'Ngưỡng xác suất của mức "có thể"',
        json: 'In kết quả dạng JSON'
      }
    }
  }
}

/** The shape every language must follow (keys of the Vietnamese catalog, string leaves). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Messages = Shape<typeof vi>
