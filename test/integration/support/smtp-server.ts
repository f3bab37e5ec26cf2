import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = { envelopeFrom: string; envelopeTo: string[]; mail: ParsedMail };

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<free port>, for SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** Every message whose envelope went to `address` (case-insensitive), oldest first. */
  to: (address: string) => ReceivedEmail[];
  close: () => Promise<void>;
};

/**
 * A real SMTP server on loopback and a free port: the console's nodemailer transport talks to it
 * exactly as to a provider. Recipients matching `refuse` are rejected at RCPT TO, like a bounce.
 */
export async function startSmtpServer(options: { refuse?: RegExp } = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.test(address.address)) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const from = session.envelope.mailFrom;
          received.push({
            envelopeFrom: from ? from.address : "",
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((email) => email.envelopeTo.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
