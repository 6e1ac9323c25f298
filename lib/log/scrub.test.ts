import { afterEach, describe, expect, it } from 'vitest';
import { acceptRequestId } from './request-id';
import { scrubText, scrubValue, setKnownSecrets } from './scrub';

afterEach(() => setKnownSecrets([]));

describe('scrubText', () => {
  it.each([
    ['failed for someone@contoso.com today', 'failed for [email] today'],
    ['Kovács <eva.x-1+tag@sub.contoso.example>', 'Kovács <[email]>'],
    ['/leads?q=eva%40contoso.example', '/leads?q=[email]'],
    ['MAIL: EVA@CONTOSO.COM', 'MAIL: [email]'],
  ])('replaces email addresses: %s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('redacts key= and token= values in URLs and text, keeping the rest of the URL', () => {
    expect(scrubText('POST /api/intake/marketplace?key=abc123def456&x=1')).toBe(
      'POST /api/intake/marketplace?key=[redacted]&x=1',
    );
    expect(scrubText('http://h/cb?token=t0k3n#frag')).toBe('http://h/cb?token=[redacted]#frag');
    expect(scrubText('intakeKey=s3cret apiKey=x password=hunter22')).toBe(
      'intakeKey=[redacted] apiKey=[redacted] password=[redacted]',
    );
  });

  it('redacts Bearer and Basic credentials', () => {
    expect(scrubText('Authorization: Bearer mla_AAAAbbbbCCCCddddEEEEffffGGGGhhhh')).toBe(
      'Authorization: Bearer [redacted]',
    );
    expect(scrubText('Basic dXNlcjpwYXNz')).toBe('Basic [redacted]');
  });

  it('redacts better-auth session cookies, secure or not', () => {
    expect(scrubText('cookie: better-auth.session_token=abc.def%3D; theme=dark')).toBe(
      'cookie: better-auth.session_token=[redacted]; theme=dark',
    );
    expect(scrubText('__Secure-better-auth.session_data=eyJhbGciOi')).toBe(
      '__Secure-better-auth.session_data=[redacted]',
    );
  });

  it('redacts our intake and API keys wherever they appear', () => {
    const intake = 'mlk_' + 'A1b2_C3d-'.repeat(3) + 'zzzzz';
    const api = 'mla_' + 'x'.repeat(32);
    expect(scrubText(`key ${intake} failed`)).toBe('key mlk_[redacted] failed');
    expect(scrubText(`"${api}"`)).toBe('"mla_[redacted]"');
  });

  it('redacts configured secrets of any shape, also URL-encoded', () => {
    setKnownSecrets(['e2e intake/key 0123456789', undefined, 'short']);
    expect(scrubText('got e2e intake/key 0123456789 and e2e%20intake%2Fkey%200123456789')).toBe(
      'got [redacted] and [redacted]',
    );
    // Values shorter than 8 characters are never treated as secrets (they would eat ordinary words).
    expect(scrubText('short')).toBe('short');
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      'GET /api/leads/42',
      'request',
      'a webhook key was generated',
      'status=200 ok',
      'user:9f1c-2a',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
  });
});

describe('scrubValue', () => {
  it('scrubs strings at any depth and leaves other values as they are', () => {
    const error = new Error('x');
    expect(
      scrubValue({ a: 'to a@b.co', n: 3, list: ['c@d.io', { deep: 'Bearer abcdefgh' }], when: null, error }),
    ).toEqual({ a: 'to [email]', n: 3, list: ['[email]', { deep: 'Bearer [redacted]' }], when: null, error });
  });
});

describe('acceptRequestId', () => {
  it('keeps a well-formed id', () => {
    expect(acceptRequestId('3f2b9c1e-0d8a-4e57-9a0b-8e7d6c5b4a39')).toBe('3f2b9c1e-0d8a-4e57-9a0b-8e7d6c5b4a39');
    expect(acceptRequestId('req_01:abc.DEF')).toBe('req_01:abc.DEF');
  });

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['spaces', 'a b'],
    ['a newline (log injection)', 'abc\n{"level":"info"}'],
    ['an email', 'x@y.io'],
    ['one of our keys', 'mla_' + 'a'.repeat(32)],
    ['a null', null],
  ])('refuses %s', (_name, value) => {
    expect(acceptRequestId(value)).toBeNull();
  });
});
