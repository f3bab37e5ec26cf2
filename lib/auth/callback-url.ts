/** Only same-site paths are followed after sign-in: no open redirects. */
export function safeCallbackPath(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "/";
  try {
    const url = new URL(value, "http://placeholder.invalid");
    if (url.origin !== "http://placeholder.invalid" && !/^https?:\/\/localhost(:\d+)?$/.test(url.origin)) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-in") ? path : "/";
  } catch {
    return "/";
  }
}
