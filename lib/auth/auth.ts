// better-auth, configured once: email + password on our SQLite database (drizzle adapter), no
// self sign-up (admins create people), sessions in HttpOnly SameSite=Lax cookies, Secure when
// PUBLIC_URL is https, idle expiry here and absolute expiry in lib/auth/viewer.ts.
import crypto from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { databasePath, getDb, type Db } from '@/db';
import { accounts, sessions, users, verifications } from '@/db/schema';
import { countRecent, recordAudit } from '@/lib/audit/log';
import { getAppSecret } from '@/lib/config/app-secret';
import { publicBaseUrl } from '@/lib/intake-keys/webhook-url';
import { logger } from '@/lib/log/logger';
import {
  SESSION_IDLE_SECONDS,
  SESSION_REFRESH_SECONDS,
  SIGN_IN_FAILURE_WINDOW_MS,
  SIGN_IN_MAX_FAILURES,
} from './config';
import { requestInfo } from './request-info';
import { findUserByEmail, getUser, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users';

/** better-auth's signing secret: BETTER_AUTH_SECRET, or derived from the app secret. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  return crypto.createHmac('sha256', getAppSecret(databasePath())).update('better-auth').digest('base64url');
}

/**
 * Sign-in requests one client address may make a minute (SIGN_IN_PER_MINUTE, default 60): a
 * workspace behind one office address, or a test suite, may need more.
 */
function signInsPerMinute(): number {
  const value = Number(process.env.SIGN_IN_PER_MINUTE);
  return Number.isInteger(value) && value > 0 ? value : 60;
}

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : null;
}

function createAuth(db: Db) {
  const publicUrl = process.env.PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  return betterAuth({
    appName: 'Leadline',
    secret: authSecret(),
    // Behind a proxy or on a custom domain set PUBLIC_URL; without it the app answers on whatever
    // host it is reached by, and sign-in accepts only forms posted from that same origin.
    baseURL: publicUrl ?? { allowedHosts: ['*'], protocol: 'auto' },
    trustedOrigins: async (request) => (publicUrl ? [publicUrl] : request ? [publicBaseUrl(request.headers)] : []),
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'rep' },
        disabledAt: { type: 'date', input: false, required: false },
        mustChangePassword: { type: 'boolean', input: false, required: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      // Every request reads the session from the database, so disabling a user takes effect at once.
      cookieCache: { enabled: false },
    },
    // A flood guard per client address; failed attempts per account are throttled in the hooks.
    rateLimit: {
      enabled: process.env.NODE_ENV === 'production',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': { window: 60, max: signInsPerMinute() } },
    },
    advanced: {
      useSecureCookies: publicUrl?.startsWith('https://') ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    // better-auth's own messages join our JSON log: the message (scrubbed) and an error's type,
    // never the extra arguments, which can be users or request bodies.
    logger: {
      log: (level, message, ...args) => {
        const error = args.find((arg): arg is Error => arg instanceof Error);
        logger[level]({ source: 'better-auth', ...(error ? { err: error } : {}) }, message);
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = getUser(db, session.userId);
            if (!user || user.disabledAt) {
              throw new APIError('FORBIDDEN', {
                message: 'This account is disabled. Ask an admin to enable it.',
                code: 'ACCOUNT_DISABLED',
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Passwords change through the account page (lib/auth/password.ts), which applies our rules,
        // lifts a reset's must-change flag and audits; the same endpoint over HTTP would skip all that.
        if (ctx.path === '/change-password' && ctx.request) {
          throw new APIError('NOT_FOUND', { message: 'Change your password on your account page.' });
        }
        if (ctx.path === '/sign-out') {
          const current = await getSessionFromCtx(ctx).catch(() => null);
          if (current) {
            recordAudit(
              db,
              {
                type: 'user',
                id: current.user.id,
                label: current.user.email,
                ...requestInfo(ctx.headers ?? new Headers()),
              },
              'auth.sign_out',
              { type: 'user', id: current.user.id },
            );
          }
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const now = Date.now();
        const failures = countRecent(db, 'auth.sign_in_failed', email, new Date(now - SIGN_IN_FAILURE_WINDOW_MS));
        if (failures.n >= SIGN_IN_MAX_FAILURES && failures.oldest) {
          const retryMs = failures.oldest.getTime() + SIGN_IN_FAILURE_WINDOW_MS - now;
          const minutes = Math.max(1, Math.ceil(retryMs / 60_000));
          recordAudit(
            db,
            { type: 'anonymous', id: null, label: email, ...requestInfo(ctx.headers ?? new Headers()) },
            'auth.sign_in_throttled',
            { type: 'user_email', id: email },
          );
          throw new APIError('TOO_MANY_REQUESTS', {
            message: `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            code: 'SIGN_IN_THROTTLED',
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const info = requestInfo(ctx.headers ?? new Headers());
        if (ctx.path === '/sign-in/email') {
          const email = emailOf(ctx.body);
          const created = ctx.context.newSession;
          if (created) {
            recordAudit(db, { type: 'user', id: created.user.id, label: created.user.email, ...info }, 'auth.sign_in', {
              type: 'user',
              id: created.user.id,
            });
          } else if (email && isAPIError(ctx.context.returned) && ctx.context.returned.statusCode === 401) {
            const known = findUserByEmail(db, email);
            recordAudit(
              db,
              { type: 'anonymous', id: null, label: email, ...info },
              'auth.sign_in_failed',
              { type: 'user_email', id: email },
              { knownAccount: Boolean(known) },
            );
          }
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { __leadsAuth?: { db: Db; auth: Auth } };

/** The process-wide auth instance, bound to the process-wide database connection. */
export function getAuth(): Auth {
  const db = getDb();
  if (cache.__leadsAuth?.db !== db) cache.__leadsAuth = { db, auth: createAuth(db) };
  return cache.__leadsAuth.auth;
}
