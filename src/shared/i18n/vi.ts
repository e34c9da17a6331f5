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
    batch_id: 'Lô nhập',
    row_number: 'Dòng'
  },
  values: {
    sex: { M: 'Nam', F: 'Nữ' },
    vital_status: { alive: 'Còn sống', deceased: 'Đã mất' },
    dob_precision: { day: 'ngày', month: 'tháng', year: 'năm' },
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
    cancel: 'Hủy',
    starting: 'Đang bắt đầu…',
    cancelled: 'Đã hủy tác vụ.',
    phase: {
      generate: 'Đang sinh dữ liệu mẫu',
      read: 'Đang đọc tệp',
      write: 'Đang ghi',
      population: 'Đang nhập dữ liệu dân cư',
      registry: 'Đang nhập sổ hộ tịch'
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
    missing_columns:
      'Tệp thiếu cột bắt buộc: {{columns}}. Hãy kiểm tra dòng tiêu đề (ví dụ "Họ và tên").',
    job_cancelled: 'Đã hủy. Không có dữ liệu nào được ghi.',
    job_not_found: 'Không tìm thấy tác vụ {{jobId}}.',
    duplicate_file:
      'Tệp này đã được nhập trước đó (lô số {{batchId}}, {{date}}). Nhập lại sẽ tạo bản ghi trùng.',
    internal: 'Lỗi không mong muốn: {{detail}}'
  },
  warnings: {
    bad_dob: 'ngày sinh không đọc được',
    bad_sex: 'giới tính không rõ',
    bad_id: 'số giấy tờ không đúng 12 hoặc 9 chữ số',
    id_inconsistent: 'số định danh không khớp giới tính hoặc năm sinh',
    bad_death_date: 'ngày mất không đọc được',
    bad_version: 'phiên bản không phải số',
    unknown_vital_status: 'tình trạng sống/mất không rõ'
  },
  rejected: {
    no_name: 'thiếu họ tên',
    bad_row: 'số cột không khớp tiêu đề',
    no_key: 'thiếu mã bản ghi',
    duplicate_key: 'mã bản ghi bị trùng trong cùng tệp'
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
        summary: 'Nhập một tệp CSV (dữ liệu dân cư hoặc sổ hộ tịch) vào cơ sở dữ liệu.',
        db: 'Tệp cơ sở dữ liệu (tạo mới nếu chưa có)',
        kind: 'Loại dữ liệu: population (CSDL dân cư) hoặc registry (sổ hộ tịch)',
        file: 'Tệp CSV cần nhập',
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
      }
    }
  }
}

/** The shape every language must follow (keys of the Vietnamese catalog, string leaves). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Messages = Shape<typeof vi>
