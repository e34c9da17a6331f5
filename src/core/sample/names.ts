// Name and ethnicity frequencies for synthetic people: family, middle and given names by sex and era.

export type Region = 'north' | 'central' | 'south'

type W = readonly (readonly [string, number])[]

/** Kinh family names, percent of people (Nguyễn ~38%, Trần 11%, Lê 9.5%...), region-neutral part. */
const FAMILY_COMMON: W = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Phan', 4.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Trương', 1.3],
  ['Dương', 1],
  ['Đinh', 0.8],
  ['Đào', 0.7],
  ['Đoàn', 0.6],
  ['Lý', 0.5],
  ['Cao', 0.5],
  ['Lâm', 0.5],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Trịnh', 0.5],
  ['Hà', 0.4],
  ['Phùng', 0.3],
  ['Tạ', 0.3],
  ['Tô', 0.3],
  ['Châu', 0.3],
  ['Lưu', 0.3],
  ['Thái', 0.2],
  ['Kiều', 0.2],
  ['Quách', 0.2],
  ['Vương', 0.2],
  ['Lại', 0.2],
  ['Chu', 0.2],
  ['Triệu', 0.2],
  ['Từ', 0.1],
  ['La', 0.1],
  ['Nghiêm', 0.1],
  ['Tăng', 0.1],
  ['Thân', 0.1],
  ['Tống', 0.1],
  ['Hứa', 0.1],
  ['Đàm', 0.1],
  ['Văn', 0.05],
  ['Khổng', 0.05],
  ['Mạc', 0.05],
  ['Âu', 0.05],
  ['Doãn', 0.05],
  ['Giáp', 0.05],
  ['Ông', 0.05],
  ['Quan', 0.05],
  ['Diệp', 0.05],
  ['Phí', 0.05],
  ['Bạch', 0.05],
  ['Ninh', 0.05],
  ['Khúc', 0.05],
  ['Hàn', 0.05],
  ['Lạc', 0.02],
  ['Ưng', 0.02],
  ['Yên', 0.02]
]

/** Hoàng/Huỳnh and Vũ/Võ: one name, two regional forms (north / centre / south weights). */
const FAMILY_REGIONAL: Record<Region, W> = {
  north: [
    ['Hoàng', 4.8],
    ['Huỳnh', 0.2],
    ['Vũ', 3.4],
    ['Võ', 0.5]
  ],
  central: [
    ['Hoàng', 2.5],
    ['Huỳnh', 2.5],
    ['Vũ', 1],
    ['Võ', 2.9]
  ],
  south: [
    ['Hoàng', 0.8],
    ['Huỳnh', 4.2],
    ['Vũ', 0.4],
    ['Võ', 3.5]
  ]
}

export function kinhFamilyNames(region: Region): W {
  return [...FAMILY_COMMON, ...FAMILY_REGIONAL[region]]
}

/** Pairs of regional forms of one family name (DESIGN §4): close, never equal. */
export const REGIONAL_VARIANTS: Readonly<Record<string, string>> = {
  Hoàng: 'Huỳnh',
  Huỳnh: 'Hoàng',
  Vũ: 'Võ',
  Võ: 'Vũ'
}

/** Middle names: [name, weight before ~1975, weight after ~1995]; between, a mix. */
type Era = readonly (readonly [string, number, number])[]

export const MIDDLE_MALE: Era = [
  ['Văn', 60, 15],
  ['Đình', 6, 2],
  ['Hữu', 6, 3],
  ['Xuân', 4, 1],
  ['Đức', 5, 7],
  ['Công', 4, 2],
  ['Quang', 4, 4],
  ['Minh', 4, 12],
  ['Ngọc', 3, 2],
  ['Thanh', 3, 3],
  ['Tiến', 2, 2],
  ['Trọng', 2, 2],
  ['Thế', 2, 1],
  ['Duy', 2, 3],
  ['Bá', 2, 0.5],
  ['Khắc', 1, 0.5],
  ['Viết', 1, 0.5],
  ['Như', 1, 0.5],
  ['Kim', 1, 0.3],
  ['Hồng', 1, 0.5],
  ['Tấn', 1, 1],
  ['Gia', 0.2, 8],
  ['Bảo', 0.2, 6],
  ['Quốc', 1, 6],
  ['Anh', 0.5, 4],
  ['Hoàng', 0.5, 4],
  ['Tuấn', 0.5, 3],
  ['Thành', 0.5, 3],
  ['Nhật', 0.3, 4],
  ['Đăng', 0.3, 4],
  ['Khánh', 0.3, 3],
  ['Trung', 1, 3],
  ['Hải', 1, 3],
  ['Phúc', 0.3, 2],
  ['Việt', 0.5, 2],
  ['Thiện', 0.3, 1],
  ['Hoài', 0.3, 1]
]

