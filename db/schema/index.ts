export * from "./auth";
export * from "./demo";
export * from "./events";
export * from "./inbound";
export * from "./integrations";
export * from "./lms";
export * from "./sync";
