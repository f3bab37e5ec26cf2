import { env } from "@/lib/env";

/** `headers`: extra headers, e.g. List-Unsubscribe (RFC 8058) on notices and reports. */
export type Email = { to: string; subject: string; text: string; headers?: Record<string, string> };

type Transport = { sendMail: (message: Email & { from: string }) => Promise<unknown> };

const holder = globalThis as typeof globalThis & { __orgConsoleMail?: Promise<Transport | null> };

// One pooled SMTP transport per process; none without SMTP_URL.
function transport(): Promise<Transport | null> {
  holder.__orgConsoleMail ??= env.SMTP_URL
    ? import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(env.SMTP_URL))
    : Promise.resolve(null);
  return holder.__orgConsoleMail;
}

/**
 * Sends through SMTP_URL. Without it (development), the email is printed to the server log so the
 * link in it can still be followed.
 */
export async function sendEmail(email: Email): Promise<void> {
  const smtp = await transport();
  if (!smtp) {
    console.log(`\n--- email (SMTP_URL is not set, printed instead) ---\nTo: ${email.to}\nSubject: ${email.subject}\n\n${email.text}\n--- end of email ---\n`);
    return;
  }
  await smtp.sendMail({ from: env.MAIL_FROM, ...email });
}

/** Sends every email, never throwing: returns the addresses that could not be sent. */
export async function sendEmails(emails: Email[]): Promise<string[]> {
  const results = await Promise.allSettled(emails.map(sendEmail));
  return results.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    console.error(`email to ${emails[i].to} failed`, result.reason);
    return [emails[i].to];
  });
}
