import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challengeName, checkTxtRecord, newVerificationToken } from "@/lib/domains/txt-record";
import { type FakeDns, startFakeDns } from "@/scripts/lib/fake-dns";

// The TXT record check, through Node's resolver, against a real DNS server on loopback (UDP)
// that the test fills: no mock of the resolver.

let dns: FakeDns;
beforeAll(async () => {
  dns = await startFakeDns();
});
afterAll(() => dns.close());

describe("the TXT record check", () => {
  it("names the record under the domain, with a fresh value each time", () => {
    expect(challengeName("acme.com")).toBe("_org-console-challenge.acme.com");
    const token = newVerificationToken();
    expect(token).toMatch(/^org-console-verification=[A-Za-z0-9_-]{24}$/);
    expect(newVerificationToken()).not.toBe(token);
  });

  it("passes when one of the name's TXT records is the token, whatever the case of the name", async () => {
    const token = newVerificationToken();
    dns.setTxt("_org-console-challenge.pass.test", ["v=spf1 -all", token]);
    expect(await checkTxtRecord("pass.test", token, dns.address)).toEqual({ ok: true });
  });

  it("joins a long record's strings into one value", async () => {
    const token = `org-console-verification=${"x".repeat(300)}`;
    dns.setTxt("_org-console-challenge.long.test", [token]);
    expect(await checkTxtRecord("long.test", token, dns.address)).toEqual({ ok: true });
  });

  it("says that no record exists at the name", async () => {
    const result = await checkTxtRecord("missing.test", newVerificationToken(), dns.address);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^No TXT record was found at _org-console-challenge\.missing\.test\./);
  });

  it("says what it found when the value differs", async () => {
    dns.setTxt("_org-console-challenge.wrong.test", ["org-console-verification=old"]);
    const result = await checkTxtRecord("wrong.test", newVerificationToken(), dns.address);
    expect(!result.ok && result.message).toContain("a TXT record, “org-console-verification=old”, but none is the value shown here");
  });

  it("says when the DNS server does not answer", async () => {
    const silent = await startFakeDns();
    const address = silent.address;
    await silent.close();
    const result = await checkTxtRecord("any.test", newVerificationToken(), address);
    expect(!result.ok && result.message).toMatch(/^The DNS lookup of _org-console-challenge\.any\.test failed \(\w+\)/);
  }, 20_000);
});
