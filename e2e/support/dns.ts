// The local DNS server playwright.config.ts starts (scripts/fake-dns-server.ts), which the
// console's DNS_RESOLVER points at: a test publishes a TXT record as a domain's owner would.

function dnsUrl(): string {
  const url = process.env.E2E_DNS_URL;
  if (!url) throw new Error("E2E_DNS_URL is not set: run the tests through playwright.config.ts");
  return url;
}

export async function publishTxt(name: string, values: string[]): Promise<void> {
  const response = await fetch(`${dnsUrl()}/txt/${encodeURIComponent(name)}`, { method: "PUT", body: JSON.stringify(values), signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`the DNS server answered ${response.status}`);
}
