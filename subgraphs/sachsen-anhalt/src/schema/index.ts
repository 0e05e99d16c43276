export * from "./sachsen-anhalt.type.js";
export * from "./funding-statement.type.js";
export * from "./local-partnership-page.type.js";
export * from "./local-partnership-filter.input.js";
export * from "./police-partner.type.js";
export * from "./agreement-group.type.js";
