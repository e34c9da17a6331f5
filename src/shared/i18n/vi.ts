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
    teach: 'Dạy mô hình',
    approve: 'Duyệt',
    sync: 'Đồng bộ',
    reports: 'Báo cáo',
    backup: 'Sao lưu',
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
    other_id: 'Mã số khác (thẻ BHYT, hộ chiếu, số hộ khẩu, mã hồ sơ...)',
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
  dashboard: {
    loading: 'Đang tải số liệu đối soát…',
    noRun: 'Chưa có lần đối soát nào. Hãy nhập dữ liệu rồi chạy đối soát để xem tiến độ.',
    runLabel: 'Lần đối soát số {{id}}',
    total: 'Bản ghi cần xem xét',
    decided: 'Đã xem xét',
    auto: 'Tự động chấp nhận',
    remaining: 'Còn lại',
    byGrade: 'Theo mức độ khớp',
    byFlag: 'Sai lệch theo loại',
    byFlagHint: 'Số bản ghi có từng loại sai lệch (một bản ghi có thể có nhiều loại)',
    noFlags: 'Không có sai lệch nào.',
    progress: 'Tiến độ xem xét',
    progressHint: 'Số quyết định đã đưa ra, cộng dồn theo ngày',
    progressNone: 'Chưa có quyết định nào.',
    perDay: '{{count}} quyết định ngày {{date}}, tổng {{total}}',
    byBatch: 'Tiến độ theo lô dữ liệu',
    batch: 'Lô',
    file: 'Tệp',
    done: 'Đã xem xét',
    left: 'Còn lại',
    share: 'Tỷ lệ',
    barLabel: '{{label}}: {{count}}',
    jobs: 'Tác vụ đang chạy',
    jobKind: {
      import: 'Nhập dữ liệu',
      sample: 'Tạo xã mẫu',
      match: 'Đối soát'
    },
    grades: {
      certain: 'Chắc chắn',
      probable: 'Khả năng cao',
      possible: 'Có thể',
      none: 'Không khớp'
    }
  },
  reports: {
    title: 'Biên bản đối soát dữ liệu',
    intro:
      'Biên bản tổng hợp kết quả đối soát một lô dữ liệu hoặc một xã: số liệu, sai lệch theo loại, các đề xuất đính chính và phần ký xác nhận.',
    scopeKind: 'Phạm vi',
    byBatch: 'Theo lô dữ liệu',
    byCommune: 'Theo xã',
    batchOption: 'Lô {{id}}: {{file}}',
    communeOption: '{{name}} ({{code}}), {{count}} bản ghi',
    noScopes: 'Chưa có lô dữ liệu địa phương nào để lập biên bản.',
    preview: 'Xem trước',
    downloadPdf: 'Tải PDF',
    downloadXlsx: 'Tải Excel (XLSX)',
    working: 'Đang tạo tệp…',
    saved: 'Đã tạo tệp {{file}}.',
    scopeBatch: 'Lô dữ liệu số {{id}} ({{file}})',
    scopeCommune: '{{name}} (mã {{code}})',
    issuer: 'UBND {{name}}',
    issuerUnknown: 'ỦY BAN NHÂN DÂN',
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    runLabel: 'lần chạy số {{id}}, ngày {{date}}',
    batchLine:
      'số {{id}}, {{file}} ({{kind}}), nhập ngày {{date}}: đọc {{read}} dòng, nhận {{accepted}}, từ chối {{rejected}}',
    correctionsLine:
      'Đề xuất đang chờ duyệt: {{proposed}}; đã phê duyệt: {{approved}}; trạng thái khác: {{other}}.',
    noMismatches: 'Không có sai lệch nào.',
    noCorrections: 'Chưa có đề xuất đính chính nào.',
    placeDate: '…………, ngày …… tháng …… năm ……',
    signHint: '(Ký, ghi rõ họ tên)',
    dateLine: 'Ngày ……/……/………',
    gridNames: { queue: 'Hàng đợi xem xét' },
    gridColumns: {
      sourceKey: 'Mã hồ sơ (địa phương)',
      name: 'Họ và tên (địa phương)',
      dob: 'Ngày sinh (địa phương)',
      batch: 'Lô',
      commune: 'Mã xã',
      populationKey: 'Mã hồ sơ dân cư',
      populationName: 'Họ và tên (dân cư)',
      populationDob: 'Ngày sinh (dân cư)',
      grade: 'Mức độ khớp',
      probability: 'Xác suất',
      flags: 'Sai lệch',
      state: 'Trạng thái xem xét'
    },
    exportGroup: 'Xuất toàn bộ dữ liệu đang xem (mọi trang, theo bộ lọc và thứ tự hiện tại)',
    exportCsv: 'Xuất CSV',
    exportXlsx: 'Xuất Excel',
    exporting: 'Đang xuất…',
    exported: 'Đã xuất {{rows}} dòng vào {{file}}.',
    header: {
      commune: 'Xã',
      scope: 'Phạm vi',
      batch: 'Lô dữ liệu',
      run: 'Lần đối soát',
      period: 'Thời gian xem xét',
      generated: 'Ngày lập',
      generatedBy: 'Người lập'
    },
    sections: {
      summary: 'Số liệu tổng hợp',
      mismatches: 'Sai lệch theo loại',
      corrections: 'Danh sách đề xuất và phê duyệt đính chính',
      signatures: 'Ký xác nhận'
    },
    summary: {
      total: 'Tổng số bản ghi đối soát',
      matched: 'Tìm thấy trong CSDL dân cư',
      unmatched: 'Không tìm thấy trong CSDL dân cư',
      autoAccepted: 'Liên kết tự động chấp nhận (chưa ai xem xét)',
      decided: 'Đã xem xét',
      remaining: 'Chưa xem xét',
      correctionsProposed: 'Đề xuất đính chính chờ duyệt',
      correctionsApproved: 'Đính chính đã phê duyệt'
    },
    grades: {
      certain: 'Khớp chắc chắn',
      probable: 'Khớp khả năng cao',
      possible: 'Có thể khớp',
      none: 'Không tìm thấy'
    },
    columns: {
      no: 'STT',
      item: 'Nội dung',
      value: 'Giá trị',
      count: 'Số lượng',
      share: 'Tỷ lệ (%)',
      mismatch: 'Loại sai lệch',
      populationKey: 'Mã hồ sơ dân cư',
      name: 'Họ và tên',
      field: 'Trường',
      oldValue: 'Giá trị hiện tại',
      newValue: 'Giá trị đề nghị',
      side: 'Bên cần sửa',
      reason: 'Lý do',
      state: 'Trạng thái',
      proposedBy: 'Người đề xuất',
      proposedAt: 'Ngày đề xuất'
    },
    sheets: {
      summary: 'Tổng hợp',
      mismatches: 'Sai lệch',
      corrections: 'Đính chính',
      signatures: 'Ký xác nhận'
    },
    signers: {
      clerk: 'CÁN BỘ ĐỐI SOÁT',
      reviewer: 'NGƯỜI DUYỆT',
      head: 'THỦ TRƯỞNG ĐƠN VỊ'
    }
  },

  welcome: {
    title: 'Chào mừng đến với Đối soát',
    body: 'Cơ sở dữ liệu đang trống. Bạn có thể tạo một xã mẫu với dữ liệu tổng hợp (không phải dữ liệu thật) để khám phá ứng dụng.',
    create: 'Tạo xã mẫu',
    creating: 'Đang tạo xã mẫu…',
    skip: 'Để sau'
  },
  firstRun: {
    title: 'Bước tiếp theo: tạo tài khoản cán bộ và giám sát viên',
    body: 'Tài khoản quản trị chỉ quản lý người dùng, khóa và đồng bộ: quản trị viên không nhập dữ liệu, không đối soát và không duyệt. Hãy tạo ngay tài khoản cho cán bộ và giám sát viên; mỗi người đăng nhập bằng tài khoản của mình.',
    clerkTitle: 'Cán bộ đối soát',
    clerkHint: 'Nhập dữ liệu, chạy đối soát, xem xét từng cặp bản ghi và đề nghị sửa.',
    supervisorTitle: 'Giám sát viên',
    supervisorHint:
      'Duyệt hoặc từ chối đề nghị sửa và ký số trước khi gửi đi; không được tự duyệt đề nghị của chính mình.',
    createClerk: 'Tạo tài khoản cán bộ',
    createSupervisor: 'Tạo tài khoản giám sát viên',
    passwordHint: 'Ít nhất 8 ký tự. Người dùng có thể đổi mật khẩu trong Cài đặt.',
    usernameHint: 'Chữ thường không dấu, số, dấu chấm hoặc gạch; 2 đến 32 ký tự.',
    created:
      'Đã tạo tài khoản {{role}} {{name}} (tên đăng nhập: {{username}}). Hãy đưa tên đăng nhập và mật khẩu cho người đó.',
    existing: 'Đã có: {{names}}.',
    done: 'Đã có tài khoản cán bộ và giám sát viên. Đăng xuất, rồi đăng nhập bằng tài khoản cán bộ để nhập dữ liệu và đối soát.'
  },
  jobs: {
    progress: '{{phase}}: {{done}} / {{total}}',
    progressNoTotal: '{{phase}}: {{done}}',
    progressRecords: '{{phase}}: {{done}} / {{total}} bản ghi',
    progressPercent: '{{phase}}: {{percent}}%',
    cancel: 'Hủy',
    starting: 'Đang bắt đầu…',
    cancelled: 'Đã hủy tác vụ.',
    phase: {
      generate: 'Đang sinh dữ liệu mẫu',
      read: 'Đang đọc tệp',
      write: 'Đang ghi',
      index: 'Đang dựng chỉ mục',
      search: 'Đang dựng chỉ mục tìm kiếm nhanh',
      population: 'Đang nhập dữ liệu dân cư',
      registry: 'Đang nhập sổ hộ tịch',
      scan: 'Đang so khớp',
      fit: 'Đang ước lượng mô hình',
      push: 'Đang gửi đề nghị sửa',
      pull: 'Đang nhận bản ghi dân cư',
      backup: 'Đang sao lưu'
    }
  },
  placeholder: {
    soon: 'Màn hình này sẽ có trong phiên bản sau.'
  },
  grid: {
    ariaRowSelect: 'Nhấn phím cách để chọn dòng này',
    ariaRowDeselect: 'Nhấn phím cách để bỏ chọn dòng này',
    ariaRowToggleSelection: 'Nhấn phím cách để chọn hoặc bỏ chọn dòng',
    ariaRowSelectAll: 'Nhấn phím cách để chọn hoặc bỏ chọn mọi dòng',
    ariaSortableColumn: 'Nhấn Enter để sắp xếp',
    ariaMenuColumn: 'Nhấn Alt và mũi tên xuống để mở trình đơn cột',
    ariaLabelColumnMenu: 'Trình đơn cột',
    ariaFilterColumn: 'Nhấn Ctrl và Enter để mở bộ lọc',
    ariaColumnFiltered: 'Cột đang được lọc',
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
    encryptTitle: 'Mã hóa dữ liệu',
    encryptQuestion: 'Cơ sở dữ liệu này chưa được mã hóa. Mã hóa ngay bây giờ?',
    encryptDetail:
      'Dữ liệu công dân trên máy tính xách tay phải được mã hóa. Ứng dụng ghi một bản mã hóa rồi mới thay bản cũ; nếu có lỗi, bản gốc được giữ nguyên. Tệp: {{path}}',
    encryptButton: 'Mã hóa',
    quitButton: 'Thoát',
    recoveryTitle: 'Khóa khôi phục',
    recoveryMessage: 'Hãy chép khóa khôi phục này ra giấy. Nó chỉ hiện một lần.',
    recoveryDetail:
      '{{key}}\n\nKhi mất kho khóa của hệ điều hành (cài lại máy, đổi máy), chỉ khóa này mở được dữ liệu ({{path}}). Cất nơi an toàn, không lưu trên máy này.',
    recoveryOk: 'Tôi đã chép lại',
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
    file_empty:
      'Tệp "{{path}}" trống: không có dòng dữ liệu nào (có thể chỉ có dòng tiêu đề, hoặc không có gì). Hãy kiểm tra đã chọn đúng tệp, hoặc xuất lại danh sách rồi nhập.',
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
    match_running:
      'Một lần đối soát đang chạy. Hãy chờ nó xong (tiến độ hiện trên màn hình Đối soát), hoặc hủy nó rồi chạy lại.',
    duplicate_file:
      'Tệp này đã được nhập ngày {{date}} (lô số {{batchId}}). Nhập lại sẽ tạo bản ghi trùng: hãy kiểm tra đã chọn đúng tệp, và chỉ nhập lại khi chắc chắn cần.',
    out_folder_missing:
      'Không ghi được tệp "{{path}}": thư mục "{{folder}}" không tồn tại. Hãy tạo thư mục đó hoặc chọn nơi lưu khác; không có tệp nào được ghi.',
    out_is_folder:
      '"{{path}}" là một thư mục, không phải tệp. Hãy ghi rõ tên tệp cần tạo (ví dụ "{{path}}/ket-qua.csv").',
    out_not_writable:
      'Không có quyền ghi vào thư mục "{{folder}}". Hãy chọn thư mục khác mà bạn được ghi; không có tệp nào được ghi.',
    disk_full:
      'Ổ đĩa đã đầy khi ghi "{{path}}". Hãy giải phóng dung lượng hoặc ghi sang ổ khác; tệp dở dang đã được xóa.',
    write_failed:
      'Không ghi được tệp "{{path}}" (lỗi hệ thống {{code}}). Hãy thử lại hoặc chọn nơi lưu khác; tệp dở dang đã được xóa.',
    sample_not_empty:
      'Chỉ tạo được xã mẫu trên một cơ sở dữ liệu còn trống. Cơ sở dữ liệu này đã có dữ liệu (hoặc đang tạo xã mẫu), và người mẫu (không có thật) sẽ lẫn vào người thật. Để thử ứng dụng, hãy dùng một cơ sở dữ liệu riêng; để có tệp mẫu, dùng lệnh "doisoat sample".',
    file_binary:
      'Tệp "{{file}}" không phải tệp danh sách (CSV, TXT hay Excel .xlsx): có vẻ là ảnh, PDF hoặc tệp nén. Hãy chọn đúng tệp, hoặc xuất danh sách ra CSV hay .xlsx rồi nhập.',
    too_many_columns:
      'Dòng tiêu đề của "{{file}}" có {{columns}} cột, nhiều hơn {{max}}: đây không phải một danh sách. Hãy kiểm tra đúng trang tính và đúng dấu phân cách rồi nhập lại.',
    xlsx_invalid:
      'Tệp "{{file}}" không phải tệp Excel .xlsx hợp lệ, hoặc đã bị hỏng. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx (hoặc CSV UTF-8) rồi nhập lại.',
    xlsx_too_large:
      'Tệp "{{file}}" khi giải nén lớn hơn {{max}} MB, quá lớn để đọc an toàn. Hãy lưu trang tính dạng CSV (Excel: Lưu thành → CSV UTF-8) hoặc chia thành nhiều tệp nhỏ rồi nhập lần lượt.',
    xlsx_zip_bomb:
      'Tệp "{{file}}" phình ra hơn {{ratio}} lần khi giải nén: đó là dấu hiệu của tệp được tạo ra để làm treo máy, nên ứng dụng không mở. Nếu đây là tệp thật, hãy mở bằng Excel, lưu dạng CSV UTF-8 rồi nhập tệp CSV đó.',
    xlsx_too_many_rows:
      'Trang tính trong "{{file}}" có quá {{max}} dòng, nhiều hơn Excel cho phép: tệp không hợp lệ. Hãy mở và lưu lại bằng Excel, hoặc xuất dạng CSV rồi nhập.',
    xlsx_too_many_merges:
      'Trang tính trong "{{file}}" có quá {{max}} vùng ô gộp. Hãy bỏ gộp ô (Excel: Trang đầu → Gộp và Căn giữa → Bỏ gộp ô) hoặc lưu dạng CSV rồi nhập lại.',
    xlsx_too_many_strings:
      'Tệp "{{file}}" có quá {{max}} chuỗi chữ khác nhau, quá lớn để đọc an toàn. Hãy lưu dạng CSV UTF-8 hoặc chia nhỏ tệp rồi nhập lần lượt.',
    upload_unknown:
      'Tệp đã tải lên không còn trên máy chủ (đã được nhập, hoặc phiên làm việc đã kết thúc). Hãy chọn lại tệp.',
    upload_too_large:
      'Tệp lớn hơn {{max}} MB, hoặc máy chủ đang giữ quá nhiều tệp chờ nhập, nên không tải lên được. Hãy nhập xong các tệp đang chờ, hoặc tách tệp thành nhiều tệp nhỏ hơn.',
    db_locked:
      'Cơ sở dữ liệu "{{path}}" được mã hóa. Hãy cho biết cụm mật khẩu (--passphrase-file TỆP hoặc biến DOISOAT_PASSPHRASE) hoặc khóa khôi phục (--recovery-key-file TỆP hoặc DOISOAT_RECOVERY_KEY).',
    db_wrong_key:
      'Không mở được cơ sở dữ liệu "{{path}}": cụm mật khẩu hoặc khóa khôi phục không đúng (hoặc tệp khóa không thuộc cơ sở dữ liệu này). Dữ liệu không bị thay đổi; hãy thử lại.',
    db_not_encrypted:
      'Cơ sở dữ liệu "{{path}}" chưa được mã hóa. Hãy mã hóa nó: doisoat db encrypt --db "{{path}}".',
    db_already_encrypted: 'Cơ sở dữ liệu "{{path}}" đã được mã hóa; không cần làm gì thêm.',
    db_busy:
      'Cơ sở dữ liệu "{{path}}" đang được một chương trình khác mở (ứng dụng hoặc "doisoat serve"). Hãy đóng nó rồi thử lại.',
    db_maintenance:
      'Cơ sở dữ liệu "{{path}}" đang được một chương trình khác mã hóa lại (tiến trình {{pid}}). Hãy đợi việc đó xong rồi thử lại; không có gì bị thay đổi.',
    key_file_invalid:
      'Tệp khóa "{{path}}" bị hỏng ({{detail}}). Hãy chép lại tệp khóa từ bản sao lưu, hoặc mở cơ sở dữ liệu bằng khóa khôi phục.',
    key_file_missing:
      'Thiếu tệp khóa của cơ sở dữ liệu "{{path}}" (tệp .keys.json nằm cạnh nó). Hãy chép lại tệp đó, hoặc mở bằng khóa khôi phục (--recovery-key-file TỆP).',
    passphrase_required:
      'Cần một cụm mật khẩu để tạo cơ sở dữ liệu mã hóa "{{path}}": dùng --passphrase-file TỆP hoặc biến DOISOAT_PASSPHRASE, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.',
    passphrase_mismatch:
      'Hai lần nhập cụm mật khẩu không khớp nhau. Không có gì được ghi; hãy thử lại.',
    passphrase_too_short:
      'Cụm mật khẩu cần ít nhất {{min}} ký tự: chỉ nó bảo vệ dữ liệu khi máy hoặc tệp bị lấy mất. Hãy chọn một câu dài hơn (ví dụ vài từ dễ nhớ ghép lại); không có gì được ghi.',
    keychain_weak:
      'Trên máy này không có kho khóa an toàn của hệ điều hành (Linux đang dùng "{{backend}}": khóa sẽ chỉ được che bằng một mật khẩu cố định). Ứng dụng không lưu khóa theo cách đó. Hãy khởi động ứng dụng với cụm mật khẩu: đặt biến DOISOAT_PASSPHRASE (ít nhất {{min}} ký tự) rồi mở lại; hoặc cài kho khóa (GNOME Keyring hoặc KWallet), hoặc dùng chế độ web (npm run start:web).',
    keychain_unavailable:
      'Hệ điều hành không có kho khóa (keychain) để giữ khóa của cơ sở dữ liệu. Hãy khởi động ứng dụng với cụm mật khẩu: đặt biến DOISOAT_PASSPHRASE (ít nhất {{min}} ký tự) rồi mở lại; hoặc dùng chế độ web (npm run start:web).',
    keychain_lost:
      'Khóa trong kho khóa của hệ điều hành không mở được cơ sở dữ liệu "{{path}}" (kho khóa bị mất hoặc máy khác). Hãy nhập khóa khôi phục khi ứng dụng hỏi; sau đó kho khóa của máy này sẽ giữ khóa.',
    not_signed_in: 'Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.',
    session_expired:
      'Phiên làm việc đã hết hạn sau {{minutes}} phút không thao tác. Hãy đăng nhập lại; dữ liệu đã lưu không bị mất.',
    forbidden:
      'Tài khoản "{{username}}" không có quyền thực hiện thao tác này ({{action}}). Hãy đăng nhập bằng tài khoản có vai trò phù hợp.',
    login_failed: 'Sai tên đăng nhập hoặc mật khẩu.',
    account_locked:
      'Tài khoản "{{username}}" tạm bị khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau {{minutes}} phút, hoặc nhờ quản trị viên mở khóa.',
    account_disabled: 'Tài khoản "{{username}}" đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.',
    setup_done: 'Đã có tài khoản quản trị. Hãy đăng nhập.',
    user_exists: 'Tên đăng nhập "{{username}}" đã có. Hãy chọn tên khác.',
    weak_password: 'Mật khẩu cần ít nhất {{min}} ký tự.',
    wrong_password: 'Mật khẩu hiện tại không đúng.',
    last_admin: 'Không thể vô hiệu hóa quản trị viên cuối cùng.',
    illegal_transition:
      'Không thể chuyển đề nghị sửa {{uuid}} từ trạng thái "{{state}}" bằng thao tác "{{event}}".',
    not_supervisor: 'Chỉ giám sát viên được duyệt hoặc từ chối đề nghị sửa.',
    own_proposal:
      'Không được tự duyệt đề nghị sửa do chính mình lập ({{uuid}}). Cần một giám sát viên khác.',
    count_changed:
      'Số đề nghị đã thay đổi ({{expected}} khi xác nhận, nay là {{actual}}). Hãy xem lại rồi xác nhận lần nữa.',
    review_stale:
      'Cặp này vừa có quyết định khác (ở cửa sổ khác, hoặc của người khác), nên thao tác chưa được ghi. Hãy xem lại cặp rồi quyết định lại.',
    signature_invalid:
      'Chữ ký phê duyệt của đề nghị sửa {{uuid}} không hợp lệ ({{problem}}). Không có gì được ghi.',
    package_invalid: 'Tệp "{{file}}" không phải gói duyệt hợp lệ: {{detail}}',
    package_tampered:
      'Gói duyệt "{{file}}" đã bị thay đổi sau khi ký ({{detail}}). Không có gì được ghi; hãy xin lại tệp gốc từ người gửi.',
    package_untrusted:
      'Khóa ký của gói "{{file}}" ({{username}}, dấu vân tay {{fingerprint}}) chưa được đăng ký trên máy này với vai trò {{role}}. Quản trị viên cần đăng ký dấu vân tay này (Cài đặt → Khóa tin cậy) sau khi đối chiếu với người gửi.',
    learn_no_run: 'Chưa có lần đối sánh nào để học: hãy chạy đối sánh (Đối sánh → Chạy) trước.',
    learn_no_labels:
      'Chưa có quyết định nào để học: hãy xét duyệt vài cặp (hoặc trả lời câu hỏi ở màn hình Dạy mô hình) rồi học lại.',
    model_file_invalid: 'Tệp "{{file}}" không phải tệp mô hình hợp lệ: {{detail}}',
    model_file_tampered:
      'Tệp mô hình "{{file}}" đã bị thay đổi sau khi ký ({{detail}}). Không có gì được ghi; hãy xin lại tệp gốc từ người gửi.',
    model_file_untrusted:
      'Khóa ký của tệp mô hình "{{file}}" ({{username}}, dấu vân tay {{fingerprint}}) chưa được đăng ký trên máy này. Quản trị viên cần đăng ký dấu vân tay này (Cài đặt → Khóa tin cậy) sau khi đối chiếu với người gửi.',
    pdf_unavailable:
      'Không tạo được tệp PDF: không chạy được trình duyệt Chromium ({{detail}}). Hãy cài Chromium (Debian: apt-get install chromium) hoặc tải biên bản dạng Excel.',
    sync_not_configured:
      'Chưa cấu hình đồng bộ: quản trị viên cần nhập địa chỉ cổng quốc gia và thông tin máy trạm (Đồng bộ → Cấu hình).',
    sync_refused:
      'Cổng quốc gia từ chối máy trạm này. Quản trị viên cần kiểm tra mã máy trạm và khóa bí mật (Đồng bộ → Cấu hình), rồi đồng bộ lại.',
    sync_clock_skew:
      'Cổng quốc gia từ chối yêu cầu vì đồng hồ của máy này lệch quá nhiều so với giờ chuẩn. Hãy chỉnh ngày giờ của máy (bật tự động lấy giờ qua mạng), rồi đồng bộ lại.',
    sync_other_area:
      'Cổng quốc gia cấp máy trạm này cho một xã khác với mã xã đã cấu hình. Quản trị viên cần sửa mã xã (Đồng bộ → Cấu hình).',
    sync_url_insecure:
      'Địa chỉ cổng quốc gia phải bắt đầu bằng https:// (chỉ cổng chạy ngay trên máy này mới được dùng http://, với localhost, 127.0.0.1 hoặc [::1]) và không được chứa tên đăng nhập, mật khẩu hay phần sau dấu ? hoặc #. Hãy sửa địa chỉ rồi lưu lại.',
    sync_failed:
      'Đồng bộ bị dừng vì một lỗi không mong muốn. Hàng đợi được giữ nguyên, không có gì bị mất. Hãy thử lại; nếu lỗi lặp lại, hãy báo bộ phận hỗ trợ (chi tiết đã được ghi vào nhật ký).',
    sync_gateway_unreachable:
      'Không kết nối được tới cổng quốc gia {{url}}. Hãy kiểm tra địa chỉ cổng (hỏi cơ quan vận hành cổng) và mạng của máy, rồi thử lại; chưa có gì được lưu.',
    sync_gateway_invalid:
      'Địa chỉ {{url}} có trả lời nhưng không phải cổng quốc gia (hoặc cổng đang gặp sự cố). Hãy kiểm tra lại địa chỉ với cơ quan vận hành cổng; chưa có gì được lưu.',
    sync_operator_refused:
      'Cổng quốc gia không nhận mã của người vận hành. Hãy nhập lại đúng mã mà cơ quan vận hành cổng đã cấp (mã có thể đã được đổi); chưa có gì được lưu.',
    record_gone:
      'Bản ghi dân cư {{key}} đã bị xóa ở phía quốc gia nên không thể đề nghị sửa lại. Hãy rút đề nghị này.',
    correction_unneeded:
      'Bản ghi dân cư {{key}} hiện đã mang đúng các giá trị được đề nghị; không cần gửi lại. Hãy rút đề nghị này.',
    population_changed:
      'Hồ sơ dân cư {{key}} đã thay đổi sau khi đề nghị này được lập, nên đề nghị không được duyệt hay gửi đi (chữ ký sẽ xác nhận nội dung không còn đúng). Cán bộ xem lại cặp bản ghi (hai phiên bản được hiện cạnh nhau) rồi đề nghị lại trên hồ sơ mới, hoặc rút đề nghị.',
    backup_folder_missing:
      'Không có thư mục sao lưu "{{folder}}" (ổ USB chưa cắm, ổ mạng chưa kết nối, hoặc đường dẫn sai). Hãy cắm hoặc kết nối rồi thử lại, hoặc chọn thư mục khác.',
    backup_folder_not_writable:
      'Không ghi được vào thư mục sao lưu "{{folder}}" (thư mục chỉ đọc hoặc không có quyền ghi). Hãy chọn thư mục khác, hoặc gạt khóa chống ghi của USB.',
    backup_write_failed:
      'Không ghi xong bản sao lưu vào "{{folder}}": ổ đầy, hoặc USB/ổ mạng bị rút ra giữa chừng. Phần ghi dở đã được xóa; bản sao lưu tốt gần nhất vẫn nguyên: {{previous}}. Hãy giải phóng chỗ trống hoặc chọn thư mục khác rồi sao lưu lại.',
    backup_verify_failed:
      'Bản sao lưu vừa ghi không qua được bước kiểm tra (mở lại, kiểm tra toàn vẹn, chuỗi nhật ký, số bản ghi) nên đã bị bỏ; bản sao lưu tốt gần nhất vẫn nguyên: {{previous}}. Hãy sao lưu lại; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ (lệnh kiểm tra: doisoat db verify).',
    backup_required:
      'Trước khi thay đổi toàn bộ dữ liệu (nâng cấp, đổi khóa, khôi phục), ứng dụng phải sao lưu, nhưng không ghi được bản sao lưu vào "{{folder}}" (không có thư mục, không có quyền ghi, hoặc ổ đầy). Dữ liệu chưa bị thay đổi. Hãy giải phóng chỗ trống hoặc chọn thư mục sao lưu khác rồi thử lại.',
    backup_invalid:
      'Tệp "{{file}}" không phải một bản sao lưu dùng được: bị cắt cụt, bị hỏng, hoặc không do Đối soát tạo ra. Không có gì bị thay đổi; hãy chọn một bản sao lưu khác.',
    backup_wrong_key:
      'Khóa này không mở được bản sao lưu "{{file}}". Bản sao lưu được mã hóa bằng khóa dữ liệu của lúc sao lưu: hãy nhập khóa khôi phục của thời điểm đó (hoặc cụm mật khẩu lúc đó). Không có gì bị thay đổi.',
    restore_busy:
      'Đang có tác vụ chạy (nhập, đối soát, đồng bộ hoặc sao lưu). Hãy chờ tác vụ xong hoặc hủy nó, rồi khôi phục.',
    recovery_needed:
      'Máy này chưa mở được dữ liệu: khóa trong kho khóa của hệ điều hành bị mất (cài lại máy, máy mới) hoặc tệp khóa bị hỏng. Hãy nhập khóa khôi phục (8 nhóm ký tự đã chép ra giấy).',
    recovery_key_format:
      'Khóa khôi phục gồm 8 nhóm, mỗi nhóm 4 ký tự (chữ A–Z và số 2–7). Nhóm thứ {{group}} chưa đúng; hãy đối chiếu lại với tờ giấy.',
    recovery_key_wrong:
      'Khóa khôi phục không đúng với dữ liệu này. Không có gì bị thay đổi; hãy đối chiếu lại 8 nhóm ký tự trên giấy (khóa của lần đổi khóa gần nhất).',
    reset_not_allowed:
      'Không đặt lại được mật khẩu của "{{username}}" theo cách này: quản trị viên quên mật khẩu tự đặt lại bằng khóa khôi phục; mật khẩu của chính mình thì đổi trong Cài đặt.',
    conflict:
      'Thao tác này trùng hoặc mâu thuẫn với dữ liệu đã có (có thể ai đó vừa làm cùng việc). Hãy tải lại màn hình rồi thử lại; không có gì bị ghi dở.',
    db_busy_retry:
      'Cơ sở dữ liệu đang bận với một việc khác. Hãy đợi giây lát rồi thử lại; không có gì bị ghi dở.',
    storage_failed:
      'Không ghi được vào ổ đĩa (đầy, chỉ đọc hoặc bị lỗi). Hãy giải phóng dung lượng hoặc kiểm tra ổ đĩa rồi thử lại; thay đổi vừa rồi chưa được lưu.',
    bad_request:
      'Yêu cầu không hợp lệ (địa chỉ hoặc dữ liệu gửi lên bị hỏng). Hãy tải lại trang rồi thử lại.',
    internal:
      'Có lỗi bất ngờ, việc vừa rồi chưa xong. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho bộ phận hỗ trợ kèm mã sự cố {{incident}} (chi tiết đã được ghi vào nhật ký lỗi của ứng dụng).'
  },
  /**
   * On screen, errors whose catalog message carries a technical detail (a program's own words,
   * a system code): the same sentence without it. The CLI prints the full message.
   */
  /** A field the server refused, by its name in the call: what rule it breaks and what to do. */
  fieldErrors: {
    username:
      'Tên đăng nhập không đúng quy tắc: chỉ dùng chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, không có dấu cách, từ 2 đến 32 ký tự. Hãy sửa tên đăng nhập (ví dụ: hoa.nguyen).'
  },
  screenErrors: {
    validation:
      'Yêu cầu gửi lên không hợp lệ, nên không có gì được ghi. Hãy tải lại trang rồi thử lại; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ.',
    db_open_failed:
      'Không mở được cơ sở dữ liệu "{{path}}". Hãy kiểm tra tệp còn đó và không bị chương trình khác giữ, rồi mở lại ứng dụng.',
    file_unreadable:
      'Không đọc được tệp "{{path}}". Hãy kiểm tra tệp mở được bằng Excel hoặc Notepad, rồi chọn lại tệp.',
    key_file_invalid:
      'Tệp khóa "{{path}}" bị hỏng. Hãy chép lại tệp khóa từ bản sao lưu, hoặc mở cơ sở dữ liệu bằng khóa khôi phục.',
    package_invalid:
      'Tệp "{{file}}" không phải gói duyệt hợp lệ (có thể chọn nhầm tệp, hoặc tệp bị cắt cụt). Hãy chọn đúng tệp gói duyệt hoặc xin lại tệp từ người gửi.',
    package_tampered:
      'Gói duyệt "{{file}}" đã bị thay đổi sau khi ký. Không có gì được ghi; hãy xin lại tệp gốc từ người gửi.',
    pdf_unavailable:
      'Không tạo được tệp PDF vì máy này không chạy được trình duyệt Chromium. Hãy tải biên bản dạng Excel, hoặc nhờ quản trị viên cài Chromium.',
    write_failed:
      'Không ghi được tệp "{{path}}". Hãy thử lại hoặc chọn nơi lưu khác; tệp dở dang đã được xóa.'
  },
  import: {
    population: {
      title: 'So với hồ sơ dân cư đang có (theo mã hồ sơ)',
      new: 'Hồ sơ mới',
      changed: 'Hồ sơ thay đổi',
      unchanged: 'Không đổi',
      older: 'Cũ hơn bản đang có (giữ nguyên)',
      keptNote:
        'Nội dung cũ của hồ sơ thay đổi được giữ lại thành một phiên bản; liên kết, quyết định và đề xuất sửa trên các hồ sơ này sẽ quay lại hàng đợi Đối soát để xem lại.',
      record: 'Hồ sơ',
      recordLine: '{{key}} (dòng {{row}}, phiên bản {{from}} → {{to}})',
      before: 'Đang có',
      after: 'Trong tệp',
      sentBack:
        '{{flagged}} cặp đã quay lại hàng đợi Đối soát với dấu hiệu «Hồ sơ dân cư đã thay đổi»; {{takenBack}} đề nghị sửa chưa gửi đã được rút lại. Hãy xem lại chúng trên màn hình Đối soát.'
    },
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
    other: 'có giá trị cần kiểm tra lại trong tệp',
    bad_dob: 'ngày sinh không đọc được',
    bad_sex: 'giới tính không rõ',
    bad_id: 'số định danh không đủ 12 chữ số (hay 9 chữ số CMND): đã giữ làm mã số khác',
    id_inconsistent: 'số định danh không khớp giới tính hoặc năm sinh',
    bad_death_date: 'ngày mất không đọc được',
    bad_version: 'phiên bản không phải số',
    unknown_vital_status: 'tình trạng sống/mất không rõ',
    bad_event_date: 'ngày đăng ký/sự kiện không đọc được',
    address_old_naming: 'địa chỉ ghi theo đơn vị hành chính cũ (trước 2025), đã quy đổi',
    address_ambiguous: 'xã cũ đã chia cho nhiều xã mới: chưa xác định được xã',
    address_unresolved: 'không xác định được đơn vị hành chính của địa chỉ',
    formula_cell: 'ô chứa công thức (được giữ nguyên dạng chữ, không tính)',
    extra_cells: 'dòng có nhiều ô hơn tiêu đề (phần thừa giữ trong dữ liệu gốc)',
    no_name_kept:
      'thiếu họ tên: giữ lại vì có số định danh/mã số hoặc ngày sinh và địa chỉ, đối chiếu theo những trường đó'
  },
  review: {
    states: {
      open: 'Chưa xem xét',
      accepted: 'Đã chấp nhận liên kết',
      rejected: 'Đã bác bỏ liên kết',
      relinked: 'Đã liên kết với bản ghi khác',
      duplicate: 'Bản ghi trùng lặp',
      not_in_population: 'Không có trong CSDL dân cư',
      auto_accepted: 'Tự động chấp nhận (Chắc chắn)'
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
      conflict: 'Xung đột phiên bản',
      superseded: 'Đã thay bằng đề nghị mới',
      withdrawn: 'Đã rút',
      outdated: 'Hồ sơ dân cư đã thay đổi: cần đề nghị lại'
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
  /** The review workstation (features/match): queue, pair view, quick search, corrections, shortcuts. */
  matchRun: {
    noModel: 'Chưa đối soát lần nào.',
    modelLine:
      'Mô hình ước lượng lúc {{at}} trên {{batches}} lô · ngưỡng: chắc chắn ≥ {{certain}}, khả năng cao ≥ {{probable}}, có thể ≥ {{possible}}',
    explain: 'Xem mô hình',
    runFirst: 'Chạy đối soát',
    runAll: 'Đối soát lại toàn bộ…',
    runAllTitle: 'Đối soát lại toàn bộ?',
    runAllText:
      'Mô hình sẽ được ước lượng lại trên mọi bản ghi hộ tịch đã nhập ({{batches}} lô đã đối soát cùng các lô mới), rồi mọi bản ghi được so khớp lại. Quyết định của cán bộ được giữ nguyên; các liên kết tự động được tính lại.',
    runAllConfirm: 'Đối soát lại',
    runBatch: 'Đối soát lô này',
    fromImport:
      'Bước tiếp theo: so khớp {{rows}} bản ghi vừa nhập với CSDL dân cư, rồi xem xét trên màn hình Đối soát.',
    populationChanged:
      '{{n}} hồ sơ dân cư đã được thêm hoặc thay đổi từ lần đối soát toàn bộ trước. Các cặp đã quyết định trên hồ sơ thay đổi đã quay lại hàng đợi; để so khớp hồ sơ mới với mọi bản ghi hộ tịch, hãy bấm «Đối soát lại toàn bộ…».',
    waiting: 'Lô chưa đối soát ({{count}}):',
    batch: 'Lô {{id}}: {{name}}, {{rows}} bản ghi, nhập lúc {{at}}',
    done: 'Đã đối soát {{count}} bản ghi: {{grades}}.',
    gradeCount: '{{count}} {{grade}}',
    cancelled: 'Đã hủy lần đối soát; kết quả trước đó được giữ nguyên.',
    modelTitle: 'Mô hình đối soát',
    fitted:
      'Ước lượng lúc {{at}} (người chạy: {{by}}) trên {{count}} bản ghi hộ tịch, so với {{population}} bản ghi dân cư, gồm các lô:',
    thresholds:
      'Ngưỡng xếp mức của lần đối soát gần nhất: Chắc chắn từ {{certain}}, Khả năng cao từ {{probable}}, Có thể từ {{possible}}. Chỉ cặp Chắc chắn được tự động chấp nhận.',
    weightsHelp:
      'Mỗi mức so sánh cộng (số dương) hoặc trừ (số âm) điểm của một cặp, tính bằng bit; điểm ban đầu là {{prior}} bit. Tổng điểm cho ra xác suất là cùng một người.',
    levels: 'Trọng số theo mức so sánh (bit)'
  },
  queue: {
    readOnly:
      'Chỉ cán bộ đối soát mới ghi quyết định trên hàng đợi; bạn vẫn xem được cặp và đề xuất sửa.',
    title: 'Đối soát',
    queueTitle: 'Hàng đợi xem xét',
    total: '{{count}} bản ghi',
    noRun: 'Chưa đối soát lần nào. Hãy bấm «Chạy đối soát» ở trên: hàng đợi sẽ hiện ở đây.',
    split: 'Đường chia giữa hàng đợi và cặp bản ghi (kéo chuột, hoặc phím ← →)',
    hidden: 'Đang ẩn {{count}} cặp đã được tự động chấp nhận (Chắc chắn).',
    showHidden: 'Hiện các cặp này',
    decidedFor: 'Đã ghi «{{state}}» cho {{record}}.',
    act: {
      accept: 'Chấp nhận',
      reject: 'Bác bỏ',
      search: 'Liên kết khác',
      duplicate: 'Trùng lặp',
      notInPopulation: 'Không có trong CSDL',
      note: 'Ghi chú',
      correct: 'Đề xuất sửa',
      reopen: 'Mở lại',
      undo: 'Hoàn tác'
    },
    noneOpen: 'Không còn cặp nào chờ xem xét trong bộ lọc này.',
    undo: {
      button: 'Hoàn tác',
      hint: 'Nhấn U (hoặc Ctrl+Z) để hoàn tác.',
      nothing: 'Chưa có quyết định nào ghi trên màn hình này để hoàn tác.',
      done: 'Đã hoàn tác «{{action}}» cho {{record}}; cặp đã trở lại như trước.'
    },
    change: {
      title: 'Đổi quyết định đã có?',
      text: 'Cặp {{record}} đã có quyết định «{{from}}». Đổi thành «{{to}}»?',
      madeBy: 'Quyết định hiện tại do {{by}} ghi lúc {{at}}.',
      keep: 'Giữ «{{from}}»',
      confirm: 'Đổi thành «{{to}}»'
    },
    stateShort: {
      open: 'Chờ xem xét',
      accepted: 'Đã chấp nhận',
      rejected: 'Đã bác bỏ',
      relinked: 'Đã liên kết lại',
      duplicate: 'Trùng lặp',
      not_in_population: 'Không có trong CSDL',
      auto_accepted: 'Tự động chấp nhận'
    },
    filters: 'Bộ lọc hàng đợi',
    all: 'Tất cả',
    grade: 'Mức khớp',
    flag: 'Dấu hiệu',
    flagOnly: 'Chỉ có dấu hiệu này',
    state: 'Trạng thái xem xét',
    batch: 'Lô nhập',
    batchOption: 'Lô {{id}}: {{name}}',
    commune: 'Mã xã',
    communePlaceholder: 'vd. 00001',
    clearFilters: 'Bỏ lọc',
    grades: {
      certain: 'Chắc chắn',
      probable: 'Khả năng cao',
      possible: 'Có thể',
      none: 'Không khớp'
    },
    columns: {
      sourceKey: 'Mã hồ sơ',
      name: 'Họ tên (địa phương)',
      dob: 'Ngày sinh (địa phương)',
      populationName: 'Họ tên (CSDL dân cư)',
      populationDob: 'Ngày sinh (CSDL dân cư)',
      grade: 'Mức khớp',
      probability: 'Xác suất',
      flags: 'Dấu hiệu',
      state: 'Trạng thái',
      batch: 'Lô',
      commune: 'Mã xã'
    },
    gridLabel: 'Hàng đợi các cặp bản ghi cần xem xét',
    views: {
      label: 'Bộ lọc đã lưu',
      choose: '— Chọn bộ lọc đã lưu —',
      name: 'Tên bộ lọc',
      save: 'Lưu bộ lọc',
      saved: 'Đã lưu bộ lọc "{{name}}".',
      needName: 'Hãy đặt tên cho bộ lọc.'
    },
    bulk: {
      button: 'Chấp nhận hàng loạt…',
      counting: 'Đang đếm…',
      title: 'Chấp nhận hàng loạt',
      nothing: 'Không có liên kết nào đang chờ theo bộ lọc hiện tại.',
      confirm: 'Chấp nhận {{count}} liên kết',
      cancel: 'Hủy',
      done: 'Đã chấp nhận {{count}} liên kết.',
      hint: 'Chỉ các bản ghi chưa xem xét và có ứng viên mới được chấp nhận; quyết định đã có của cán bộ không bị thay đổi.'
    },
    pair: {
      title: 'Cặp bản ghi',
      empty:
        'Chọn một dòng trong hàng đợi (nhấp chuột, hoặc phím J/K rồi Enter) để xem cặp bản ghi.',
      loading: 'Đang tải cặp bản ghi…',
      field: 'Trường',
      local: 'Dữ liệu địa phương',
      national: 'CSDL dân cư',
      compare: 'So sánh',
      comparison: {
        same: 'Trùng khớp',
        diacritics: 'Chỉ khác dấu',
        different: 'Khác',
        missing: 'Thiếu một bên',
        writing: 'Viết tắt / cách viết khác'
      },
      diacriticMark: 'khác dấu',
      changedMark: 'khác',
      noPopulation: 'Không có bản ghi dân cư nào được ghép với bản ghi này.',
      flags: 'Dấu hiệu',
      noFlags: 'Không có dấu hiệu bất thường.',
      grade: 'Mức khớp: {{grade}}',
      probability: 'Xác suất: {{value}}',
      state: 'Trạng thái: {{state}}',
      position: 'Dòng {{index}} / {{total}}',
      candidates: 'Các ứng viên khác cho bản ghi này',
      noCandidates: 'Không có ứng viên nào khác.',
      rank: 'Hạng',
      linkThis: 'Liên kết với bản ghi này',
      history: 'Lịch sử quyết định',
      decided: '{{at}} — {{actor}}: {{action}}',
      undone: '{{at}} — {{actor}}: hoàn tác, trở lại «{{state}}»',
      bulk: 'hàng loạt',
      decisionSaved: 'Đã ghi: {{state}}.',
      noteSaved: 'Đã lưu ghi chú.',
      actions: 'Thao tác',
      nothingToAccept:
        'Bản ghi này chưa có bản ghi dân cư nào để chấp nhận. Hãy tìm và liên kết bằng tay (phím /), hoặc đánh dấu "không có trong CSDL dân cư" (phím N).',
      needPopulation:
        'Cặp này chưa có bản ghi dân cư để đề xuất chỉnh sửa. Hãy liên kết với một bản ghi trước.',
      noteLabel: 'Ghi chú cho bản ghi này',
      noteSave: 'Lưu ghi chú',
      cancel: 'Hủy'
    },
    populationChange: {
      title: 'Hồ sơ dân cư đã thay đổi',
      summary:
        'Hồ sơ dân cư {{key}} đã đổi từ phiên bản {{from}} sang phiên bản {{to}} lúc {{at}}, do {{cause}}. Liên kết, quyết định và đề xuất sửa trước đây được làm trên phiên bản {{from}}.',
      cause: {
        import: 'nhập tệp dân cư mới',
        sync: 'đồng bộ nhận về từ CSDL quốc gia'
      },
      before: 'Phiên bản {{version}} (lúc đã xem xét)',
      after: 'Hiện nay (phiên bản {{version}})',
      changed: 'Đã đổi',
      showUnchanged: 'Hiện cả {{count}} trường không đổi',
      hideUnchanged: 'Chỉ hiện các trường đã đổi',
      hint: 'Hãy quyết định lại: «Chấp nhận» ({{accept}}) để giữ liên kết với hồ sơ đã thay đổi, hoặc «Bác bỏ» ({{reject}}) / «Liên kết khác» ({{relink}}) nếu đây không còn là cùng một người.'
    },
    model: {
      title: 'Trọng số mô hình học được từ hai tệp này',
      intro:
        'Mỗi mức so sánh cộng hoặc trừ bấy nhiêu bit vào khả năng ban đầu ({{prior}} bit); mức của cặp đang xem được tô đậm.',
      unused: 'Số trường không có ở cả hai tệp (không tính điểm): {{count}}.',
      sameRecord:
        'Cùng người này được ghi ở {{count}} dòng khác của tệp, cùng liên kết với bản ghi dân cư này',
      sameRow: '{{key}} (dòng {{row}}): {{name}}, {{dob}} — xác suất {{probability}}'
    },
    waterfall: {
      title: 'Giải thích điểm khớp (trọng số từng trường)',
      prior: 'Khả năng ban đầu',
      total: 'Tổng',
      weight: '{{field}}: {{weight}} bit',
      result: 'Tổng trọng số {{total}} bit → xác suất {{probability}}',
      fields: {
        name: 'Họ tên',
        dob: 'Ngày sinh',
        sex: 'Giới tính',
        id: 'Số định danh',
        residence: 'Nơi thường trú',
        father: 'Họ tên cha',
        mother: 'Họ tên mẹ',
        hometown: 'Quê quán',
        other_id: 'Mã số khác'
      },
      levels: {
        exact: 'trùng khớp',
        tone: 'khác vị trí dấu thanh',
        folded: 'khác dấu',
        reordered: 'đảo thứ tự (họ và tên đổi chỗ...)',
        middle: 'thiếu hoặc thừa tên đệm',
        regional: 'biến thể vùng miền',
        typo: 'sai chính tả',
        similar: 'gần giống',
        different_given: 'cùng họ, khác tên',
        different: 'khác',
        swap: 'đảo ngày/tháng',
        one_digit: 'sai một chữ số',
        one_edit: 'sai hoặc đảo một ký tự',
        lunar: 'có thể là âm lịch',
        partial: 'trùng một phần',
        year_near: 'năm sinh gần',
        same: 'giống',
        cmnd_exact: 'trùng số CMND',
        same_hamlet: 'cùng thôn, xóm',
        same_commune: 'cùng xã',
        same_province: 'cùng tỉnh',
        missing: 'thiếu dữ liệu'
      },
      none: 'Không có giải thích cho bản ghi này (chưa có ứng viên).',
      noneButCandidates:
        'Không có ứng viên nào đủ gần để liên kết, nên không có điểm để giải thích. Các ứng viên tìm thấy được liệt kê bên dưới.'
    },
    search: {
      title: 'Tìm bản ghi dân cư để liên kết',
      label: 'Tìm trong CSDL dân cư',
      searching: 'Đang tìm…',
      noHits: 'Không tìm thấy bản ghi phù hợp.',
      results: 'Kết quả tìm kiếm',
      close: 'Đóng',
      linked: 'Đã liên kết với bản ghi {{key}}.',
      keys: '↑/↓ để chọn, Enter để liên kết, Esc để đóng'
    },
    correction: {
      title: 'Đề xuất chỉnh sửa',
      fields: 'Trường cần sửa',
      side: 'Bên ghi sai',
      value: 'Giá trị đúng',
      current: 'Hiện ghi: {{value}}',
      reason: 'Lý do',
      reasonText: 'Giải thích thêm',
      evidence: 'Căn cứ (vd. số đăng ký khai sinh và ngày đăng ký)',
      submit: 'Gửi đề xuất',
      cancel: 'Hủy',
      needField: 'Hãy chọn ít nhất một trường.',
      needReasonText: 'Lý do "khác" cần ghi rõ.',
      needReason: 'Hãy chọn lý do.',
      chooseReason: '— Chọn lý do —',
      ticked:
        'Đã đánh dấu sẵn các trường khác nhau thật sự (khác viết tắt như "P." và "Phường", khác vị trí dấu thanh như Hòa và Hoà, khác chữ hoa/thường hay dấu cách thì không tính).',
      fixMarked: 'Chưa gửi: hãy sửa các ô có thông báo màu đỏ.',
      sentTitle: 'Đã gửi đề xuất chỉnh sửa',
      sentFor: 'Đề xuất sửa hồ sơ của {{name}} ({{key}}), {{side}}:',
      sentForLocal: 'Đề xuất sửa bản ghi tại địa phương của {{name}} ({{key}}), {{side}}:',
      sentReason: 'Lý do: {{reason}}. Căn cứ: {{evidence}}.',
      waits:
        'Đề xuất đang chờ giám sát viên duyệt. Chưa có gì thay đổi trên CSDL dân cư cho đến khi đề xuất được duyệt và đồng bộ.',
      waitsLocal:
        'Đề xuất đang chờ giám sát viên duyệt. Chưa có gì thay đổi trong dữ liệu tại địa phương cho đến khi đề xuất được duyệt.',
      close: 'Đóng',
      sameValue: 'Giá trị mới trùng với giá trị đang ghi.',
      saved:
        'Đã gửi đề xuất chỉnh sửa {{count}} trường cho {{record}}; đang chờ giám sát viên duyệt.',
      noValue: 'không có'
    },
    corrections: {
      title: 'Đề xuất chỉnh sửa của cặp này',
      empty: 'Chưa có đề xuất nào cho cặp này.',
      total: '{{count}} đề xuất',
      when: 'Thời điểm',
      record: 'Bản ghi dân cư',
      change: 'Thay đổi',
      side: 'Bên sai',
      reason: 'Lý do',
      evidence: 'Căn cứ',
      state: 'Trạng thái',
      by: 'Người đề xuất'
    },
    shortcuts: {
      keyNames: { ArrowDown: 'Mũi tên xuống', ArrowUp: 'Mũi tên lên' },
      title: 'Phím tắt',
      button: 'Phím tắt (?)',
      close: 'Đóng',
      next: 'Cặp tiếp theo',
      prev: 'Cặp trước',
      open: 'Mở cặp đang chọn trong bảng',
      accept: 'Chấp nhận liên kết',
      reject: 'Bác bỏ liên kết',
      duplicate: 'Đánh dấu trùng lặp',
      notInPopulation: 'Đánh dấu không có trong CSDL dân cư',
      search: 'Tìm và liên kết với bản ghi khác',
      correct: 'Đề xuất chỉnh sửa',
      note: 'Ghi chú',
      reopen: 'Mở lại để xem xét',
      undo: 'Hoàn tác quyết định vừa ghi (U hoặc Ctrl+Z)',
      help: 'Hiện/ẩn danh sách phím tắt',
      escape: 'Đóng hộp thoại',
      typing: 'Phím tắt không có tác dụng khi đang gõ trong ô nhập.'
    }
  },
  rejected: {
    other: 'dòng không đọc được: hãy mở tệp, kiểm tra dòng này rồi sửa hoặc nhập lại',
    no_name: 'thiếu họ tên',
    bad_row: 'số cột không khớp tiêu đề',
    no_key: 'thiếu mã bản ghi',
    duplicate_key: 'mã bản ghi bị trùng trong cùng tệp',
    unbalanced_quotes:
      'dấu ngoặc kép (") mở mà không đóng nên dòng này không tách được thành cột (các dòng sau vẫn được đọc): hãy sửa dấu " trong tệp rồi nhập lại dòng này',
    totals_row: 'dòng tổng cộng, không phải một người',
    too_wide:
      'có dữ liệu ngoài 1.000 cột đầu (các ô đó được giữ trong dòng gốc): hãy xóa hoặc chuyển chúng rồi nhập lại',
    bad_cell:
      'một ô bị hỏng (trỏ tới chữ không có trong tệp, hoặc dài hơn Excel cho phép): hãy mở tệp bằng Excel, lưu lại rồi nhập lại'
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
    name_swapped: 'Họ và tên bị đảo chỗ (tên ghi vào cột họ hoặc ghi tên trước họ)',
    name_missing_part: 'Một bên thiếu họ hoặc thiếu tên',
    unmatched: 'Không tìm thấy trong dữ liệu dân cư',
    duplicate_in_source: 'Có thể trùng với một dòng khác trong cùng tệp',
    close_second: 'Có ứng viên thứ hai gần bằng',
    population_changed: 'Hồ sơ dân cư đã thay đổi'
  },
  // Sign-in, accounts, approval (Duyệt) and review packages.
  auth: {
    signInTitle: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    displayName: 'Họ và tên hiển thị',
    confirmPassword: 'Nhập lại mật khẩu',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    setupTitle: 'Thiết lập lần đầu: tạo tài khoản quản trị',
    setupBody:
      'Máy này chưa có tài khoản nào. Tạo tài khoản quản trị trước; quản trị viên sẽ tạo tài khoản cho cán bộ và giám sát viên. Sau đó có thể tạo xã mẫu để dùng thử.',
    createAdmin: 'Tạo tài khoản quản trị',
    mismatch: 'Hai lần nhập mật khẩu không giống nhau.',
    expired:
      'Phiên làm việc đã hết hạn sau {{minutes}} phút không thao tác. Nhập lại mật khẩu để tiếp tục; màn hình đang làm được giữ nguyên.',
    roles: { admin: 'Quản trị', clerk: 'Cán bộ', supervisor: 'Giám sát' }
  },
  approval: {
    state: 'Trạng thái',
    field: 'Trường',
    batch: 'Lô',
    any: 'Tất cả',
    local: 'Hồ sơ địa phương',
    population: 'CSDL dân cư',
    proposed: 'Giá trị đề nghị',
    proposedBy: 'Đề xuất bởi {{user}} lúc {{at}}',
    evidence: 'Căn cứ: {{evidence}}',
    approve: 'Duyệt…',
    reject: 'Từ chối…',
    rejectReason: 'Lý do từ chối',
    confirmReject: 'Xác nhận từ chối',
    ownProposal: 'Đề nghị do bạn lập: cần giám sát viên khác duyệt.',
    signedApproved: 'Đã duyệt và ký bởi {{user}} lúc {{at}} (khóa {{fingerprint}}…).',
    signedRejected: 'Đã từ chối bởi {{user}} lúc {{at}}: {{reason}}',
    bulkApprove: 'Duyệt tất cả theo bộ lọc…',
    bulkReject: 'Từ chối tất cả theo bộ lọc…',
    confirmTitle: 'Xác nhận thao tác hàng loạt',
    confirmBulkApprove:
      'Thao tác này sẽ duyệt và ký {{count}} đề nghị sửa theo bộ lọc hiện tại; mỗi đề nghị được ký và ghi nhật ký riêng, và chữ ký được gửi tới Cơ sở dữ liệu quốc gia ở lần đồng bộ tới.',
    confirmBulkReject: 'Thao tác này sẽ từ chối {{count}} đề nghị sửa theo bộ lọc hiện tại.',
    ownExcluded: 'Bỏ qua {{count}} đề nghị do chính bạn lập.',
    confirmYes: 'Đồng ý ({{count}})',
    cancel: 'Hủy',
    bulkApproved: 'Đã duyệt {{count}} đề nghị sửa.',
    bulkRejected: 'Đã từ chối {{count}} đề nghị sửa.',
    total: 'Số đề nghị: {{count}}',
    exportPackage: 'Xuất gói duyệt',
    importPackage: 'Nhập gói duyệt…',
    importDecisions: 'Nhập tệp quyết định…',
    exportDecisions: 'Xuất quyết định',
    exported: 'Đã xuất gói duyệt gồm {{count}} đề nghị sửa.',
    exportedDecisions: 'Đã xuất {{count}} quyết định đã ký.',
    imported: 'Đã nhập: áp dụng {{applied}}, bỏ qua {{skipped}}.',
    importedAgain: 'Tệp này đã được nhập trước đây: không thay đổi gì.',
    packagesTitle: 'Gói duyệt đã nhận',
    packageLine: 'Gói của {{signer}} ({{at}}): {{items}} đề nghị, đã quyết định {{decided}}.',
    batchAll: 'Tất cả các lô',
    batchOption: 'Lô {{id}}: {{file}}',
    side: 'Bên cần sửa: {{side}}',
    reasonLine: 'Lý do: {{reason}}',
    explanation: 'Giải thích của người đề xuất: {{text}}',
    noEvidence: 'Người đề xuất không nêu căn cứ.',
    change: '{{field}}: {{old}} → {{new}}',
    confirmApproveTitle: 'Duyệt và ký đề nghị sửa',
    confirmApproveLead: 'Bạn sắp duyệt và ký số đề nghị sửa bản ghi {{key}} ({{name}}):',
    confirmRejectTitle: 'Từ chối đề nghị sửa',
    confirmRejectLead: 'Bạn sắp từ chối đề nghị sửa bản ghi {{key}} ({{name}}):',
    signatureNote:
      'Chữ ký số của bạn (khóa {{fingerprint}}…) được gắn vào đúng các thay đổi trên và sẽ được gửi tới Cơ sở dữ liệu quốc gia ở lần đồng bộ tới; phía quốc gia dựa vào chữ ký này để sửa hồ sơ công dân.',
    rejectNote:
      'Đề nghị bị từ chối không được gửi đi. Người đề xuất sẽ thấy lý do bạn ghi dưới đây.',
    rejectReasonLabel: 'Lý do từ chối (bắt buộc)',
    approveYes: 'Duyệt và ký',
    rejectYes: 'Từ chối đề nghị',
    approved:
      'Đã duyệt và ký đề nghị sửa bản ghi {{key}} ({{name}}). Chữ ký sẽ được gửi tới Cơ sở dữ liệu quốc gia ở lần đồng bộ tới.',
    rejected: 'Đã từ chối đề nghị sửa bản ghi {{key}} ({{name}}); người đề xuất sẽ thấy lý do.',
    nothingToApprove: 'Không có đề nghị nào để duyệt theo bộ lọc hiện tại.',
    onlyOwn:
      'Theo bộ lọc hiện tại chỉ còn {{count}} đề nghị do chính bạn lập: cần một giám sát viên khác duyệt.'
  },
  settings: {
    meTitle: 'Tài khoản của bạn',
    myFingerprint: 'Dấu vân tay khóa ký:',
    passwordTitle: 'Đổi mật khẩu',
    oldPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    changePassword: 'Đổi mật khẩu',
    passwordChanged: 'Đã đổi mật khẩu. Khóa ký của bạn được mã hóa lại bằng mật khẩu mới.',
    usersTitle: 'Người dùng',
    role: 'Vai trò',
    fingerprint: 'Dấu vân tay',
    locked: 'đang bị khóa',
    disabled: 'đã vô hiệu hóa',
    disable: 'Vô hiệu hóa',
    enable: 'Kích hoạt',
    addUser: 'Thêm người dùng',
    trustTitle: 'Khóa tin cậy (máy khác)',
    trustBody:
      'Để nhận gói duyệt hoặc tệp quyết định từ máy khác, đăng ký dấu vân tay khóa của người gửi sau khi đối chiếu trực tiếp với họ (điện thoại, giấy).',
    addTrust: 'Đăng ký khóa'
  },
  teach: {
    intro:
      'Trả lời các cặp dưới đây giúp máy đối soát học nhanh nhất: cặp sát ngưỡng, kiểu khác biệt chưa gặp, hoặc cặp hai phiên bản mô hình chấm khác nhau. Sau vài chục câu trả lời, bấm "Học lại".',
    version: 'Phiên bản mô hình',
    versionName: 'Số {{id}} ({{origin}})',
    noVersion: 'Mô hình ước lượng lần đầu',
    origin: {
      fitted: 'ước lượng từ dữ liệu',
      learnt: 'học từ quyết định',
      imported: 'nhập từ tệp'
    },
    labels: 'Quyết định đã có',
    newLabels: '{{count}} mới từ lần học trước',
    expectedError: 'Số quyết định dự kiến sai',
    underOne: 'dưới 1',
    openPairs: 'cặp chưa xét',
    refit: 'Học lại từ các quyết định',
    running: 'Đang học lại và chấm lại các cặp chưa xét…',
    jobDone:
      'Đã chấm lại các cặp chưa xét bằng phiên bản số {{version}}. Các cặp đã quyết định giữ nguyên.',
    question: 'Câu hỏi {{n}}',
    reason: {
      threshold: 'sát ngưỡng',
      unseen: 'kiểu khác biệt chưa gặp',
      disagree: 'hai phiên bản chấm khác nhau',
      pattern: 'nhiều cặp cùng kiểu chưa xét, ít câu trả lời'
    },
    probability: 'Xác suất cùng người: {{p}}',
    otherProbability: 'phiên bản trước: {{p}}',
    loading: 'Đang tìm câu hỏi…',
    noQuestions: 'Không còn cặp nào cần hỏi.',
    register: 'Sổ hộ tịch',
    population: 'CSDL dân cư',
    fields: {
      name: 'Họ và tên',
      dob: 'Ngày sinh',
      sex: 'Giới tính',
      residence: 'Nơi thường trú',
      father: 'Họ tên cha',
      mother: 'Họ tên mẹ',
      key: 'Mã hồ sơ'
    },
    same: 'Cùng một người',
    other: 'Không phải người này',
    absent: 'Không có trong CSDL',
    skip: 'Bỏ qua',
    versions: 'Các phiên bản mô hình',
    errorChange: 'Sai dự kiến (trước → sau)',
    createdBy: 'Người tạo / ký',
    inUse: 'Đang dùng',
    useVersion: 'Dùng lại số {{id}}',
    similarOffer: {
      accept: 'Còn {{count}} cặp chưa xét giống hệt kiểu này (cùng mức khớp và dấu hiệu).',
      reject: 'Còn {{count}} cặp chưa xét giống hệt kiểu này (cùng mức khớp và dấu hiệu).'
    },
    similarApply: 'Làm như vậy cho {{count}} cặp tương tự',
    similarDone: {
      accept: 'Đã chấp nhận {{count}} cặp tương tự (ghi nhật ký một lần, liệt kê từng hồ sơ).',
      reject: 'Đã bác {{count}} cặp tương tự (ghi nhật ký một lần, liệt kê từng hồ sơ).'
    }
  },
  sync: {
    title: 'Đồng bộ với Cơ sở dữ liệu quốc gia',
    online: 'Đang kết nối được cổng quốc gia',
    offline: 'Không kết nối được cổng quốc gia (ngoại tuyến)',
    unknown: 'Chưa kiểm tra kết nối',
    notConfigured:
      'Chưa cấu hình đồng bộ. Quản trị viên nhập địa chỉ cổng và thông tin máy trạm bên dưới.',
    gateway: 'Cổng: {{url}} — xã {{commune}}',
    lastSync: 'Lần đồng bộ gần nhất: {{at}}',
    never: 'Chưa đồng bộ lần nào',
    lastError: 'Lỗi gần nhất: {{error}}',
    rematch: '{{count}} bản ghi dân cư đã thay đổi, cần đối soát lại.',
    runNow: 'Đồng bộ ngay',
    running: 'Đang đồng bộ…',
    waitingForKey:
      '{{count}} đề nghị đã duyệt chưa được gửi: cổng quốc gia chưa có khóa ký của giám sát viên đã duyệt. Hãy đăng ký khóa (Quản trị: Đồng bộ → khóa giám sát viên, hoặc gửi tệp khóa cho đơn vị vận hành); đề nghị sẽ tự được gửi sau đó.',
    done: 'Đã đồng bộ: gửi {{pushed}}, được chấp nhận {{accepted}}, xung đột {{conflicts}}, tạm giữ {{parked}}; nhận {{pulled}} bản ghi ({{changed}} thay đổi, {{deleted}} bị xóa).',
    offlineDone:
      'Không kết nối được cổng quốc gia: {{error}}. Hàng đợi được giữ lại và sẽ gửi khi có mạng.',
    counts: {
      title: 'Hàng đợi',
      pending: 'Chờ gửi',
      sent: 'Đang gửi',
      parked: 'Tạm giữ',
      conflict: 'Xung đột',
      done: 'Đã gửi xong',
      closed: 'Đã xử lý'
    },
    parkedTitle: 'Đề nghị sửa bị tạm giữ',
    parkedNone: 'Không có đề nghị nào bị tạm giữ.',
    conflictTitle: 'Đề nghị sửa bị xung đột (bản ghi quốc gia đã thay đổi)',
    conflictNone: 'Không có xung đột.',
    record: 'Bản ghi {{key}}',
    reason: 'Lý do: {{reason}}',
    field: 'Trường',
    ours: 'Đề nghị (phiên bản {{version}})',
    theirs: 'Quốc gia hiện nay (phiên bản {{version}})',
    approvedBy: 'Duyệt bởi {{user}}',
    problems: {
      unreachable: 'không liên lạc được với cổng quốc gia (hãy kiểm tra mạng và địa chỉ cổng)',
      timeout: 'cổng quốc gia không trả lời kịp',
      tls: 'chứng chỉ bảo mật của cổng không hợp lệ',
      bad_response: 'cổng trả lời không đúng giao thức (có thể sai địa chỉ cổng)',
      server_error: 'cổng quốc gia đang gặp sự cố',
      clock_skew: 'đồng hồ của máy lệch quá nhiều so với giờ chuẩn',
      unknown_workstation: 'cổng không nhận ra mã máy trạm',
      bad_request_signature: 'khóa bí mật của máy trạm không đúng',
      missing_signature: 'yêu cầu thiếu chữ ký của máy trạm',
      replayed_request: 'yêu cầu bị gửi lặp lại',
      other_area: 'cổng cấp máy trạm này cho một xã khác với mã xã đã cấu hình',
      other: 'cổng quốc gia từ chối máy trạm'
    },
    refusals: {
      bad_signature: 'Chữ ký phê duyệt không hợp lệ. Giám sát viên cần ký lại.',
      unknown_supervisor:
        'Cổng quốc gia chưa có khóa của giám sát viên đã duyệt. Nhờ cơ quan quản lý cổng đăng ký khóa, rồi ký lại.',
      self_approval: 'Người lập đề nghị đã tự duyệt. Cần một giám sát viên khác ký lại.',
      unknown_record: 'Cổng quốc gia không có bản ghi này. Hãy kiểm tra lại rồi rút đề nghị.',
      other_commune: 'Bản ghi thuộc xã khác, máy trạm này không được sửa. Hãy rút đề nghị.',
      invalid_value:
        'Cổng quốc gia không chấp nhận giá trị đề nghị. Hãy rút đề nghị và lập đề nghị mới với giá trị đúng.',
      idempotency_conflict:
        'Mã đề nghị đã được cổng nhận với nội dung khác. Hãy đề nghị lại (một mã mới sẽ được cấp).',
      validation: 'Đề nghị không đúng định dạng mà cổng quốc gia yêu cầu. Hãy đề nghị lại.',
      other: 'Cổng quốc gia từ chối đề nghị này. Hãy đề nghị lại hoặc rút đề nghị.'
    },
    actions: {
      resubmit: 'Đề nghị lại',
      resubmitHint:
        'Lập đề nghị mới theo bản ghi quốc gia hiện nay; đề nghị mới cần giám sát viên duyệt.',
      resign: 'Ký lại',
      withdraw: 'Rút đề nghị',
      withdrawYes: 'Rút đề nghị này',
      cancel: 'Hủy',
      confirmWithdraw: 'Rút đề nghị sửa bản ghi {{key}}? Đề nghị này sẽ không được gửi nữa.',
      resubmitted:
        'Đã lập đề nghị mới cho bản ghi {{key}} theo phiên bản {{version}}; đề nghị đang chờ giám sát viên duyệt.',
      resigned: 'Đã ký lại đề nghị sửa bản ghi {{key}}; đề nghị đang chờ gửi.',
      withdrawn: 'Đã rút đề nghị sửa bản ghi {{key}}.'
    },
    configure: {
      title: 'Cấu hình đồng bộ',
      url: 'Địa chỉ cổng quốc gia',
      workstationId: 'Mã máy trạm',
      secret: 'Khóa bí mật của máy trạm',
      commune: 'Mã xã',
      save: 'Lưu cấu hình',
      saved: 'Đã lưu cấu hình đồng bộ.'
    },
    status: {
      online: 'Kết nối được cổng quốc gia',
      offline:
        'Ngoại tuyến — {{problem}}. Các đề nghị đã duyệt vẫn nằm trong hàng đợi và sẽ được gửi khi có kết nối.',
      unknown: 'Đang kiểm tra kết nối tới cổng quốc gia…',
      gateway: 'Cổng {{url}} · xã {{commune}}',
      checkedAt: 'Kiểm tra lúc {{at}}'
    },
    check: {
      button: 'Kiểm tra kết nối',
      running: 'Đang kiểm tra…',
      title: 'Kết quả kiểm tra kết nối',
      reachable: 'Cổng quốc gia trả lời tại {{url}}.',
      unreachable: 'Ngoại tuyến — {{problem}}.',
      workstationOk: 'Cổng nhận ra máy trạm này ({{name}}).',
      workstationOkNoName: 'Cổng nhận ra máy trạm này.',
      workstationRefused:
        'Cổng không nhận máy trạm này: {{reason}}. Quản trị viên cần nạp lại tệp đăng ký hoặc đăng ký lại máy trạm (Thiết lập đồng bộ, bước 2).',
      supervisorOk: 'Khóa ký của giám sát viên {{name}} đã được cổng đăng ký.',
      supervisorMissing:
        'Khóa ký của giám sát viên {{name}} chưa được cổng đăng ký: cổng sẽ từ chối các đề nghị người này duyệt. Quản trị viên gửi tệp khóa cho cơ quan vận hành cổng, hoặc đăng ký bằng mã người vận hành (Thiết lập đồng bộ, bước 3).',
      supervisorUnknown: 'Chưa kiểm tra được khóa ký của giám sát viên {{name}}.',
      noSupervisors:
        'Máy này chưa có tài khoản giám sát viên nào: đề nghị sửa cần giám sát viên duyệt trước khi gửi.'
    },
    accepted: {
      title: 'Đề nghị sửa đã được chấp nhận',
      none: 'Chưa có đề nghị sửa nào được cổng quốc gia chấp nhận.',
      record: 'Bản ghi',
      person: 'Họ và tên',
      changes: 'Thay đổi',
      approvedBy: 'Người duyệt',
      at: 'Chấp nhận lúc',
      more: 'Đang hiện {{shown}} đề nghị mới nhất trong tổng số {{total}}.'
    },
    setup: {
      title: 'Thiết lập đồng bộ',
      intro:
        'Cơ quan vận hành cổng quốc gia cấp cho xã địa chỉ cổng và một tệp đăng ký máy trạm (hoặc một mã người vận hành để máy này tự đăng ký). Làm lần lượt các bước dưới đây.',
      step1: 'Bước 1. Địa chỉ cổng và mã xã',
      current: 'Máy trạm đã đăng ký:',
      step2: 'Bước 2. Đăng ký máy trạm',
      byFile: 'Có tệp đăng ký từ cơ quan vận hành cổng',
      chooseFile: 'Chọn tệp đăng ký…',
      paste: 'Hoặc dán nội dung tệp đăng ký',
      read: 'Đã đọc tệp đăng ký: máy trạm {{id}}, xã {{commune}}.',
      invalid:
        'Nội dung này không phải tệp đăng ký máy trạm: cần có mã máy trạm ("id"), khóa bí mật ("secret") và mã xã ("commune"). Hãy kiểm tra lại tệp cơ quan vận hành đã gửi.',
      unreadable: 'Không đọc được tệp đã chọn. Hãy chọn lại tệp đăng ký.',
      saveFile: 'Lưu đăng ký',
      byToken: 'Có mã người vận hành cổng',
      token: 'Mã người vận hành',
      tokenHint: 'Mã chỉ dùng cho lần đăng ký này, không được lưu trên máy.',
      name: 'Tên máy trạm (ví dụ: UBND xã Tà Hine, máy 1)',
      register: 'Đăng ký máy trạm với cổng',
      registered: 'Đã đăng ký máy trạm {{id}} cho xã {{commune}} và lưu cấu hình đồng bộ.',
      byHand: 'Nhập tay mã máy trạm và khóa bí mật',
      needUrl: 'Hãy nhập địa chỉ cổng quốc gia (bước 1).',
      needCommune: 'Hãy nhập mã xã (bước 1).',
      step3: 'Bước 3. Khóa ký của giám sát viên',
      keysIntro:
        'Cổng quốc gia chỉ nhận đề nghị sửa do giám sát viên đã đăng ký khóa ký duyệt. Gửi tệp khóa cho cơ quan vận hành cổng, hoặc đăng ký trực tiếp bằng mã người vận hành (nhập ở bước 2).',
      keysNone:
        'Máy này chưa có tài khoản giám sát viên nào. Tạo tài khoản trong Cài đặt → Người dùng, rồi quay lại bước này.',
      keysNeedConfig: 'Lưu đăng ký máy trạm (bước 2) trước khi đăng ký khóa với cổng.',
      download: 'Tải tệp khóa giám sát viên',
      keysText: 'Nội dung tệp khóa (để sao chép gửi đi)',
      registerKeys: 'Đăng ký khóa với cổng',
      keysRegistered: 'Đã đăng ký khóa ký của {{names}} với cổng quốc gia.',
      keyLine: '{{name}} ({{username}}), dấu vân tay {{fingerprint}}',
      step4:
        'Bước 4. Bấm "Kiểm tra kết nối" ở đầu màn hình: kết quả cho biết cổng đã nhận máy trạm này và khóa của từng giám sát viên chưa.'
    }
  },
  backup: {
    reason: {
      manual: 'Sao lưu theo yêu cầu',
      scheduled: 'Sao lưu định kỳ',
      rekey: 'Trước khi đổi khóa',
      migration: 'Trước khi nâng cấp dữ liệu',
      restore: 'Trước khi khôi phục'
    },
    retrust: {
      gateway:
        'Cổng quốc gia: nhờ cán bộ vận hành đăng ký khóa công khai mới của giám sát viên cho xã (khóa cũ vẫn được giữ để kiểm các phê duyệt đã ký trước đây).',
      clerk_machines:
        'Máy của cán bộ nhận gói quyết định của giám sát viên này: quản trị viên ở đó đăng ký dấu vân tay mới (Cài đặt → Khóa tin cậy).',
      supervisor_machines:
        'Máy của giám sát viên nhận gói đề nghị của cán bộ này: quản trị viên ở đó đăng ký dấu vân tay mới (Cài đặt → Khóa tin cậy).'
    },
    dialog: {
      folderTitle: 'Chọn thư mục sao lưu',
      fileTitle: 'Chọn bản sao lưu để khôi phục',
      filter: 'Bản sao lưu Đối soát',
      allFiles: 'Mọi tệp'
    },
    age: {
      now: 'vừa xong',
      minutes: '{{n}} phút trước',
      hours: '{{n}} giờ trước',
      days: '{{n}} ngày trước'
    },
    actorApp: 'Ứng dụng',
    actorCli: 'Dòng lệnh',
    noPrevious: '(chưa có bản nào)',
    previousKept: 'Bản sao lưu tốt gần nhất vẫn được giữ nguyên: {{file}}.',
    nothingKept: 'Chưa có bản sao lưu tốt nào: hãy sửa rồi sao lưu ngay.',
    failedUnknown:
      'Sao lưu không thành công vì một lỗi không mong muốn (chi tiết đã ghi vào nhật ký lỗi).',
    audit: {
      review: 'Quyết định đối soát',
      correction: 'Đề nghị sửa hoặc phê duyệt',
      import: 'Nhập tệp',
      upload: 'Nhập tệp',
      match: 'Chạy đối soát',
      reopen: 'Mở lại để đối soát',
      restore: 'Khôi phục',
      backup: 'Sao lưu',
      db: 'Quản lý dữ liệu (mã hóa, mở khóa, khôi phục)',
      auth: 'Đăng nhập hoặc mật khẩu',
      user: 'Quản lý người dùng',
      sync: 'Đồng bộ',
      package: 'Gói duyệt ngoại tuyến',
      trust: 'Khóa tin cậy',
      profile: 'Mẫu nhập tệp',
      other: 'Thao tác khác'
    },
    tables: {
      population_record: 'Bản ghi dân cư',
      source_record: 'Bản ghi sổ đăng ký',
      import_batch: 'Lần nhập tệp',
      link: 'Liên kết',
      review_decision: 'Quyết định đối soát',
      correction: 'Đề nghị sửa',
      approval: 'Phê duyệt',
      app_user: 'Tài khoản',
      audit_event: 'Sự kiện nhật ký'
    },
    card: { title: 'Sao lưu' },
    now: {
      run: 'Sao lưu ngay',
      follow: 'Đang sao lưu — xem tiến độ',
      done: 'Đã sao lưu và kiểm tra xong: {{file}} ({{size}}).'
    },
    status: {
      last: 'Bản sao lưu tốt gần nhất: {{at}} ({{age}}).',
      lastFile: '{{file}}, {{size}}, đã kiểm tra.',
      never:
        'Chưa có bản sao lưu nào. Nếu máy hỏng hoặc bị mất, mọi việc chưa đồng bộ sẽ mất theo.',
      unbacked:
        'Có {{count}} đề nghị sửa đã duyệt chưa được cổng quốc gia nhận và chưa nằm trong bản sao lưu nào. Hãy sao lưu ngay.',
      missing:
        'Không thấy tệp của bản sao lưu gần nhất trong "{{folder}}" (USB chưa cắm, hoặc tệp đã bị xóa). Hãy cắm USB, hoặc sao lưu lại.',
      failed: 'Lần sao lưu lúc {{at}} không thành công.',
      due: 'Đã đến lúc sao lưu định kỳ; ứng dụng sẽ tự sao lưu trong vài phút.',
      dueFirst: 'Ứng dụng sẽ tự tạo bản sao lưu đầu tiên trong vài phút.'
    },
    screen: {
      title: 'Sao lưu và khôi phục',
      state: 'Tình trạng sao lưu',
      folder: 'Thư mục sao lưu: {{folder}}.',
      folderDefault:
        'Thư mục sao lưu: {{folder}} (mặc định, nằm trên chính máy này: nên chọn USB hoặc ổ mạng).',
      schedule:
        'Tự động sao lưu mỗi {{hours}} giờ; giữ {{keep}} bản gần nhất và mỗi tuần một bản trong một tháng.',
      scheduleOff: 'Tự động sao lưu đang tắt; giữ {{keep}} bản gần nhất.',
      restoreTitle: 'Khôi phục từ tệp khác',
      restoreBody:
        'Một bản sao lưu ở thư mục khác (USB, ổ mạng) hoặc của máy khác. Bản sao lưu của máy khác mở bằng khóa khôi phục của nó.',
      restoreOther: 'Chọn bản sao lưu để khôi phục…'
    },
    path: {
      none: 'Chưa chọn',
      chooseFolder: 'Chọn thư mục…',
      chooseFile: 'Chọn tệp…',
      folderExample: 'Ví dụ: /media/usb/SaoLuu hoặc E:\\SaoLuu',
      fileExample: 'Ví dụ: /media/usb/SaoLuu/doisoat-xa-2026-12-07-163300.bak',
      webHint:
        'Đường dẫn trên chính máy đang chạy Đối soát (chế độ web chạy trên máy này). Có thể chép đường dẫn từ trình quản lý tệp rồi dán vào.'
    },
    settings: {
      title: 'Cài đặt sao lưu',
      folder: 'Thư mục sao lưu',
      defaultFolder:
        'Chưa chọn thư mục: các bản sao lưu đang nằm ở {{folder}}, cạnh dữ liệu. Nếu máy hỏng thì mất cả hai: hãy chọn USB hoặc ổ mạng.',
      keepLast: 'Giữ lại',
      keepHint: 'bản gần nhất (thêm mỗi tuần một bản trong một tháng)',
      enabled: 'Tự động sao lưu',
      every: 'mỗi',
      hours: 'giờ',
      save: 'Lưu cài đặt sao lưu',
      saved: 'Đã lưu cài đặt sao lưu.'
    },
    list: {
      title: 'Các bản sao lưu trong thư mục',
      empty: 'Thư mục chưa có bản sao lưu nào.',
      when: 'Thời điểm',
      file: 'Tệp',
      size: 'Dung lượng',
      checked: 'Kiểm tra',
      verified: 'Đã kiểm tra',
      folderMissing:
        'Thư mục sao lưu chưa có ở đây (USB chưa cắm?): danh sách hiện ra khi cắm vào.',
      notLogged: 'Của máy khác hoặc trước khi khôi phục',
      restore: 'Khôi phục…'
    },
    key: {
      label: 'Khóa khôi phục (8 nhóm, mỗi nhóm 4 ký tự, như trên tờ giấy)',
      group: 'Nhóm {{n}} của khóa khôi phục',
      hint: 'Gõ từng nhóm, hoặc dán cả khóa vào ô đầu. Chữ hoa hay thường, có gạch nối hay không đều được; số 0, 1, 8 được đọc là chữ O, I, B.',
      badChars:
        'Nhóm {{group}} có ký tự không có trong khóa khôi phục: {{chars}}. Khóa chỉ gồm chữ A–Z và số 2–7; hãy đối chiếu với tờ giấy.',
      tooLong: 'Nhóm {{group}} có hơn 4 ký tự; hãy đối chiếu với tờ giấy.',
      incomplete: 'Nhóm {{group}} chưa đủ 4 ký tự; hãy đối chiếu với tờ giấy.',
      progress: 'Đã nhập đủ {{done}}/8 nhóm.',
      complete: 'Đủ 8 nhóm. Khóa sẽ được kiểm tra với dữ liệu khi bấm nút bên dưới.',
      notComplete: 'Khóa khôi phục chưa đủ 8 nhóm, mỗi nhóm 4 ký tự.'
    },
    passphrase: {
      new: 'Cụm mật khẩu mới (ít nhất {{min}} ký tự)',
      again: 'Nhập lại cụm mật khẩu mới',
      short:
        'Cụm mật khẩu mới cần ít nhất {{min}} ký tự: chỉ nó bảo vệ dữ liệu khi máy bị lấy mất. Hãy chọn một câu dài hơn.',
      mismatch: 'Hai lần nhập cụm mật khẩu mới không giống nhau.'
    },
    restore: {
      title: 'Khôi phục bản sao lưu',
      newLaptopTitle: 'Khôi phục từ bản sao lưu',
      newLaptopBody:
        'Chọn bản sao lưu của máy cũ (tệp .bak, thường trên USB) và nhập khóa khôi phục đã chép ra giấy khi tạo dữ liệu. Tài khoản và mật khẩu sẽ là của bản sao lưu.',
      file: 'Bản sao lưu',
      openWith: 'Mở bản sao lưu bằng',
      with: {
        recovery: 'Khóa khôi phục',
        passphrase: 'Cụm mật khẩu của tệp khóa đi kèm'
      },
      currentKey: 'Bản sao lưu của máy này mở bằng khóa đang dùng.',
      otherKey: 'Bản sao lưu của máy khác, hoặc trước một lần đổi khóa? Nhập khóa khôi phục',
      sameKey: 'Dùng khóa đang dùng của máy này',
      passphrase: 'Cụm mật khẩu',
      passphraseOfFile:
        'Cụm mật khẩu đã đặt khi tạo bản sao lưu (chỉ dùng được khi tệp khóa .keys.json nằm cạnh bản sao lưu).',
      inspect: 'Xem nội dung bản sao lưu',
      opening: 'Đang mở và kiểm tra bản sao lưu…',
      cancel: 'Hủy',
      noFile: 'Hãy chọn bản sao lưu cần khôi phục.',
      noPassphrase: 'Hãy nhập cụm mật khẩu.',
      replaces:
        'Khôi phục sẽ thay toàn bộ dữ liệu đang dùng bằng dữ liệu lúc {{at}}. Những việc làm sau thời điểm đó không có trong bản sao lưu này.',
      replacesNew: 'Dữ liệu của bản sao lưu sẽ được đưa vào máy này.',
      keptAside:
        'Dữ liệu đang dùng không bị xóa: nó được sao lưu trước, rồi giữ nguyên bên cạnh với tên {{name}}.before-restore-(ngày giờ) trong thư mục {{folder}}.',
      keptAsideHere: 'Dữ liệu đang có trên máy này không bị xóa: nó được giữ nguyên bên cạnh.',
      signInAgain:
        'Sau khi khôi phục, mọi người phải đăng nhập lại: tài khoản và mật khẩu là của bản sao lưu.',
      passphraseHint:
        'Bản sao lưu dùng khóa khác với máy này: đặt cụm mật khẩu mới để những lần mở sau không cần khóa khôi phục.',
      confirm: 'Tôi đồng ý thay dữ liệu đang dùng bằng dữ liệu của bản sao lưu lúc {{at}}.',
      run: 'Khôi phục',
      running: 'Đang khôi phục: kiểm tra bản sao lưu, sao lưu dữ liệu đang dùng, rồi thay thế…',
      back: 'Quay lại',
      needPassphrase:
        'Bản sao lưu dùng khóa khác với máy này: hãy đặt cụm mật khẩu mới (ít nhất 10 ký tự) rồi khôi phục lại. Chưa có gì bị thay đổi.'
    },
    contents: {
      taken: 'Bản sao lưu lúc {{at}}',
      file: 'Tệp {{file}}, {{size}}; đã kiểm tra toàn vẹn và chuỗi nhật ký.',
      counts: 'Dữ liệu trong bản sao lưu',
      lastEvent: 'Việc cuối cùng được ghi',
      event: 'Sự kiện số {{id}} lúc {{at}}: {{what}} ({{who}}).',
      noEvent: 'Chưa có sự kiện nào.',
      unsent: 'Đề nghị sửa chưa được cổng quốc gia nhận: {{count}}',
      noneUnsent: 'Không có: mọi đề nghị sửa đã duyệt đều đã được cổng quốc gia nhận.',
      unsentNote:
        'Sau khi khôi phục, lần đồng bộ tới sẽ gửi lại; cổng quốc gia nhận ra đề nghị đã nhận nên không áp dụng hai lần.',
      pendingLine: 'Bản ghi dân cư {{key}} — {{state}}',
      more: 'và {{count}} đề nghị khác.'
    },
    done: {
      title: 'Đã khôi phục',
      body: 'Dữ liệu bây giờ là dữ liệu của bản sao lưu lúc {{at}}.',
      aside: 'Dữ liệu trước đó được giữ nguyên ở: {{path}}',
      preBackup: 'Bản sao lưu của dữ liệu trước đó: {{path}}',
      keyChanged:
        'Khóa khôi phục cần cất giữ từ nay là khóa của bản sao lưu (khóa vừa dùng để mở nó).',
      unsent: '{{count}} đề nghị sửa đã duyệt sẽ được gửi lại ở lần đồng bộ tới.',
      signIn: 'Đăng nhập lại'
    },
    firstRun: {
      title: 'Máy mới, đã có bản sao lưu?',
      body: 'Nếu máy cũ bị hỏng, bị mất hoặc được cài lại, hãy khôi phục dữ liệu từ bản sao lưu của nó bằng khóa khôi phục đã chép ra giấy, thay vì tạo tài khoản mới.',
      restore: 'Khôi phục từ bản sao lưu'
    },
    unlock: {
      title: 'Mở khóa dữ liệu',
      body: 'Máy này chưa mở được dữ liệu: khóa trong kho khóa của hệ điều hành bị mất (cài lại máy, đổi máy) hoặc tệp khóa bị hỏng. Dữ liệu không bị mất: hãy nhập khóa khôi phục (8 nhóm ký tự đã chép ra giấy), hoặc cụm mật khẩu nếu đã đặt.',
      bodyPassphrase:
        'Trên máy này, khóa dữ liệu được giữ bằng cụm mật khẩu (máy không có kho khóa an toàn của hệ điều hành). Hãy nhập cụm mật khẩu để mở; nếu quên, hoặc tệp khóa bị hỏng, dùng khóa khôi phục đã chép ra giấy.',
      with: { recovery: 'Khóa khôi phục', passphrase: 'Cụm mật khẩu' },
      passphrase: 'Cụm mật khẩu',
      newPassphraseHint:
        'Nếu tệp khóa bị hỏng hoặc quên cụm mật khẩu, đặt cụm mật khẩu mới để lần sau mở bằng nó. Để trống nếu vẫn dùng cụm mật khẩu cũ.',
      submit: 'Mở khóa',
      checking: 'Đang kiểm tra…',
      noPassphrase: 'Hãy nhập cụm mật khẩu.',
      wrongPassphrase:
        'Cụm mật khẩu không mở được dữ liệu. Không có gì bị thay đổi; hãy thử lại, hoặc dùng khóa khôi phục.',
      needNewPassphrase:
        'Không còn cụm mật khẩu nào giữ khóa này: hãy đặt cụm mật khẩu mới (hai ô bên dưới khóa) rồi bấm Mở khóa. Chưa có gì bị thay đổi.',
      nothingChanged: 'Một khóa sai không làm thay đổi gì; có thể thử lại bao nhiêu lần cũng được.'
    },
    forgot: {
      link: 'Quên mật khẩu?',
      title: 'Quên mật khẩu',
      others:
        'Cán bộ và giám sát viên: hãy nhờ quản trị viên đặt lại mật khẩu (Cài đặt → Người dùng).',
      admin:
        'Quản trị viên: nhập khóa khôi phục của dữ liệu (đã chép ra giấy) để đặt mật khẩu mới.',
      username: 'Tên đăng nhập của quản trị viên',
      submit: 'Đặt mật khẩu mới',
      back: 'Quay lại đăng nhập',
      doneTitle: 'Đã đặt mật khẩu mới',
      done: 'Mật khẩu của {{name}} đã được đặt lại. Hãy đăng nhập bằng mật khẩu mới.',
      signIn: 'Đăng nhập'
    },
    reset: {
      button: 'Đặt lại mật khẩu',
      title: 'Đặt lại mật khẩu cho {{name}}',
      body: 'Người dùng này sẽ có mật khẩu mới và một khóa ký mới (khóa cũ được bảo vệ bằng mật khẩu cũ). Các phê duyệt đã ký trước đây vẫn hợp lệ. Hãy báo mật khẩu mới trực tiếp cho họ.',
      submit: 'Đặt mật khẩu mới',
      cancel: 'Hủy',
      close: 'Xong',
      done: 'Đã đặt mật khẩu mới cho {{name}}; các phiên đăng nhập của họ đã kết thúc.'
    },
    newKey: {
      replaced: 'Khóa ký đã được thay bằng khóa mới.',
      fingerprint: 'Dấu vân tay khóa mới:',
      copy: 'Chép dấu vân tay',
      save: 'Lưu khóa công khai ra tệp',
      copied: 'Đã chép.',
      copyFailed: 'Không chép được; hãy bôi đen dấu vân tay rồi chép.',
      where: 'Cần đăng ký lại khóa công khai mới ở:',
      nowhere: 'Khóa cũ không được nơi nào khác tin cậy: không cần đăng ký lại.',
      oldStays:
        'Khóa cũ ({{fingerprint}}…) vẫn được giữ để kiểm các chữ ký trước đây; nó không ký được gì nữa.',
      fileTitle: 'Đối soát — khóa công khai mới',
      fileUser: 'Người dùng: {{name}} ({{username}}), vai trò: {{role}}',
      fileFingerprint: 'Dấu vân tay (SHA-256): {{fingerprint}}',
      filePublicKey: 'Khóa công khai (Ed25519, SPKI DER, base64):',
      fileOld: 'Khóa cũ, vẫn dùng để kiểm các chữ ký trước đây: {{fingerprint}}'
    }
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
    dataFolder:
      'Cơ sở dữ liệu: {{db}} (tệp khóa, bản sao lưu và tệp tải lên nằm trong thư mục {{folder}}).',
    stopNote:
      'Bấm Ctrl+C để dừng: các tệp đã tải lên được xóa, mọi phiên đăng nhập kết thúc; dữ liệu đã nhập vẫn nằm trong cơ sở dữ liệu.',
    noRenderer:
      'Chưa có bản dựng giao diện (out/renderer). Chạy "npm run build:web" trước, hoặc dùng "npm run start:web".',
    imported:
      'Đã nhập {{file}}: đọc {{read}} dòng, nhận {{accepted}}, từ chối {{rejected}} (lô số {{batchId}}).',
    importedPopulation:
      'Dữ liệu dân cư: {{new}} bản ghi mới, {{changed}} bản ghi thay đổi (phiên bản cũ được giữ lại), {{unchanged}} không đổi, {{older}} cũ hơn bản đang có (giữ nguyên). {{flagged}} cặp bản ghi trở lại hàng đợi xem xét (dấu hiệu "Hồ sơ dân cư đã thay đổi"), {{takenBack}} đề nghị chỉnh sửa chưa gửi được rút về.',
    sampleWritten: 'Đã ghi dữ liệu mẫu vào {{dir}}: {{files}}',
    sampleTooManyRegistry:
      'Số dòng sổ hộ tịch ({{registry}}) không được lớn hơn số người trong tệp dân cư ({{population}}). Hãy giảm --registry hoặc tăng --population.',
    sampleNegative: 'Giá trị của {{name}} không được âm, nhận được {{value}}.',
    migrated: 'Cơ sở dữ liệu {{path}} ở lược đồ phiên bản {{version}}.',
    matched:
      'Đã đối soát {{sources}} bản ghi nguồn với {{population}} bản ghi dân cư (lần chạy số {{runId}}): chắc chắn {{certain}}, khả năng cao {{probable}}, có thể {{possible}}, không khớp {{none}}.',
    linked: 'Đã ghi {{rows}} dòng vào {{file}}.',
    errorLogged: 'Chi tiết lỗi đã được ghi vào {{file}}.',
    unsettled:
      'Lệnh dừng lại mà chưa xong việc: kết quả có thể chưa được ghi. Hãy chạy lại lệnh; nếu lỗi lặp lại, chạy với DOISOAT_DEBUG=1 và gửi nội dung cho bộ phận hỗ trợ.',
    badThresholds:
      'Ngưỡng không hợp lệ: cần 0 ≤ có thể ≤ khả năng cao ≤ chắc chắn ≤ 1 (nhận được {{possible}}, {{probable}}, {{certain}}).',
    badMapping: 'Tệp ánh xạ {{file}} không hợp lệ: {{detail}}',
    progress: 'Đang nhập… {{percent}}%',
    // Users, trusted keys, review packages, approval checks.
    noPassword:
      'Chưa có mật khẩu: đặt biến môi trường {{env}} hoặc chạy lệnh trong một cửa sổ dòng lệnh để nhập.',
    passwordFor: 'Mật khẩu của {{user}}',
    newPasswordFor: 'Mật khẩu mới cho {{user}}',
    firstUserAdmin:
      'Cơ sở dữ liệu chưa có tài khoản nào: tài khoản đầu tiên phải là quản trị (--role admin).',
    needUser: 'Lệnh "doisoat {{command}}" cần tài khoản quản trị: thêm --user TÊN.',
    userAdded: 'Đã tạo tài khoản {{user}} ({{role}}).',
    userKey: 'Khóa công khai của {{user}} ({{role}}), dấu vân tay: {{fingerprint}}',
    trusted: 'Đã tin cậy khóa của {{user}} ({{role}}), dấu vân tay {{fingerprint}}.',
    packageWritten: 'Đã ghi {{file}}: {{count}} mục, gói số {{id}}.',
    packageImported: 'Đã nhập gói {{id}}: áp dụng {{applied}}, bỏ qua {{skipped}}.',
    packageAgain: 'Gói {{id}} đã được nhập trước đây: không thay đổi gì.',
    verifyWhat: 'Cần --db D --uuid U (phê duyệt đã lưu) hoặc --file F (tệp phê duyệt đã ký).',
    approvalValid:
      'HỢP LỆ: đề nghị sửa {{uuid}} được {{by}} duyệt lúc {{at}}; khóa {{fingerprint}}.',
    approvalInvalid: 'KHÔNG HỢP LỆ: đề nghị sửa {{uuid}} ({{problem}}).',
    approvalKeyUnchecked:
      'Chữ ký đúng với khóa trong tệp. Thêm --db để kiểm tra khóa này thuộc một giám sát viên đã biết.',
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
      dryRun: 'Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.',
      longCell: '(ô dài {{length}} ký tự, chỉ in phần đầu)',
      population:
        'So với dữ liệu dân cư đang có, theo mã bản ghi: {{new}} bản ghi mới, {{changed}} bản ghi thay đổi (phiên bản cũ được giữ lại), {{unchanged}} không đổi, {{older}} cũ hơn bản đang có (giữ nguyên bản đang có).',
      change: '  {{key}} (dòng {{row}}), phiên bản {{from}} → {{to}}:',
      changeField: '    {{field}}: {{before}} → {{after}}',
      moreChanges: '  … và {{count}} bản ghi thay đổi khác.'
    },
    crypto: {
      globalOptions:
        'Cơ sở dữ liệu được mã hóa: mọi lệnh nhận --passphrase-file TỆP hoặc --recovery-key-file TỆP (hoặc biến DOISOAT_PASSPHRASE, DOISOAT_RECOVERY_KEY); ở cửa sổ dòng lệnh, lệnh sẽ hỏi cụm mật khẩu.',
      recoveryTitle: 'KHÓA KHÔI PHỤC của {{path}} (chỉ hiện một lần):',
      recoveryNote:
        'Hãy chép khóa này ra giấy và cất nơi an toàn. Khi quên cụm mật khẩu hoặc mất khóa của hệ điều hành, chỉ khóa này mở được dữ liệu.',
      promptPassphrase: 'Cụm mật khẩu của cơ sở dữ liệu {{path}}: ',
      promptNew: 'Đặt cụm mật khẩu cho cơ sở dữ liệu mã hóa mới {{path}}: ',
      promptAgain: 'Nhập lại cụm mật khẩu: ',
      encrypted:
        'Đã mã hóa cơ sở dữ liệu {{path}} (SQLCipher 4, khóa 256 bit). Tệp khóa: {{keyFile}}.',
      rekeyBackup:
        'Bản sao lưu trước khi đổi khóa (mở bằng khóa khôi phục cũ hoặc cụm mật khẩu cũ): {{file}}',
      rekeyed: 'Đã đổi khóa dữ liệu của {{path}}. Khóa khôi phục cũ không còn dùng được.',
      passphraseChanged:
        'Đã đổi cụm mật khẩu của {{path}}. Khóa dữ liệu và khóa khôi phục giữ nguyên.'
    },
    audit: {
      ok: 'Chuỗi nhật ký kiểm toán nguyên vẹn: {{checked}} sự kiện, sự kiện cuối số {{lastId}}.',
      gap: ' — thiếu các số {{from}}–{{to}}',
      broken: 'Chuỗi nhật ký kiểm toán BỊ PHÁ tại sự kiện số {{id}}: {{what}}',
      checkedBefore: '{{checked}} sự kiện trước đó vẫn đúng.',
      hash_mismatch: 'nội dung của sự kiện không khớp với mã băm của nó (sự kiện đã bị sửa).',
      missing_row: 'sự kiện liền trước nó bị thiếu (đã bị xóa){{gap}}.',
      order: 'thứ tự bị đảo: sự kiện này phải đứng sau sự kiện số {{after}}.',
      bad_link: 'mã băm của sự kiện trước ghi trong sự kiện này không khớp.'
    },
    reportWritten: 'Đã ghi biên bản vào {{file}}.',
    reportScope: 'Cần đúng một trong hai tùy chọn --batch hoặc --commune.',
    reportFormat: 'Tệp kết quả phải có đuôi .pdf, .xlsx hoặc .html, nhận được "{{file}}".',
    gateway: {
      listening: 'Cổng quốc gia tham chiếu đang chạy: {{url}}',
      database: 'Cơ sở dữ liệu: {{where}}',
      adminToken:
        'Mã quản trị (cho /admin, chỉ hiện một lần; đặt GATEWAY_ADMIN_TOKEN để tự chọn): {{token}}',
      seeded:
        'Đã nạp {{file}}: đọc {{read}} dòng, thêm {{inserted}} bản ghi, đã có {{existing}}, từ chối {{rejected}}.'
    },
    backup: {
      made: 'Đã sao lưu {{db}} vào {{file}} ({{size}} byte); đã kiểm tra: mở lại, toàn vẹn, chuỗi nhật ký, số bản ghi.',
      keyFile: 'Tệp khóa đi kèm (khóa vẫn được bọc như cũ): {{file}}',
      noKeyFile: 'Không có tệp khóa đi kèm: bản sao lưu mở bằng khóa khôi phục.',
      counts:
        '  Dân cư {{population}}, bản ghi nguồn {{source}}, đề nghị sửa {{corrections}}, chưa được cổng quốc gia nhận {{unsynced}}, sự kiện nhật ký {{audit}}.',
      removed: 'Đã xóa {{count}} bản sao lưu cũ theo quy tắc giữ: {{files}}',
      contents:
        'Bản sao lưu {{file}}: chụp lúc {{at}}, lược đồ {{version}}, sự kiện nhật ký cuối số {{lastId}} ({{action}}, {{actor}}, {{lastAt}}).',
      restored: 'Đã khôi phục {{db}} từ {{file}}.',
      aside: 'Cơ sở dữ liệu trước đó được giữ nguyên ở {{path}} (không bị xóa).',
      preBackup: 'Bản sao lưu của cơ sở dữ liệu trước đó: {{file}}',
      noPreBackup:
        'Không sao lưu được cơ sở dữ liệu trước đó (không mở được); bản gốc vẫn được giữ như trên.',
      keyChanged:
        'Khóa dữ liệu bây giờ là khóa của lúc sao lưu: khóa khôi phục cần cất giữ là khóa của thời điểm đó.',
      pending:
        'Đề nghị sửa đã duyệt mà cổng quốc gia chưa nhận lúc sao lưu: {{count}}. Lần đồng bộ tới sẽ gửi lại; cổng nhận ra đề nghị đã nhận theo mã UUID nên không áp dụng hai lần.',
      verifyOk:
        'Cơ sở dữ liệu {{path}} nguyên vẹn: SQLite toàn vẹn, lược đồ {{version}} đúng như ứng dụng tạo, chuỗi nhật ký {{audit}} sự kiện đúng.',
      verifyBad: 'Cơ sở dữ liệu {{path}} CÓ LỖI:',
      integrity: '  Toàn vẹn SQLite: {{detail}}',
      schema: '  Lược đồ khác với lược đồ ứng dụng tạo ra: {{detail}}',
      schemaTooNew: '  Lược đồ {{version}} mới hơn phiên bản ứng dụng này.',
      auditBroken:
        '  Chuỗi nhật ký bị phá tại sự kiện số {{id}} (chạy "doisoat audit verify" để xem chi tiết).',
      table: '  {{table}}: {{count}}',
      resetDone:
        'Đã đặt mật khẩu mới cho {{user}} ({{role}}). Khóa ký mới, dấu vân tay {{fingerprint}}; khóa cũ {{old}} vẫn dùng để kiểm các chữ ký trước đây.',
      retrustTitle: 'Cần đăng ký lại khóa công khai mới ở:',
      noRetrust: 'Khóa của tài khoản này không được nơi nào khác tin cậy: không cần đăng ký lại.',
      resetWhich:
        'Cần --user QUẢN_TRỊ (quản trị viên đặt lại mật khẩu cho cán bộ hoặc giám sát viên), hoặc khóa khôi phục (--recovery-key-file TỆP) khi quản trị viên tự đặt lại mật khẩu của mình.'
    },
    help: {
      db_backup: {
        summary:
          'Sao lưu cơ sở dữ liệu (đang dùng cũng được) vào một thư mục: bản sao mã hóa bằng cùng khóa, kiểm tra xong mới đặt tên, giữ N bản gần nhất và mỗi tuần một bản trong một tháng.',
        db: 'Tệp cơ sở dữ liệu',
        out: 'Thư mục ghi bản sao lưu (USB, ổ mạng)',
        json: 'In kết quả dạng JSON'
      },
      db_restore: {
        summary:
          'Khôi phục cơ sở dữ liệu từ một bản sao lưu: kiểm tra bản sao lưu, giữ nguyên cơ sở dữ liệu hiện có ở bên cạnh (không xóa), rồi thay thế. Bản sao lưu mở bằng khóa hiện tại, khóa khôi phục (--recovery-key-file) hoặc cụm mật khẩu của tệp khóa đi kèm.',
        from: 'Tệp bản sao lưu (.bak)',
        db: 'Tệp cơ sở dữ liệu được khôi phục (có thể chưa có: máy mới)',
        'new-passphrase-file':
          'Tệp chứa cụm mật khẩu mới cho khóa của bản sao lưu (hoặc biến DOISOAT_NEW_PASSPHRASE)',
        json: 'In kết quả dạng JSON'
      },
      db_verify: {
        summary:
          'Kiểm tra một cơ sở dữ liệu hoặc một bản sao lưu: toàn vẹn SQLite, lược đồ, chuỗi nhật ký, số bản ghi (mã thoát 1 khi có lỗi).',
        db: 'Tệp cơ sở dữ liệu hoặc bản sao lưu',
        json: 'In kết quả dạng JSON'
      },
      'user_reset-password': {
        summary:
          'Đặt lại mật khẩu khi người dùng quên: quản trị viên (--user) cho cán bộ hoặc giám sát viên; hoặc quản trị viên tự đặt lại bằng khóa khôi phục. Khóa ký được thay mới; chữ ký cũ vẫn hợp lệ.',
        db: 'Tệp cơ sở dữ liệu',
        name: 'Tài khoản cần mật khẩu mới (mật khẩu mới từ DOISOAT_NEW_PASSWORD hoặc hỏi khi chạy)',
        user: 'Tài khoản quản trị thực hiện (bỏ trống khi tự đặt lại bằng khóa khôi phục)'
      },
      report: {
        summary:
          'Lập biên bản đối soát dữ liệu của một lô hoặc một xã, ghi ra PDF hoặc Excel (.xlsx).',
        db: 'Tệp cơ sở dữ liệu',
        batch: 'Số lô dữ liệu địa phương',
        commune: 'Mã xã (5 chữ số, theo đơn vị hành chính mới)',
        run: 'Lần đối soát (mặc định: lần gần nhất của phạm vi)',
        out: 'Tệp kết quả: .pdf, .xlsx hoặc .html'
      },
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
        db: 'Tệp cơ sở dữ liệu (mặc định: doisoat.db trong thư mục dữ liệu của người dùng, ví dụ ~/.local/share/doisoat, %APPDATA%\\doisoat)'
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
      audit_verify: {
        summary:
          'Kiểm tra chuỗi nhật ký kiểm toán: báo sự kiện đầu tiên bị sửa, bị xóa hoặc bị đảo thứ tự (mã thoát 1 khi chuỗi bị phá).',
        db: 'Tệp cơ sở dữ liệu',
        json: 'In kết quả dạng JSON'
      },
      db_encrypt: {
        summary:
          'Mã hóa một cơ sở dữ liệu chưa mã hóa (ghi bản mã hóa, fsync, rồi thay thế; lỗi giữa chừng không làm mất bản gốc). In khóa khôi phục một lần.',
        db: 'Tệp cơ sở dữ liệu'
      },
      db_rekey: {
        summary:
          'Đổi khóa dữ liệu (mã hóa lại toàn bộ tệp, in khóa khôi phục mới một lần), hoặc chỉ đổi cụm mật khẩu với --passphrase-only.',
        db: 'Tệp cơ sở dữ liệu',
        'new-passphrase-file':
          'Tệp chứa cụm mật khẩu mới (mặc định: giữ cụm cũ; hoặc biến DOISOAT_NEW_PASSPHRASE)',
        'passphrase-only': 'Chỉ đổi cụm mật khẩu, giữ khóa dữ liệu và khóa khôi phục'
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
      user_add: {
        summary:
          'Tạo tài khoản (admin, clerk = cán bộ, supervisor = giám sát). Mật khẩu mới lấy từ DOISOAT_NEW_PASSWORD hoặc hỏi khi chạy; tài khoản đầu tiên phải là admin.',
        db: 'Tệp cơ sở dữ liệu',
        name: 'Tên đăng nhập (a-z, số, . _ -)',
        role: 'Vai trò: admin, clerk, supervisor',
        display: 'Tên hiển thị',
        user: 'Tài khoản quản trị thực hiện (mật khẩu từ DOISOAT_PASSWORD hoặc hỏi khi chạy)'
      },
      user_list: {
        summary: 'Liệt kê tài khoản, vai trò và dấu vân tay khóa (chỉ quản trị).',
        db: 'Tệp cơ sở dữ liệu',
        user: 'Tài khoản quản trị thực hiện'
      },
      user_key: {
        summary: 'In khóa công khai và dấu vân tay của một tài khoản, để máy khác đăng ký tin cậy.',
        db: 'Tệp cơ sở dữ liệu',
        name: 'Tên đăng nhập'
      },
      trust_add: {
        summary:
          'Đăng ký khóa của một người ở máy khác (theo dấu vân tay đã đối chiếu trực tiếp), để nhận gói duyệt của họ.',
        db: 'Tệp cơ sở dữ liệu',
        user: 'Tài khoản quản trị thực hiện',
        name: 'Tên đăng nhập của người đó ở máy kia',
        role: 'Vai trò của họ: clerk hoặc supervisor',
        fingerprint: 'Dấu vân tay SHA-256 (64 chữ số hex, có thể có dấu cách)'
      },
      package_export: {
        summary:
          'Cán bộ: xuất mọi đề nghị sửa đang chờ duyệt ra một gói đã ký, để giám sát viên duyệt ở máy khác.',
        db: 'Tệp cơ sở dữ liệu',
        user: 'Cán bộ thực hiện (mật khẩu từ DOISOAT_PASSWORD hoặc hỏi khi chạy)',
        out: 'Tệp gói duyệt (.json) sẽ ghi'
      },
      package_import: {
        summary:
          'Nhập gói duyệt (giám sát viên) hoặc tệp quyết định (cán bộ); kiểm tra chữ ký, tính toàn vẹn và khóa tin cậy; nhập lại không thay đổi gì.',
        db: 'Tệp cơ sở dữ liệu',
        user: 'Người thực hiện',
        file: 'Tệp gói (.json)'
      },
      package_decisions: {
        summary: 'Giám sát viên: xuất các quyết định đã ký về một gói đã nhập, để gửi lại cán bộ.',
        db: 'Tệp cơ sở dữ liệu',
        user: 'Giám sát viên thực hiện',
        package: 'Mã gói duyệt đã nhập',
        out: 'Tệp quyết định (.json) sẽ ghi'
      },
      'verify-correction': {
        summary:
          'Kiểm tra chữ ký phê duyệt của một đề nghị sửa (trong cơ sở dữ liệu, hoặc tệp phê duyệt đã ký) bằng khóa công khai của giám sát viên.',
        db: 'Tệp cơ sở dữ liệu (kiểm tra cả khóa có thuộc giám sát viên đã biết)',
        uuid: 'Mã đề nghị sửa',
        file: 'Tệp phê duyệt đã ký (payload, signature, publicKey)',
        write: 'Ghi phê duyệt đã ký của --uuid ra tệp này'
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
        db: 'Giữ cơ sở dữ liệu ở tệp này (mặc định: cơ sở dữ liệu tạm, trong bộ nhớ nếu tệp đủ nhỏ, xóa sau khi xong)',
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
