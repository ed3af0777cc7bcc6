import packageJson from "../../package.json" with { type: "json" };

/** Sent with every request so receivers can recognise (and allow-list) LMS Sync in their logs. */
export const USER_AGENT = `LMS-Sync/${packageJson.version}`;
