import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/actions/form-data";

describe("formDataToObject", () => {
  it("drops NUL and other control characters from every field, keeping tabs and line breaks", () => {
    const form = new FormData();
    form.set("name", "Ac\u0000me\u0001 Inc\u007f");
    form.set("emails", "a@example.com\r\nb@example.com\tc@example.com");
    form.set("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({ name: "Acme Inc", emails: "a@example.com\r\nb@example.com\tc@example.com" });
  });
});
