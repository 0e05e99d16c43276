// The write path: audit history, validation helpers, bulk import/export.
export {};
