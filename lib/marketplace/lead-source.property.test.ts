import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLeadSource, type ParsedLeadSource } from './lead-source';
import { canonicalAction, canonicalSource, LEAD_ACTIONS, LEAD_SOURCES } from './vocabulary';

// Properties of the LeadSource grammar (`Source-Action|publisherid.offerid`, or the source alone with
// the action in ActionCode), from the domain notes and lead-source.ts: split on the last `|`, the
// left part on the first `-`, the offer on its first `.`; blanks are null; known tokens get their
// canonical spelling, unknown ones are kept as they came.

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('-', '|', '.', ' ', '\t', 'a', 'Z', '\u0000', '\u00a0', '\ud800') }),
);
const maybeText = fc.option(anyText, { nil: undefined }).chain((value) => fc.constantFrom(value, null));

/** Random upper/lower case of a known token, as sloppy senders write them. */
const recased = (token: string) =>
  fc
    .array(fc.boolean(), { minLength: token.length, maxLength: token.length })
    .map((flags) => [...token].map((char, i) => (flags[i] ? char.toUpperCase() : char.toLowerCase())).join(''));

const isBlank = (value: string) => value.trim() === '';
// Grammar pieces: a source token has no `-` or `|`; an action no `|`; a publisher no `.` or `|`; an offer id no `|`.
const sourceToken = fc.oneof(
  fc.constantFrom(...LEAD_SOURCES).chain(recased),
  fc.stringMatching(/^[A-Za-z0-9_]{1,24}$/),
  fc.string({ minLength: 1 }).filter((s) => !/[-|]/.test(s) && !isBlank(s)),
);
const actionToken = fc.oneof(
  fc.constantFrom(...LEAD_ACTIONS).chain(recased),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
  fc.string({ minLength: 1 }).filter((s) => !s.includes('|') && !isBlank(s)),
);
const publisherId = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
  fc.string({ minLength: 1 }).filter((s) => !/[.|]/.test(s) && !isBlank(s)),
);
const offerId = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,40}$/),
  fc.uuid(),
  fc.string({ minLength: 1 }).filter((s) => !s.includes('|') && !isBlank(s)),
);
const padding = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');

describe('parseLeadSource (properties)', () => {
  it('is total: any string or null, with any ActionCode, parses without throwing into four string-or-null fields', () => {
    fc.assert(
      fc.property(maybeText, maybeText, (leadSource, actionCode) => {
        const parsed = parseLeadSource(leadSource, actionCode);
        expect(Object.keys(parsed).sort()).toEqual(['action', 'offerId', 'publisherId', 'source']);
        for (const value of Object.values(parsed)) expect(value === null || typeof value === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(maybeText, maybeText, (leadSource, actionCode) => {
        expect(parseLeadSource(leadSource, actionCode)).toEqual(parseLeadSource(leadSource, actionCode));
      }),
    );
  });

  it('never makes text up: every field is a trimmed, non-empty piece no longer than its input', () => {
    fc.assert(
      fc.property(anyText, maybeText, (leadSource, actionCode) => {
        const parsed = parseLeadSource(leadSource, actionCode);
        const limit = Math.max(leadSource.length, actionCode?.length ?? 0);
        for (const value of Object.values(parsed) as (string | null)[]) {
          if (value === null) continue;
          expect(value.length).toBeGreaterThan(0);
          expect(value).toBe(value.trim());
          expect(value.length).toBeLessThanOrEqual(limit);
        }
        for (const value of [parsed.source, parsed.publisherId, parsed.offerId]) {
          if (value !== null) expect(leadSource.toLowerCase()).toContain(value.toLowerCase());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('respects the separators: the source holds no "-", the offer no "|", the publisher no "."', () => {
    fc.assert(
      fc.property(anyText, (leadSource) => {
        const parsed: ParsedLeadSource = parseLeadSource(leadSource);
        if (parsed.source !== null) expect(parsed.source).not.toContain('-');
        if (parsed.publisherId !== null) expect(parsed.publisherId).not.toMatch(/[.|]/);
        if (parsed.offerId !== null) expect(parsed.offerId).not.toContain('|');
        // A publisher only ever comes with an offer id.
        if (parsed.publisherId !== null) expect(parsed.offerId).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips Source-Action|publisher.offer built from the grammar, padded or not', () => {
    fc.assert(
      fc.property(
        sourceToken,
        actionToken,
        publisherId,
        offerId,
        padding,
        padding,
        (source, action, publisher, offer, before, after) => {
          const parsed = parseLeadSource(
            `${before}${source}${after}-${before}${action}${after}|${before}${publisher}.${offer}${after}`,
          );
          expect(parsed).toEqual({
            source: canonicalSource(source.trim()),
            action: canonicalAction(action.trim()),
            publisherId: publisher.trim(),
            offerId: offer.trim(),
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads the source alone with the action from ActionCode (Microsoft’s HTTPS samples)', () => {
    fc.assert(
      fc.property(sourceToken, actionToken, (source, action) => {
        expect(parseLeadSource(source, action)).toEqual({
          source: canonicalSource(source.trim()),
          action: canonicalAction(action.trim()),
          publisherId: null,
          offerId: null,
        });
      }),
    );
  });

  it('prefers the action in LeadSource; ActionCode fills in only when that part is blank', () => {
    fc.assert(
      fc.property(sourceToken, actionToken, actionToken, padding, (source, inSource, inCode, blank) => {
        expect(parseLeadSource(`${source}-${inSource}|p.o`, inCode).action).toBe(canonicalAction(inSource.trim()));
        expect(parseLeadSource(`${source}-${blank}|p.o`, inCode).action).toBe(canonicalAction(inCode.trim()));
      }),
    );
  });

  it('keeps an offer without a publisher (Partner Center test leads: "MSFT_TEST_…|Offer Name") as the offer id', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.string({ minLength: 1 }).filter((s) => !/[.|]/.test(s) && !isBlank(s)),
        (n, offerName) => {
          const marker = `MSFT_TEST_${n}`;
          expect(parseLeadSource(`${marker}-${marker}|${offerName}`)).toEqual({
            source: marker,
            action: marker,
            publisherId: null,
            offerId: offerName.trim(),
          });
        },
      ),
    );
  });

  it('gives known tokens their canonical spelling, whatever their case, and keeps unknown ones exactly', () => {
    fc.assert(
      fc.property(sourceToken, actionToken, (source, action) => {
        const parsed = parseLeadSource(`${source}-${action}|p.o`);
        const knownSource = LEAD_SOURCES.find((known) => known.toLowerCase() === source.trim().toLowerCase());
        const knownAction = LEAD_ACTIONS.find((known) => known.toLowerCase() === action.trim().toLowerCase());
        expect(parsed.source).toBe(knownSource ?? source.trim());
        expect(parsed.action).toBe(knownAction ?? action.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores the case of known tokens but keeps the offer’s case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAD_SOURCES),
        fc.constantFrom(...LEAD_ACTIONS),
        publisherId,
        offerId,
        (source, action, publisher, offer) => {
          const upper = parseLeadSource(`${source.toUpperCase()}-${action.toUpperCase()}|${publisher}.${offer}`);
          const lower = parseLeadSource(`${source.toLowerCase()}-${action.toLowerCase()}|${publisher}.${offer}`);
          expect(upper).toEqual(lower);
          expect(upper).toMatchObject({ source, action });
        },
      ),
    );
  });
});
