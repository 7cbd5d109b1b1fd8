/**
 * Taiwan's 2026 (ROC year 115) public holidays and days off, as the Directorate-General of Personnel
 * Administration, Executive Yuan, published them in its government office calendar (see README.md for the
 * source). Facts only: each day, its kind and its official name. A holiday on a Saturday or Sunday is listed
 * too (its name is worth showing) with the weekday given off in its place as a `day_off`. The 2026 calendar
 * has no make-up working day on a weekend: the 2025 rules (政府機關配合紀念日與節日補假及調整放假處理要點)
 * dropped them. 120 days off in all: 104 Saturdays and Sundays and the 16 weekdays below.
 */
export type ReferenceCalendarDay = {
  day: string;
  kind: 'public_holiday' | 'day_off' | 'working_day';
  name: string;
};

export const TW_2026_SOURCE =
  '行政院人事行政總處 中華民國115年(西元2026年)政府行政機關辦公日曆表 (2025-06-13), https://www.dgpa.gov.tw/';

export const TW_2026: readonly ReferenceCalendarDay[] = [
  { day: '2026-01-01', kind: 'public_holiday', name: '中華民國開國紀念日' },
  { day: '2026-02-15', kind: 'public_holiday', name: '農曆除夕前一日' },
  { day: '2026-02-16', kind: 'public_holiday', name: '農曆除夕' },
  { day: '2026-02-17', kind: 'public_holiday', name: '春節(初一)' },
  { day: '2026-02-18', kind: 'public_holiday', name: '春節(初二)' },
  { day: '2026-02-19', kind: 'public_holiday', name: '春節(初三)' },
  { day: '2026-02-20', kind: 'day_off', name: '農曆除夕前一日補假' },
  { day: '2026-02-27', kind: 'day_off', name: '和平紀念日補假' },
  { day: '2026-02-28', kind: 'public_holiday', name: '和平紀念日' },
  { day: '2026-04-03', kind: 'day_off', name: '兒童節補假' },
  { day: '2026-04-04', kind: 'public_holiday', name: '兒童節' },
  { day: '2026-04-05', kind: 'public_holiday', name: '民族掃墓節(清明節)' },
  { day: '2026-04-06', kind: 'day_off', name: '民族掃墓節補假' },
  { day: '2026-05-01', kind: 'public_holiday', name: '勞動節' },
  { day: '2026-06-19', kind: 'public_holiday', name: '端午節' },
  { day: '2026-09-25', kind: 'public_holiday', name: '中秋節' },
  { day: '2026-09-28', kind: 'public_holiday', name: '孔子誕辰紀念日/教師節' },
  { day: '2026-10-09', kind: 'day_off', name: '國慶日補假' },
  { day: '2026-10-10', kind: 'public_holiday', name: '國慶日' },
  { day: '2026-10-25', kind: 'public_holiday', name: '臺灣光復暨金門古寧頭大捷紀念日' },
  { day: '2026-10-26', kind: 'day_off', name: '臺灣光復暨金門古寧頭大捷紀念日補假' },
  { day: '2026-12-25', kind: 'public_holiday', name: '行憲紀念日' },
];
