import { startSmtpCapture } from "./lib/smtp-capture";

// `tsx scripts/smtp-capture-server.ts SMTP_PORT HTTP_PORT`: the local mail server the end-to-end
// tests send through (SMTP on the first port) and read from (GET /messages?to=… on the second).
const smtpPort = Number(process.argv[2] ?? 0);
const httpPort = Number(process.argv[3] ?? 0);
const capture = await startSmtpCapture({ smtpPort, httpPort });
console.log(`SMTP capture: mail to ${capture.smtpUrl}, read at ${capture.httpUrl}/messages?to=<address>`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // An SMTP client may hold its connection open; nothing is kept, so do not wait long for it.
  process.on(signal, () => {
    setTimeout(() => process.exit(0), 1_000).unref();
    void capture.close().then(() => process.exit(0));
  });
}
