// Bearer-token authentication and authorisation.
export * from "./config.js";
export * from "./authenticator.js";
export * from "./authorize.js";
export * from "./tokens.js";
export * from "./token-cli.js";
