/*
 * Dates that the dataset states only in words. For these records `signed_date` is null and the
 * known part of the date is in `signed_date_note`; the seed takes it from here, never from a
 * guess. tests/seed.test.ts checks each entry against its note and that no such record is left
 * out.
 */

/** Records with precision `month` whose month is named only in the note. */
export const SIGNED_MONTH_FROM_NOTE: Readonly<Record<string, { year: number; month: number }>> = {
  // Görlitz: "signed on a Wednesday in July 2020 in the town hall; … the exact day is not stated"
  "SN-P-001": { year: 2020, month: 7 },
};

/** Records with precision `day_month`: day and month are known, the year is not. */
export const SIGNED_DAY_MONTH_FROM_NOTE: Readonly<Record<string, { month: number; day: number }>> = {
  // Meerane: "source gives 25 April without a year; the ordinal … points to 2023, but the year is not stated"
  "SN-P-023": { month: 4, day: 25 },
};
