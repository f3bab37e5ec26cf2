export * from "./enums";
export * from "./auth";
export * from "./organizations";
export * from "./audit";
export * from "./invitations";
export * from "./clusters";
export * from "./projects";
export * from "./api-tokens";
