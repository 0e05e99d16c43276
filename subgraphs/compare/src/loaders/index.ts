export * from "./gazetteer.loaders.js";
export * from "./comparative.loaders.js";
