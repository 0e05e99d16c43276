/**
 * Column types that mean the same on SQLite and PostgreSQL. `double precision` rather than
 * `real`, because PostgreSQL reads `real` as a 4-byte float and would round large amounts.
 */
export const FLOAT_COLUMN = "double precision" as const;
