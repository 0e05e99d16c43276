// Bearer-token authentication and authorisation.
export {};