export const MIDDLE_FEMALE: Era = [
  ['Thị', 75, 25],
  ['Ngọc', 4, 10],
  ['Kim', 3, 3],
  ['Thu', 3, 4],
  ['Thanh', 3, 5],
  ['Hồng', 3, 2],
  ['Bích', 2, 1],
  ['Minh', 2, 5],
  ['Xuân', 2, 1],
  ['Diệu', 1, 2],
  ['Mỹ', 1, 2],
  ['Phương', 1, 4],
  ['Bảo', 0.2, 5],
  ['Khánh', 0.3, 5],
  ['Hoài', 0.5, 3],
  ['Thùy', 0.5, 4],
  ['Gia', 0.1, 4],
  ['Mai', 0.5, 3],
  ['Hà', 0.5, 2],
  ['Quỳnh', 0.3, 3],
  ['Thảo', 0.2, 2],
  ['Tường', 0.1, 1],
  ['Tuệ', 0.1, 1],
  ['Nhã', 0.1, 1],
  ['An', 0.1, 2],
  ['Cẩm', 0.5, 1],
  ['Như', 0.5, 2],
  ['Lan', 0.5, 1]
]

export const GIVEN_MALE: Era = [
  ['An', 2, 4],
  ['Anh', 6, 8],
  ['Bảo', 1, 4],
  ['Bình', 4, 2],
  ['Bách', 0.1, 2],
  ['Cường', 5, 2],
  ['Chiến', 3, 1],
  ['Công', 2, 1],
  ['Cảnh', 1, 0.5],
  ['Chính', 2, 0.5],
  ['Dũng', 6, 3],
  ['Duy', 2, 4],
  ['Dương', 1, 2],
  ['Doanh', 1, 0.5],
  ['Đạt', 3, 5],
  ['Đức', 5, 4],
  ['Định', 2, 0.5],
  ['Đông', 2, 1],
  ['Đăng', 0.5, 3],
  ['Đạo', 1, 0.2],
  ['Giang', 2, 2],
  ['Hải', 6, 4],
  ['Hào', 1, 2],
  ['Hiếu', 2, 4],
  ['Hiển', 1, 1],
  ['Hiệp', 2, 1],
  ['Hòa', 3, 1],
  ['Hoàng', 2, 3],
  ['Hoan', 1, 0.3],
  ['Huy', 3, 6],
  ['Hùng', 7, 3],
  ['Hưng', 4, 4],
  ['Hậu', 2, 1],
  ['Kha', 0.1, 1.5],
  ['Khang', 0.2, 4],
  ['Khải', 0.5, 2],
  ['Khánh', 1, 3],
  ['Khoa', 1, 4],
  ['Khôi', 0.3, 5],
  ['Kiên', 2, 2],
  ['Lâm', 2, 3],
  ['Lộc', 2, 3],
  ['Long', 5, 4],
  ['Lực', 1, 0.3],
  ['Luân', 1, 1],
  ['Lương', 1, 0.3],
  ['Mạnh', 4, 2],
  ['Minh', 6, 8],
  ['Nam', 5, 5],
  ['Nghĩa', 3, 2],
  ['Nguyên', 1, 3],
  ['Nhân', 2, 3],
  ['Nhật', 1, 3],
  ['Ninh', 1, 0.5],
  ['Phát', 0.5, 4],
  ['Phong', 3, 4],
  ['Phú', 2, 2],
  ['Phúc', 2, 5],
  ['Phước', 2, 1],
  ['Quang', 4, 3],
  ['Quân', 2, 5],
  ['Quốc', 1, 2],
  ['Quý', 2, 1],
  ['Quyết', 2, 0.5],
  ['Sơn', 6, 3],
  ['Sang', 1, 2],
  ['Sáng', 1, 0.3],
  ['Tài', 2, 3],
  ['Tâm', 2, 3],
  ['Tân', 2, 1],
  ['Thái', 2, 2],
  ['Thắng', 5, 2],
  ['Thành', 6, 4],
  ['Thanh', 4, 1],
  ['Thiện', 1, 3],
  ['Thịnh', 2, 3],
  ['Thọ', 2, 0.3],
  ['Thông', 2, 1],
  ['Thuận', 2, 1],
  ['Thủy', 1, 0.1],
  ['Tiến', 4, 2],
  ['Toàn', 3, 2],
  ['Trí', 1, 3],
  ['Trọng', 2, 1],
  ['Trung', 4, 3],
  ['Trường', 2, 3],
  ['Tú', 1, 2],
  ['Tuấn', 6, 5],
  ['Tùng', 3, 3],
  ['Tuyên', 1, 0.3],
  ['Tường', 1, 1],
  ['Uy', 0.5, 1],
  ['Vinh', 4, 2],
  ['Việt', 2, 3],
  ['Vũ', 1, 3],
  ['Vương', 1, 2],
  ['Xuân', 2, 0.5],
  ['Thạch', 1, 0.3],
  ['Lợi', 2, 0.5],
  ['Tuệ', 0.1, 1]
]

