import { describe, expect, it } from "vitest";
import { countries, countryName, euCountryCodes, isCountryCode, isEuCountry } from "@/lib/billing/countries";

describe("the country list", () => {
  it("has every ISO 3166-1 alpha-2 code once", () => {
    const codes = countries.map((c) => c.code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("names only regions the platform knows", () => {
    const known = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    for (const { code } of countries) expect([code, known.of(code)]).toEqual([code, expect.any(String)]);
  });

  it("is sorted by name", () => {
    const names = countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names.slice(0, 3)).toEqual(["Afghanistan", "Åland Islands", "Albania"]);
  });

  it("answers isCountryCode and countryName", () => {
    expect(isCountryCode("FR")).toBe(true);
    expect(isCountryCode("fr")).toBe(false);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("toString")).toBe(false);
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("XX")).toBe("XX");
  });

  it("knows the 27 EU member states, all in the list", () => {
    expect(euCountryCodes).toHaveLength(27);
    for (const code of euCountryCodes) expect(isCountryCode(code)).toBe(true);
    expect(isEuCountry("GR")).toBe(true);
    expect(isEuCountry("GB")).toBe(false);
    expect(isEuCountry("CH")).toBe(false);
  });
});
