import { afterAll, beforeAll, vi } from "vitest";
import { type TestSmtpServer, startSmtpServer } from "./smtp-server";

const mailHolder = globalThis as { __orgConsoleMail?: unknown };

/**
 * A real SMTP server on loopback for the whole file, and the app pointed at it: SMTP_URL (and
 * `env`) stubbed, the cached mail transport dropped and the module registry reset, so the app's
 * modules the file imports in its own beforeAll (registered after this call) read the new
 * settings. Call it right after useTestDatabase.
 */
export function useTestSmtp(options: { env?: Record<string, string>; refuse?: RegExp } = {}) {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer(options.refuse ? { refuse: options.refuse } : {});
    vi.stubEnv("SMTP_URL", server.url);
    for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
    delete mailHolder.__orgConsoleMail;
    vi.resetModules();
  });
  afterAll(async () => {
    delete mailHolder.__orgConsoleMail;
    vi.unstubAllEnvs();
    await server?.close();
  });
  return {
    /** Every message whose envelope went to `address` (case-insensitive), oldest first. */
    to: (address: string) => {
      if (!server) throw new Error("The test SMTP server starts in beforeAll.");
      return server.to(address);
    },
  };
}
