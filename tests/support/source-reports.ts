/**
 * Monthly reports as a provincial department would post them, in our own words: the figures of
 * a month the bundled data does not hold (2026), so that a watched source brings something new.
 */
export const AG_NOVEMBER_2026 = {
  title: 'Tình hình công nghiệp, thương mại tháng 11 năm 2026',
  paragraphs: [
    'Sở Công Thương tỉnh An Giang tổng hợp kết quả hoạt động của ngành trong tháng 11/2026.',
    'Trong tháng 11/2026, kim ngạch xuất khẩu hàng hóa trên địa bàn tỉnh ước đạt 96,4 triệu USD, tăng 3,1% so với tháng trước và tăng 11,8% so với cùng kỳ năm 2025.',
    'Lũy kế 11 tháng năm 2026, kim ngạch xuất khẩu ước đạt 1.020,5 triệu USD, tăng 9,6% so với cùng kỳ.',
  ],
};

/** The same month, corrected a week later: the export figure revised up. */
export const AG_NOVEMBER_2026_REVISED = {
  title: 'Tình hình công nghiệp, thương mại tháng 11 năm 2026 (cập nhật)',
  paragraphs: [
    'Sở Công Thương tỉnh An Giang cập nhật số liệu tháng 11/2026 sau khi có số chính thức.',
    'Kim ngạch xuất khẩu hàng hóa tháng 11/2026 đạt 97,2 triệu USD, tăng 4,0% so với tháng trước.',
  ],
};

export const HP_OCTOBER_2026 = {
  title: 'Thương mại nội địa tháng 10/2026',
  paragraphs: [
    'Tại thành phố Hải Phòng, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10/2026 ước đạt 14.250 tỷ đồng, tăng 1,9% so với tháng trước.',
  ],
};

/** A report that names no province: the admin says whose it is. */
export const NO_PLACE_SEPTEMBER_2026 = {
  title: 'Số liệu xuất khẩu tháng 9/2026',
  paragraphs: [
    'Kim ngạch xuất khẩu tháng 9/2026 ước đạt 88,7 triệu USD, tăng 2,4% so với tháng trước.',
  ],
};

/** A page with no figures at all. */
export const NOTICE = {
  title: 'Thông báo lịch tiếp công dân',
  paragraphs: ['Lãnh đạo Sở tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở cơ quan.'],
};
