// Password length rules, shared by the server (users.ts, better-auth) and forms.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
