import { describe, expect, it } from "vitest";
import { euCountryCodes, type EuCountryCode } from "@/lib/billing/countries";
import { maxTaxIdLength, normalizeVat, validateVat, vatHint, vatRuleOf, vatShapeMessage } from "@/lib/billing/vat";

// Issue 8: VAT numbers checked for the official format of each member state (no VIES lookup), with
// or without their prefix, refused when they belong to another country than the billing address.

const numbers: Record<EuCountryCode, { valid: [typed: string, stored: string][]; invalid: string[] }> = {
  AT: { valid: [["ATU13585627", "ATU13585627"], ["u 1358 5627", "ATU13585627"]], invalid: ["ATU1358562", "AT13585627", "ATU135856270"] },
  BE: { valid: [["BE0428759497", "BE0428759497"], ["0428.759.497", "BE0428759497"], ["BE1234567890", "BE1234567890"]], invalid: ["BE428759497", "BE2428759497", "BE04287594970"] },
  BG: { valid: [["BG175074752", "BG175074752"], ["BG1750747521", "BG1750747521"]], invalid: ["BG17507475", "BG17507475211", "BG17507475A"] },
  CY: { valid: [["CY10259033P", "CY10259033P"], ["10259033p", "CY10259033P"]], invalid: ["CY10259033", "CY1025903P", "CY102590331"] },
  CZ: { valid: [["CZ25123891", "CZ25123891"], ["CZ2512389123", "CZ2512389123"]], invalid: ["CZ2512389", "CZ25123891234", "CZ2512389A"] },
  DE: { valid: [["DE136695976", "DE136695976"], ["136 695 976", "DE136695976"]], invalid: ["DE13669597", "DE1366959761", "DEA36695976"] },
  DK: { valid: [["DK13585628", "DK13585628"], ["13 58 56 28", "DK13585628"]], invalid: ["DK1358562", "DK135856281", "DK1358562X"] },
  EE: { valid: [["EE100247019", "EE100247019"]], invalid: ["EE10024701", "EE1002470190", "EE10024701X"] },
  ES: { valid: [["ESA28015865", "ESA28015865"], ["ESX1234567L", "ESX1234567L"], ["12345678z", "ES12345678Z"]], invalid: ["ESA2801586", "ESAB8015865", "ESA280158651"] },
  FI: { valid: [["FI20774740", "FI20774740"]], invalid: ["FI2077474", "FI207747401", "FIA0774740"] },
  FR: { valid: [["FR40303265045", "FR40303265045"], ["40 303 265 045", "FR40303265045"], ["FRAB123456789", "FRAB123456789"]], invalid: ["FRO0303265045", "FRI0303265045", "FR4030326504", "FR403032650451"] },
  GR: { valid: [["EL094014201", "EL094014201"], ["GR094014201", "EL094014201"], ["094.014.201", "EL094014201"]], invalid: ["EL09401420", "EL0940142011", "ELA94014201"] },
  HR: { valid: [["HR33392005961", "HR33392005961"]], invalid: ["HR3339200596", "HR333920059611", "HR3339200596X"] },
  HU: { valid: [["HU12892312", "HU12892312"]], invalid: ["HU1289231", "HU128923121", "HU1289231A"] },
  IE: { valid: [["IE6388047V", "IE6388047V"], ["IE1234567WA", "IE1234567WA"], ["8Z49289F", "IE8Z49289F"]], invalid: ["IE6388047", "IE638804V", "IE6388047Z", "IE1234567WZ"] },
  IT: { valid: [["IT00743110157", "IT00743110157"]], invalid: ["IT0074311015", "IT007431101571", "IT0074311015A"] },
  LT: { valid: [["LT119511515", "LT119511515"], ["LT100001919017", "LT100001919017"]], invalid: ["LT1195115150", "LT11951151", "LT1000019190171"] },
  LU: { valid: [["LU26375245", "LU26375245"]], invalid: ["LU2637524", "LU263752451", "LU2637524A"] },
  LV: { valid: [["LV40003521600", "LV40003521600"]], invalid: ["LV4000352160", "LV400035216001", "LV4000352160A"] },
  MT: { valid: [["MT11679112", "MT11679112"]], invalid: ["MT1167911", "MT116791121", "MT1167911A"] },
  NL: { valid: [["NL004495445B01", "NL004495445B01"], ["NL 0044.95.445.B.01", "NL004495445B01"], ["004495445b01", "NL004495445B01"]], invalid: ["NL004495445A01", "NL004495445B1", "NL04495445B01"] },
  PL: { valid: [["PL5261040828", "PL5261040828"], ["526-104-08-28", "PL5261040828"]], invalid: ["PL526104082", "PL52610408281", "PL526104082A"] },
  PT: { valid: [["PT501964843", "PT501964843"]], invalid: ["PT50196484", "PT5019648431", "PT50196484A"] },
  RO: { valid: [["RO18547290", "RO18547290"], ["RO12", "RO12"], ["RO1234567890", "RO1234567890"]], invalid: ["RO1", "RO12345678901", "RO0123", "RO1854729A"] },
  SE: { valid: [["SE556188840401", "SE556188840401"], ["556188-8404 01", "SE556188840401"]], invalid: ["SE556188840402", "SE5561888404", "SE5561888404011"] },
  SI: { valid: [["SI50223054", "SI50223054"]], invalid: ["SI5022305", "SI502230541", "SI5022305A"] },
  SK: { valid: [["SK2022749619", "SK2022749619"]], invalid: ["SK202274961", "SK20227496191", "SK202274961A"] },
};

