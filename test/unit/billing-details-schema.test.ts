import { describe, expect, it } from "vitest";
import { billingDetailsSchema } from "@/lib/billing/details";

// The Billing page's details form as the server parses it: each field on its own, then the VAT
// number and postal code against the chosen country, both returned normalized.

const valid = {
  billingEmail: "Billing@Example.com ",
  companyName: " Acme SAS ",
  vatNumber: "fr 40 303 265 045",
  addressLine1: "12 rue de la Paix",
  addressLine2: "",
  city: "Paris",
  postalCode: "75002",
  country: "FR",
};

function errorsOf(input: Record<string, string>): Record<string, string> {
  const parsed = billingDetailsSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("a valid form", () => {
  it("is trimmed and normalized", () => {
    expect(billingDetailsSchema.parse(valid)).toStrictEqual({
      billingEmail: "billing@example.com",
      companyName: "Acme SAS",
      vatNumber: "FR40303265045",
      addressLine1: "12 rue de la Paix",
      addressLine2: "",
      city: "Paris",
      postalCode: "75002",
      country: "FR",
    });
  });

  it("stores no VAT number when the field is empty or missing", () => {
    expect(billingDetailsSchema.parse({ ...valid, vatNumber: "  " }).vatNumber).toBeNull();
    const { vatNumber: _omitted, addressLine2: _alsoOmitted, ...rest } = valid;
    expect(billingDetailsSchema.parse(rest)).toMatchObject({ vatNumber: null, addressLine2: "" });
  });

  it("accepts a country typed in lower case", () => {
    expect(billingDetailsSchema.parse({ ...valid, country: "fr" }).country).toBe("FR");
  });

  it("keeps a tax ID outside the EU", () => {
    expect(billingDetailsSchema.parse({ ...valid, country: "CH", postalCode: "8001", vatNumber: "CHE-123.456.789 MWST" })).toMatchObject({
      vatNumber: "CHE123456789MWST",
      postalCode: "8001",
    });
  });
});

describe("required fields", () => {
  it("names each missing field", () => {
    expect(errorsOf({})).toStrictEqual({
      billingEmail: "Enter the billing email.",
      companyName: "Enter the company name.",
      addressLine1: "Enter the address.",
      city: "Enter the city.",
      postalCode: "Enter the postal code.",
      country: "Choose the country.",
    });
  });

  it("treats blanks as missing", () => {
    expect(errorsOf({ ...valid, companyName: "   ", city: " " })).toStrictEqual({ companyName: "Enter the company name.", city: "Enter the city." });
  });
});

describe("each field's own rules", () => {
  it.each([
    ["billingEmail", "not-an-email", "Enter a valid email address, such as billing@example.com."],
    ["billingEmail", `${"a".repeat(250)}@example.com`, "The billing email must be at most 254 characters."],
    ["companyName", "x".repeat(121), "The company name must be at most 120 characters."],
    ["addressLine1", "x".repeat(201), "The address must be at most 200 characters."],
    ["addressLine2", "x".repeat(201), "The second address line must be at most 200 characters."],
    ["country", "XX", "Choose a country from the list."],
    ["country", "France", "Choose a country from the list."],
  ])("%s = %s", (field, typed, message) => {
    expect(errorsOf({ ...valid, [field]: typed })).toStrictEqual({ [field]: message });
  });

  it("accepts exactly 120 characters of company name", () => {
    expect(errorsOf({ ...valid, companyName: "x".repeat(120) })).toStrictEqual({});
  });
});

describe("the VAT number against the country", () => {
  it("reports a malformed number on vatNumber", () => {
    expect(errorsOf({ ...valid, vatNumber: "FR123" })).toStrictEqual({
      vatNumber: "A French VAT number is FR followed by 2 characters and 9 digits, e.g. FR40303265045.",
    });
  });

  it("refuses another member state's number", () => {
    expect(errorsOf({ ...valid, vatNumber: "DE136695976" }).vatNumber).toMatch(/^This is a German VAT number, which does not match the billing country \(France\)/);
  });

  it("says nothing about the VAT number while the country is wrong", () => {
    expect(errorsOf({ ...valid, country: "", vatNumber: "nonsense" })).toStrictEqual({ country: "Choose the country." });
  });

  it("shows every field's error at once", () => {
    expect(Object.keys(errorsOf({ ...valid, billingEmail: "nope", vatNumber: "FR1", postalCode: "1" })).sort()).toEqual(["billingEmail", "postalCode", "vatNumber"]);
  });
});

describe("postal codes", () => {
  it.each([
    ["FR", "75008", "75008"],
    ["DE", "10115", "10115"],
    ["US", "94103", "94103"],
    ["US", "94103-1234", "94103-1234"],
    ["GB", "sw1a1aa", "SW1A 1AA"],
    ["GB", "M1 1AE", "M1 1AE"],
    ["GB", "ec1a  1bb", "EC1A 1BB"],
    ["NL", "1012ab", "1012 AB"],
    ["NL", "1012 AB", "1012 AB"],
    ["JP", "100-0001", "100-0001"],
    ["IE", "D02 X285", "D02 X285"],
  ])("%s accepts %s as %s", (country, typed, stored) => {
    expect(billingDetailsSchema.parse({ ...valid, country, vatNumber: "", postalCode: typed }).postalCode).toBe(stored);
  });

  it.each([
    ["FR", "7500", "A French postal code is 5 digits, e.g. 75008."],
    ["DE", "1011A", "A German postal code is 5 digits, e.g. 10115."],
    ["US", "9410", "A ZIP code is 5 digits, or 5 digits, a dash and 4 digits, e.g. 94103 or 94103-1234."],
    ["US", "94103-12", "A ZIP code is 5 digits, or 5 digits, a dash and 4 digits, e.g. 94103 or 94103-1234."],
    ["GB", "12345", "A UK postcode looks like SW1A 1AA or M1 1AE."],
    ["NL", "1012", "A Dutch postal code is 4 digits and 2 letters, e.g. 1012 AB."],
    ["JP", "x".repeat(21), "The postal code must be at most 20 characters."],
  ])("%s refuses %s", (country, typed, message) => {
    expect(errorsOf({ ...valid, country, vatNumber: "", postalCode: typed })).toStrictEqual({ postalCode: message });
  });
});
