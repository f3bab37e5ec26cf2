// Every country of ISO 3166-1 alpha-2 (the 249 assigned codes), named in English by the platform
// (CLDR through Intl.DisplayNames). The code is what billing_details.country stores.

const codes = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
  BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
  CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
  MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
  PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
  TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const names = new Map(codes.map((code) => [code, regionNames.of(code) ?? code]));

export type Country = { code: string; name: string };

/** The select's options, sorted by name as an English reader expects (Åland next to Albania). */
export const countries: readonly Country[] = [...names]
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

export function isCountryCode(value: string): boolean {
  return names.has(value);
}

/** "France" for "FR"; the code itself for one this list does not know (an older stored value). */
export function countryName(code: string): string {
  return names.get(code) ?? code;
}

/** The 27 member states of the European Union, whose VAT numbers follow a per-country format. */
export const euCountryCodes = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
] as const;

export type EuCountryCode = (typeof euCountryCodes)[number];

export function isEuCountry(code: string): code is EuCountryCode {
  return (euCountryCodes as readonly string[]).includes(code);
}
