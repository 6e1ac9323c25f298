import { describe, expect, it } from 'vitest';
import { emailsIn, scanLog } from './leak-scan';

const clean = [
  '▲ Next.js 16.4.6',
  '{"level":"info","msg":"request","requestId":"r1","method":"GET","path":"/api/leads","status":200,"durationMs":3,"actor":"user:u1"}',
  '{"level":"info","msg":"request","requestId":"r2","method":"POST","path":"/api/intake/marketplace","status":401,"durationMs":1,"outcome":"rejected","errorCode":"unauthorized"}',
  '{"level":"info","msg":"mail to [email] failed","url":"/x?key=[redacted]","auth":"Bearer [redacted]","key":"mlk_[redacted]"}',
  '{"level":"warn","msg":"cookie better-auth.session_token=[redacted]"}',
].join('\n');

describe('scanLog', () => {
  it('counts lines, JSON lines and request lines, and finds nothing in a scrubbed log', () => {
    const scan = scanLog('server.log', clean, [{ kind: 'intake key', value: 'e2e-intake-key-0123' }]);
    expect(scan).toEqual({
      lines: 5,
      jsonLines: 4,
      requestLines: 2,
      requestsWithActor: 1,
      intakeLines: 1,
      findings: [],
    });
  });

  it.each([
    ['an email-shaped string', '{"msg":"no user eva.x@contoso.example"}', 'email-shaped string'],
    ['an URL-encoded email', '{"path":"/leads?q=eva%40contoso.example"}', 'email-shaped string'],
    ['a known value', '{"msg":"bad e2e-intake-key-0123"}', 'intake key'],
    ['a known value, URL-encoded', '{"msg":"bad e2e%20key%2F0123"}', 'odd key'],
    ['a known value in another case', '{"msg":"ADMIN@E2E.TEST"}', 'email-shaped string'],
    ['an API key', '{"msg":"mla_AAAAbbbbCCCCddddEEEEffffGGGGhhhh"}', 'issued key'],
    ['a session cookie', 'cookie: better-auth.session_token=abc.def', 'session cookie'],
    ['a Bearer token', 'Authorization: Bearer sometoken123', 'bearer token'],
    ['a key in a query string', 'GET /api/intake/marketplace?key=whatever', 'key in a query string'],
  ])('finds %s', (_name, line, kind) => {
    const scan = scanLog('server.log', line, [
      { kind: 'intake key', value: 'e2e-intake-key-0123' },
      { kind: 'odd key', value: 'e2e key/0123' },
    ]);
    expect(scan.findings.map((finding) => finding.kind)).toContain(kind);
    // A finding points at the line without repeating what it found.
    for (const finding of scan.findings) {
      expect(finding).toMatchObject({ file: 'server.log', line: 1 });
      expect(finding.excerpt).toContain('<HIT>');
      expect(finding.excerpt).not.toMatch(/contoso\.example|e2e-intake-key|Bbbb|abc\.def|sometoken|whatever/);
    }
  });

  it('never shows one hit in the excerpt of another on the same line', () => {
    const scan = scanLog(
      'server.log',
      '{"msg":"eva@contoso.example used e2e-intake-key-0123 twice: e2e-intake-key-0123"}',
      [{ kind: 'intake key', value: 'e2e-intake-key-0123' }],
    );
    expect(scan.findings.map((finding) => finding.kind).sort()).toEqual(['email-shaped string', 'intake key']);
    for (const finding of scan.findings) expect(finding.excerpt).toBe('{"msg":"<HIT> used <HIT> twice: <HIT>"}');
  });

  it('finds nothing vacuous: an empty log has no lines and no request lines', () => {
    expect(scanLog('server.log', '', [])).toMatchObject({ lines: 0, requestLines: 0 });
  });
});

describe('emailsIn', () => {
  it('collects every address in a text, once, lower-cased', () => {
    expect(emailsIn('{"Email":"A@B.io"} a@b.io x <eva.x+1@contoso.example> c@d.test')).toEqual([
      'a@b.io',
      'eva.x+1@contoso.example',
      'c@d.test',
    ]);
  });
});
