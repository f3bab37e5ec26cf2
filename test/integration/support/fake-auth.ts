import { getDb } from "@/db/client";
import { startSession } from "@/lib/auth/user-sessions";
import { session } from "./fake-session";

// What a test file's `vi.mock("@/lib/auth", …)` returns: the user in fake-session.ts is signed in
// with a real session row (made on first use), so the doors' session check runs for real.
const rows = new Map<string, string>();

async function sessionRow(userId: string): Promise<string> {
  let id = rows.get(userId);
  if (!id) {
    id = await startSession(await getDb(), userId, "integration test");
    rows.set(userId, id);
  }
  return id;
}

export function fakeAuthModule() {
  const currentSession = async () => (session.userId ? { userId: session.userId, sessionId: await sessionRow(session.userId) } : null);
  return {
    currentSession,
    currentUserId: async () => session.userId,
    readSession: async () => {
      const current = await currentSession();
      return current && { ...current, name: null, email: null };
    },
    auth: async () => null,
  };
}
