import { formatClock, formatDayAndClock, pluralWord } from "@/lib/format";
import type { RateLimitRefusal } from "./consume";

// What a refusal tells people: when they may try again, in UTC (the server does not know the
// reader's time zone) with the wait beside it, so nobody has to convert.

/** The window's end rounded up to the minute, so "after 14:05" is never early. */
function roundedUp(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
}

/** "14:05 UTC (in 23 minutes)", with the date when it is not today (UTC). */
export function formatRetryTime(resetAt: Date, now = new Date()): string {
  const at = roundedUp(resetAt);
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  const clock = sameDay ? formatClock(at) : formatDayAndClock(at);
  return `${clock} (in ${formatWait(at.getTime() - now.getTime())})`;
}

function formatWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "about an hour" : `about ${hours} hours`;
}

/** Seconds until the window ends, for a Retry-After header (at least 1). */
export function retryAfterSeconds(refusal: RateLimitRefusal, now = new Date()): number {
  return Math.max(1, Math.ceil((refusal.resetAt.getTime() - now.getTime()) / 1000));
}

/** The inline message when sending `requested` invitation emails (new or resent) is refused. */
export function invitationRefusalMessage(refusal: RateLimitRefusal, now = new Date()): string {
  const { limit, remaining, requested } = refusal;
  const later = `after ${formatRetryTime(refusal.resetAt, now)}`;
  if (limit.bucket === "invitation-resends") {
    return `This invitation was already sent again ${limit.max} ${pluralWord(limit.max, "time")} today, the most allowed. You can resend it ${later}.`;
  }
  const org = limit.bucket === "invitations-org";
  const most = `${limit.max} ${pluralWord(limit.max, "invitation")}`;
  const notSent = requested === 1 ? "so it was not sent" : "so none of them were sent";
  if (requested > limit.max) {
    return `${org ? "This organization" : "You"} can send at most ${most} an hour: invite at most ${limit.max} addresses at a time.`;
  }
  if (remaining === 0) {
    return `${org ? "This organization has" : "You have"} sent the ${most} allowed in an hour, ${notSent}. ${org ? "It" : "You"} can send ${limit.max} more ${later}.`;
  }
  return `${org ? "This organization" : "You"} can send ${remaining} more ${pluralWord(remaining, "invitation")} this hour and this list has ${requested}, ${notSent}. Invite at most ${remaining} now, or up to ${limit.max} ${later}.`;
}

/** The inline message when creating one more organization is refused. */
export function orgCreationRefusalMessage(refusal: RateLimitRefusal, now = new Date()): string {
  return `You can create ${refusal.limit.max} ${pluralWord(refusal.limit.max, "organization")} a day, and you have. You can create another after ${formatRetryTime(refusal.resetAt, now)}.`;
}

/** The sign-in form's message: which of the two limits, and when to try again. */
export function signInRefusalMessage(refusal: RateLimitRefusal, now = new Date()): string {
  const which = refusal.limit.bucket === "sign-in-email" ? "for this email address" : "from your network";
  return `Too many sign-in attempts ${which}. Try again after ${formatRetryTime(refusal.resetAt, now)}.`;
}
