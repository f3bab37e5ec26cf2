import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback for the end-to-end tests: the console sends its emails here
 * through nodemailer exactly as it would to a provider (SMTP_URL), and the tests read them back
 * over a tiny HTTP API. No auth, no TLS; messages are kept in memory for the life of the process.
 */
export type CapturedEmail = { to: string; from: string; subject: string; text: string; date: string };

type Stored = CapturedEmail & { recipients: string[] };

export type SmtpCapture = {
  smtpUrl: string;
  httpUrl: string;
  messages: () => CapturedEmail[];
  close: () => Promise<void>;
};

// Far more than a test run sends; only a guard against an endless loop filling the memory.
const maxMessages = 10_000;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((object) => object.value.map((entry) => (entry.address ?? "").toLowerCase())).filter(Boolean);
}

export async function startSmtpCapture(options: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<SmtpCapture> {
  const host = options.host ?? "127.0.0.1";
  const store: Stored[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          // The envelope's recipients are who the message was delivered to (Bcc included).
          const envelope = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          const recipients = envelope.length > 0 ? envelope : addresses(parsed.to);
          const mailFrom = session.envelope.mailFrom;
          store.push({
            recipients,
            to: recipients.join(", "),
            from: parsed.from?.text ?? (mailFrom ? mailFrom.address : ""),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            date: new Date().toISOString(),
          });
          if (store.length > maxMessages) store.splice(0, store.length - maxMessages);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, host, () => {
      smtp.off("error", reject);
      resolve();
    });
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http = createServer((req, res) => serve(req, res, store));
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.httpPort ?? 0, host, () => resolve());
  });
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => store.map(publicView),
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

// GET /messages?to=<address> → every message delivered to that address, oldest first; without
// `to`, every message. GET /health → {"ok":true}.
function serve(req: IncomingMessage, res: ServerResponse, store: Stored[]): void {
  const url = new URL(req.url ?? "/", "http://smtp-capture");
  if (req.method !== "GET") return send(res, 405, { error: "only GET" });
  if (url.pathname === "/health") return send(res, 200, { ok: true, messages: store.length });
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return send(res, 200, (to ? store.filter((message) => message.recipients.includes(to)) : store).map(publicView));
  }
  send(res, 404, { error: "not found" });
}

function publicView({ recipients: _recipients, ...email }: Stored): CapturedEmail {
  return email;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
