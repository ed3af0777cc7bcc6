import { z } from "zod";

/**
 * A point in time as the API sends it: ISO 8601 text in UTC. The server may hand it a `Date` (a database row) or
 * ISO text (already serialised); either way the reply carries text, so `z.output` is what a browser receives.
 */
export const isoDateTime = z.codec(z.union([z.date(), z.iso.datetime({ offset: true })]), z.iso.datetime(), {
  decode: (value) => new Date(value).toISOString(),
  encode: (text) => new Date(text),
});
