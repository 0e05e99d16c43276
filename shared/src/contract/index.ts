// The comparative contract (see ../../CONTRACT.md).
export {};