export const GIVEN_FEMALE: Era = [
  ['An', 1, 4],
  ['Anh', 3, 8],
  ['Ánh', 2, 2],
  ['Bích', 2, 0.5],
  ['Chi', 1, 5],
  ['Châu', 1, 3],
  ['Cúc', 2, 0.1],
  ['Diệp', 0.5, 2],
  ['Diệu', 0.5, 1],
  ['Diễm', 1, 1],
  ['Dung', 4, 1],
  ['Duyên', 2, 2],
  ['Dịu', 1, 0.2],
  ['Đào', 2, 0.3],
  ['Đan', 0.3, 2],
  ['Gấm', 1, 0.1],
  ['Giang', 2, 3],
  ['Hà', 4, 4],
  ['Hải', 1, 1],
  ['Hạnh', 4, 2],
  ['Hằng', 5, 2],
  ['Hân', 0.2, 6],
  ['Hiền', 4, 2],
  ['Hoa', 5, 1],
  ['Hòa', 2, 0.3],
  ['Hoài', 1, 1],
  ['Hồng', 4, 0.5],
  ['Huệ', 3, 0.5],
  ['Hương', 6, 3],
  ['Hường', 2, 0.3],
  ['Huyền', 4, 2],
  ['Khánh', 0.5, 3],
  ['Khuê', 0.2, 2],
  ['Kiều', 1, 0.5],
  ['Lan', 5, 2],
  ['Lành', 1, 0.1],
  ['Lệ', 2, 0.3],
  ['Liên', 3, 0.5],
  ['Liễu', 1, 0.2],
  ['Linh', 3, 6],
  ['Loan', 3, 0.5],
  ['Lụa', 1, 0.1],
  ['Lý', 1, 0.5],
  ['Mai', 5, 3],
  ['Mến', 1, 0.1],
  ['Minh', 1, 3],
  ['My', 1, 5],
  ['Mỹ', 1, 1],
  ['Mơ', 1, 0.1],
  ['Nga', 4, 1],
  ['Ngà', 1, 0.2],
  ['Ngân', 2, 4],
  ['Ngọc', 3, 4],
  ['Nguyệt', 2, 1],
  ['Nhàn', 2, 0.2],
  ['Nhã', 0.2, 2],
  ['Nhi', 1, 6],
  ['Nhiên', 0.1, 2],
  ['Nhung', 4, 1],
  ['Như', 1, 3],
  ['Oanh', 3, 1],
  ['Phượng', 3, 1],
  ['Phương', 4, 4],
  ['Quyên', 1, 2],
  ['Quỳnh', 2, 4],
  ['Sen', 2, 0.2],
  ['Tâm', 2, 3],
  ['Thảo', 3, 5],
  ['Thắm', 2, 0.2],
  ['Thanh', 3, 2],
  ['Thoa', 2, 0.2],
  ['Thơ', 1, 3],
  ['Thu', 4, 2],
  ['Thúy', 4, 1],
  ['Thủy', 4, 1],
  ['Thùy', 1, 2],
  ['Thư', 1, 5],
  ['Thương', 2, 2],
  ['Tiên', 1, 4],
  ['Trà', 0.5, 3],
  ['Trang', 4, 6],
  ['Trâm', 1, 3],
  ['Trinh', 2, 2],
  ['Trúc', 0.5, 3],
  ['Tuyết', 3, 1],
  ['Tươi', 1, 0.1],
  ['Uyên', 1, 4],
  ['Vân', 4, 3],
  ['Vi', 0.3, 2],
  ['Vy', 0.5, 6],
  ['Xuân', 3, 1],
  ['Xoan', 1, 0.1],
  ['Yến', 4, 2],
  ['Ý', 0.2, 2],
  ['Hậu', 1, 0.5],
  ['Nương', 1, 0.1],
  ['Na', 0.3, 2]
]