describe("every member state", () => {
  it("has numbers to test, and the list has the 27", () => {
    expect(Object.keys(numbers).sort()).toEqual([...euCountryCodes].sort());
    expect(euCountryCodes).toHaveLength(27);
  });

  describe.each(euCountryCodes)("%s", (country) => {
    it("accepts its own example", () => {
      const { example } = vatRuleOf(country);
      expect(validateVat(country, example)).toStrictEqual({ ok: true, normalized: example });
    });

    it.each(numbers[country].valid)("accepts %s as %s", (typed, stored) => {
      expect(validateVat(country, typed)).toStrictEqual({ ok: true, normalized: stored });
    });

    it.each(numbers[country].invalid)("refuses %s, naming the expected shape", (typed) => {
      expect(validateVat(country, typed)).toStrictEqual({ ok: false, message: vatShapeMessage(country) });
    });

    it("describes its shape with its prefix and example", () => {
      const { prefix, example } = vatRuleOf(country);
      expect(vatShapeMessage(country)).toMatch(new RegExp(`^An? .+ VAT number is ${prefix} followed by .+, e\\.g\\. ${example}\\.$`));
      expect(vatHint(country)).toContain(`${prefix} followed by`);
    });
  });
});

describe("normalization", () => {
  it("upper-cases and drops spaces, dots and dashes", () => {
    expect(normalizeVat(" fr 40.303-265 045 ")).toBe("FR40303265045");
    expect(normalizeVat("nl\t0044–95\u00a0445b01")).toBe("NL004495445B01");
  });
});

describe("messages", () => {
  it("names the French format", () => {
    expect(validateVat("FR", "FR123")).toStrictEqual({
      ok: false,
      message: "A French VAT number is FR followed by 2 characters and 9 digits, e.g. FR40303265045.",
    });
  });

  it("uses “An” before a vowel", () => {
    expect(vatShapeMessage("IT")).toBe("An Italian VAT number is IT followed by 11 digits, e.g. IT00743110157.");
    expect(vatShapeMessage("GR")).toBe("A Greek VAT number is EL followed by 9 digits, e.g. EL094014201.");
  });

  it("hints the format in the EU, an optional tax ID elsewhere", () => {
    expect(vatHint("FR")).toContain("FR followed by 11 characters");
    expect(vatHint("GR")).toContain("EL followed by 9 digits");
    expect(vatHint("US")).toMatch(/^Optional/);
    expect(vatHint("")).toMatch(/^Optional/);
  });
});

describe("a number must belong to the billing country", () => {
  it("refuses a German number for a French address", () => {
    expect(validateVat("FR", "DE136695976")).toStrictEqual({
      ok: false,
      message: "This is a German VAT number, which does not match the billing country (France). Enter a French VAT number, or change the country to Germany.",
    });
  });

  it("refuses a Greek number (EL or GR) for a Cypriot address", () => {
    for (const typed of ["EL094014201", "GR094014201"]) {
      expect(validateVat("CY", typed)).toMatchObject({ ok: false, message: expect.stringContaining("This is a Greek VAT number") });
    }
  });

  it("refuses a French number for an Italian address", () => {
    expect(validateVat("IT", "FR40303265045")).toMatchObject({ ok: false, message: expect.stringMatching(/French VAT number.*\(Italy\)\. Enter an Italian VAT number/) });
  });

  it("refuses an EU number for an address outside the EU", () => {
    expect(validateVat("US", "DE136695976")).toStrictEqual({
      ok: false,
      message: "This is a German VAT number, which does not match the billing country (United States). Enter the company’s tax ID there, or change the country to Germany.",
    });
  });

  it("does not take Greece's GR for its own prefix anywhere else", () => {
    expect(validateVat("GR", "EL094014201")).toStrictEqual({ ok: true, normalized: "EL094014201" });
  });
});

describe("outside the EU: an optional tax ID", () => {
  it.each([
    ["US", "12-3456789", "123456789"],
    ["CH", "CHE-123.456.789 MWST", "CHE123456789MWST"],
    ["GB", "GB 123 4567 89", "GB123456789"],
    ["BR", "12.345.678/0001-90", "12345678/000190"],
    ["NO", "x".repeat(maxTaxIdLength), "X".repeat(maxTaxIdLength)],
  ])("%s keeps %s as %s", (country, typed, stored) => {
    expect(validateVat(country, typed)).toStrictEqual({ ok: true, normalized: stored });
  });

  it.each([
    ["too long", "1".repeat(maxTaxIdLength + 1)],
    ["other characters", "ABC#123"],
    ["only separators", " - . "],
  ])("refuses %s", (_label, typed) => {
    expect(validateVat("US", typed)).toStrictEqual({ ok: false, message: `A tax ID is at most ${maxTaxIdLength} letters, digits and slashes.` });
  });
});
