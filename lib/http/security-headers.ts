// The security headers every response carries. No imports: next.config.ts and proxy.ts both read
// this file, and next.config.ts is evaluated at build time (its headers are baked into the build),
// so anything that depends on the running server's settings is added by the proxy instead.

type PolicyOptions = {
  /** A fresh per-request nonce: pages get one from the proxy; static files and APIs run no script. */
  nonce?: string;
  /** `next dev` evaluates code for its error overlay and stack traces: never in production. */
  development: boolean;
  /** Served over HTTPS: ask the browser to upgrade any stray http:// subresource. */
  https: boolean;
  /** Where a form may send the browser besides this site (OAuth providers' authorize pages). */
  formTargets?: readonly string[];
};

export function contentSecurityPolicy({ nonce, development, https, formTargets = [] }: PolicyOptions): string {
  const scripts = nonce
    ? // 'strict-dynamic' lets the nonce'd framework scripts load the page's chunks; 'self' is for
      // browsers too old to know 'strict-dynamic' (newer ones ignore it then).
      `'self' 'nonce-${nonce}' 'strict-dynamic'`
    : "'self'";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes and the kit (Radix popovers, toasts) sets inline positions:
    // they cannot carry a nonce. A style cannot run code, so 'unsafe-inline' for styles is the
    // usual trade; a nonce here would make browsers ignore 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    // Avatars come from whatever host the Git provider serves them from.
    `img-src 'self' data: blob: https:${https ? "" : " http:"}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((target) => ` ${target}`).join("")}`,
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

// Powerful features the console never uses, denied to it and to anything it might embed.
const deniedFeatures = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
];

/** The headers that never change: next.config.ts sends them on every response, static files included. */
export function staticSecurityHeaders(development: boolean): { key: string; value: string }[] {
  // Lower-case names: the proxy's per-request Content-Security-Policy then replaces this one
  // instead of being sent beside it (Next merges the two by exact name).
  return [
    { key: "content-security-policy", value: contentSecurityPolicy({ development, https: false }) },
    { key: "x-frame-options", value: "DENY" },
    { key: "x-content-type-options", value: "nosniff" },
    { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
    { key: "permissions-policy", value: deniedFeatures.map((feature) => `${feature}=()`).join(", ") },
  ];
}

/** Two years, sub-domains included; sent only when the console is served over HTTPS. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";
