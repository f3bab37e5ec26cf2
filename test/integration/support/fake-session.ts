// The signed-in user for tests that run page loaders and route handlers through their real doors:
// a test file mocks "@/lib/auth" with fake-auth.ts, which signs this user in with a real session row (this module
// imports nothing, so the mock factory can import it without a cycle).
export const session = { userId: null as string | null };
