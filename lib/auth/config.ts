// Session and sign-in policy, in one place (the README quotes these).

/** A session ends after this long without use (better-auth's sliding expiry). */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** How often a used session's idle expiry is pushed forward. */
export const SESSION_REFRESH_SECONDS = 60 * 60;
/** A session ends this long after sign-in, however busy. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;

/** Failed sign-ins for one account within the window before sign-in is refused for it. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
