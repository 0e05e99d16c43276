export * from "./municipality.resolver.js";
export * from "./municipality.reference.js";
export * from "./district.resolver.js";
export * from "./state.resolver.js";
export * from "./programme.resolver.js";
export * from "./participation.resolver.js";
export * from "./comparison.resolver.js";
export * from "./people.resolver.js";
