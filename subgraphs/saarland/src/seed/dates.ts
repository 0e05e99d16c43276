/**
 * Partnerships whose signing day is unknown but whose month a source gives. The dataset keeps
 * that month only in the words of `signed_date_note` (its `signed_date` is null), so it is
 * written out here, keyed by record id, with the note beside it. A test checks every entry
 * against its note, and the seed refuses a month-precision record that has no entry.
 */
export const SIGNED_MONTH_FROM_NOTE: Readonly<Record<string, { year: number; month: number }>> = {
  // Neunkirchen: "January 2017 per Saarbrücker Zeitung; the exact day is not stated"
  "SL-P-01": { year: 2017, month: 1 },
};

/**
 * Partnerships whose day and month a source gives without the year (DAY_MONTH), in the same
 * form. No Saarland record is dated that way so far.
 */
export const SIGNED_DAY_MONTH_FROM_NOTE: Readonly<Record<string, { month: number; day: number }>> = {};
