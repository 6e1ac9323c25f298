// Where a request came from, for the audit log and session records.

/** The client's address as the nearest proxy reports it (`x-forwarded-for`, first hop), if any. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || null;
}

export function requestInfo(headers: Headers): { ip: string | null; userAgent: string | null } {
  return { ip: clientIp(headers), userAgent: headers.get('user-agent') };
}
