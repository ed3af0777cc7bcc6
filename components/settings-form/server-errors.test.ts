import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/query/fetch-json";
import { splitSaveError } from "./server-errors";

describe("splitSaveError", () => {
  it("puts a 400's details on the form's fields and keeps the rest for the form", () => {
    const error = new ApiRequestError(400, "bad_request", "Enter the username", [
      { path: "authConfig.username", message: "Enter the username" },
      { path: "endpointUrl", message: "The URL must start with https://." },
      { path: "mapping.0", message: "Unknown field user.emial" },
    ]);
    expect(splitSaveError(error)).toEqual({
      fields: [
        { path: "authConfig.username", message: "Enter the username" },
        { path: "endpointUrl", message: "The URL must start with https://." },
      ],
      general: ["mapping.0: Unknown field user.emial"],
    });
  });

  it("falls back to the server's message, or the error's, when there are no details", () => {
    expect(splitSaveError(new ApiRequestError(403, "forbidden", "This needs the admin role"))).toEqual({
      fields: [],
      general: ["This needs the admin role"],
    });
    expect(splitSaveError(new TypeError("Failed to fetch")).general).toEqual(["Failed to fetch"]);
  });
});
