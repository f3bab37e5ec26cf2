import { isIP } from "node:net";
import { env } from "@/lib/env";

/** Every client whose address cannot be believed shares this one key. */
export const unknownClient = "unknown";

/**
 * The client's address for per-IP limits. X-Forwarded-For is believed only when TRUST_PROXY says
 * how many proxies in front of us append to it, and then only the entry the outermost of them
 * wrote: what a client puts in the header itself sits further left and is ignored.
 *
 * Without TRUST_PROXY every client is `unknown`. Next.js fills X-Forwarded-For from the socket only
 * when the request has none, so a client can always write its own; believing it would let one
 * client mint a fresh address per request (no limit at all) or spend a victim's budget. Sharing
 * one key is the safe failure for the limits that count failures only (API tokens, webhook
 * signatures): valid tokens and signed deliveries still pass while the shared budget is spent.
 * Sign-in counts good attempts too, so it skips the per-address limit for `unknown` (limits.ts).
 */
export function clientIp(headers: Headers, trustedProxies: number = env.TRUST_PROXY ?? 0): string {
  if (trustedProxies < 1) return unknownClient;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const candidate = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : "";
  return normalizeIp(candidate) ?? unknownClient;
}

/**
 * IPv4 as is (IPv4-mapped IPv6 unwrapped); IPv6 as its /64, which one subscriber gets whole, so
 * rotating addresses inside it does not reset the count. Anything else is not an address.
 */
export function normalizeIp(raw: string): string | null {
  const value = raw.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  return `${expandIpv6(value).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  // A trailing dotted IPv4 part fills two groups.
  const width = (groups: string[]) => groups.length + (groups.some((group) => group.includes(".")) ? 1 : 0);
  const groups = [...left, ...Array(Math.max(0, 8 - width(left) - width(right))).fill("0"), ...right];
  return groups.map((group) => (group.includes(".") ? group : group.replace(/^0+(?=.)/, "")));
}
