// better-auth's endpoints (sign-in, sign-out, session). Sign-up is disabled: admins create people.
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/auth';
import { withRequestLog } from '@/lib/log/request-log';

const handler = withRequestLog((request: Request) => toNextJsHandler(getAuth()).POST(request));
const getHandler = withRequestLog((request: Request) => toNextJsHandler(getAuth()).GET(request));

export { getHandler as GET, handler as POST };