/** Given names of H'Mông people (a few common ones); other groups mostly use Kinh given names. */
export const GIVEN_HMONG_MALE = [
  'Páo',
  'Sính',
  'Chứ',
  'Dình',
  'Lử',
  'Pó',
  'Tủa',
  'Súa',
  'Chư',
  'Dế'
]
export const GIVEN_HMONG_FEMALE = [
  'Mỷ',
  'Dợ',
  'Pằng',
  'Sua',
  'Mai',
  'Chu',
  'Dở',
  'Xí',
  'Lìa',
  'Say'
]

export interface EthnicNames {
  family: W
  /** Middle name by sex; null: the Kinh middle names by era. */
  middleMale: W | null
  middleFemale: W | null
  givenMale?: readonly string[]
  givenFemale?: readonly string[]
}

/** Family names of the larger minority groups; the Kinh list serves the others. */
export const ETHNIC_NAMES: Readonly<Record<string, EthnicNames>> = {
  Tày: {
    family: [
      ['Hoàng', 5],
      ['Nông', 4],
      ['Lục', 2],
      ['Triệu', 2],
      ['Lương', 2],
      ['Hà', 2],
      ['Vi', 1],
      ['Đàm', 1],
      ['Nguyễn', 2],
      ['La', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Nùng: {
    family: [
      ['Hoàng', 4],
      ['Nông', 3],
      ['Lăng', 2],
      ['Vy', 2],
      ['Lương', 2],
      ['Triệu', 2],
      ['Lục', 1],
      ['Chu', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Thái: {
    family: [
      ['Lò', 4],
      ['Lường', 3],
      ['Quàng', 2],
      ['Cầm', 2],
      ['Vì', 2],
      ['Hà', 2],
      ['Lộc', 1],
      ['Điêu', 1],
      ['Tòng', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Mường: {
    family: [
      ['Bùi', 5],
      ['Đinh', 4],
      ['Quách', 2],
      ['Hà', 2],
      ['Xa', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  "H'Mông": {
    family: [
      ['Giàng', 4],
      ['Sùng', 3],
      ['Thào', 3],
      ['Vàng', 3],
      ['Lý', 2],
      ['Mùa', 2],
      ['Hầu', 1],
      ['Lầu', 1],
      ['Sình', 1],
      ['Hạng', 1]
    ],
    middleMale: [
      ['A', 6],
      ['Seo', 2],
      ['Văn', 2]
    ],
    middleFemale: [
      ['Thị', 8],
      ['Mí', 2]
    ],
    givenMale: GIVEN_HMONG_MALE,
    givenFemale: GIVEN_HMONG_FEMALE
  },
  Dao: {
    family: [
      ['Triệu', 4],
      ['Bàn', 3],
      ['Đặng', 3],
      ['Lý', 2],
      ['Chảo', 1],
      ['Phùng', 1],
      ['Tẩn', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Khmer: {
    family: [
      ['Thạch', 5],
      ['Danh', 4],
      ['Sơn', 3],
      ['Kim', 2],
      ['Lâm', 2],
      ['Chau', 1],
      ['Lý', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Hoa: {
    family: [
      ['Lý', 3],
      ['Trần', 3],
      ['Lâm', 3],
      ['Quách', 2],
      ['Châu', 2],
      ['Mã', 1],
      ['Hứa', 1],
      ['Tăng', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  'Gia Rai': {
    family: [
      ['Ksor', 4],
      ['Rơ Mah', 3],
      ['Siu', 3],
      ['Rơ Châm', 2],
      ['Nay', 2],
      ['Kpă', 2],
      ['Puih', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  'Ê Đê': {
    family: [
      ['Niê', 4],
      ['Mlô', 2],
      ['Êban', 2],
      ['Byă', 1],
      ['Ktla', 1],
      ['Adrơng', 1]
    ],
    middleMale: null,
    middleFemale: null
  },
  Chăm: {
    family: [
      ['Đàng', 3],
      ['Đạo', 2],
      ['Thập', 2],
      ['Lưu', 1],
      ['Quảng', 1]
    ],
    middleMale: null,
    middleFemale: null
  }
}

/** Ethnic make-up of an area, by new (post-2025) province code; Kinh is the rest. */
const MOUNTAIN_NORTH: W = [
  ['Kinh', 40],
  ['Tày', 18],
  ['Thái', 12],
  ['Nùng', 10],
  ["H'Mông", 12],
  ['Dao', 6],
  ['Mường', 2]
]
const GIA_LAI: W = [
  ['Kinh', 58],
  ['Gia Rai', 24],
  ['Ba Na', 12],
  ['Xơ Đăng', 2],
  ['Tày', 2],
  ['Nùng', 2]
]
const DAK_LAK: W = [
  ['Kinh', 68],
  ['Ê Đê', 16],
  ['Gia Rai', 3],
  ["M'Nông", 4],
  ['Tày', 3],
  ['Nùng', 3],
  ['Dao', 1],
  ["H'Mông", 2]
]
const LAM_DONG: W = [
  ['Kinh', 80],
  ['Cơ Ho', 8],
  ["M'Nông", 3],
  ['Mạ', 2],
  ['Chu Ru', 1],
  ['Tày', 2],
  ['Nùng', 2],
  ['Chăm', 1],
  ['Raglai', 1]
]
const MEKONG: W = [
  ['Kinh', 88],
  ['Khmer', 10],
  ['Hoa', 2]
]
const MIDLANDS: W = [
  ['Kinh', 85],
  ['Mường', 9],
  ['Thái', 5],
  ["H'Mông", 1]
]
const SOUTH_CITY: W = [
  ['Kinh', 93],
  ['Hoa', 5],
  ['Khmer', 1],
  ['Chăm', 0.5],
  ['Nùng', 0.5]
]
const DEFAULT_MIX: W = [
  ['Kinh', 97],
  ['Tày', 0.5],
  ['Mường', 0.5],
  ['Hoa', 0.5],
  ['Khmer', 0.5],
  ['Thái', 0.5],
  ['Chăm', 0.3],
  ['Sán Dìu', 0.2]
]

export function ethnicMix(newProvinceCode: string): W {
  if (['04', '08', '11', '12', '14', '15', '19', '20'].includes(newProvinceCode))
    return MOUNTAIN_NORTH
  if (newProvinceCode === '52') return GIA_LAI
  if (newProvinceCode === '66') return DAK_LAK
  if (newProvinceCode === '68') return LAM_DONG
  if (['86', '91', '92', '96'].includes(newProvinceCode)) return MEKONG
  if (['25', '37', '38', '40'].includes(newProvinceCode)) return MIDLANDS
  if (['75', '79'].includes(newProvinceCode)) return SOUTH_CITY
  return DEFAULT_MIX
}

/** Region of a new province code, for Hoàng/Huỳnh, Vũ/Võ and hamlet words (thôn / ấp). */
export function regionOf(newProvinceCode: string): Region {
  const n = Number(newProvinceCode)
  if (n <= 37) return 'north'
  if (n <= 68) return 'central'
  return 'south'
}
