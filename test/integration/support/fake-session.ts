// The signed-in user for tests that run page loaders and route handlers through their real doors:
// a test file mocks "@/lib/auth" with `currentUserId: async () => session.userId` (this module
// imports nothing, so the mock factory can import it without a cycle).
export const session = { userId: null as string | null };
