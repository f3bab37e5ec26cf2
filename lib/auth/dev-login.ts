/** The development sign-in's Auth.js provider id: its callback is /api/auth/callback/dev-login. */
export const devLoginProviderId = "dev-login";
