import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, leads, leadStatusChanges, qualificationItems } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import type { Viewer } from '@/lib/auth/permissions';
import { createUser } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { receiveDelivery } from '@/lib/intake/service';
import { createQualificationItem, archiveQualificationItem } from '@/lib/qualification/service';
import { eraseLeads } from '@/lib/privacy/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { getLeadQualification, getLeadTouches } from './nurture-queries';
import {
  addLeadNote,
  assignLead,
  claimLead,
  logTouch,
  releaseLead,
  setFollowUp,
  setLeadStatus,
  setQualificationCheck,
} from './work';

let temp: ReturnType<typeof createTempDb>;
let admin: Viewer & { kind: 'user' };
let rep1: Viewer & { kind: 'user' };
let rep2: Viewer & { kind: 'user' };
let manager: Viewer & { kind: 'user' };
const managerKey: Viewer = { kind: 'api_key', id: 7, label: 'CRM sync', role: 'manager' };

async function person(email: string, name: string, role: 'rep' | 'manager' | 'admin') {
  const user = await createUser(temp.db, { email, name, role, password: 'a-long-password' }, SYSTEM_ACTOR);
  return { kind: 'user' as const, id: user.id, name: user.name, email: user.email, role };
}

const HOUR = 3_600_000;
const hoursAgo = (n: number) => new Date(Date.now() - n * HOUR);

let counter = 0;
function newLead({ action = 'PLT', receivedAt = hoursAgo(5) }: { action?: string; receivedAt?: Date } = {}): number {
  const body = {
    UserDetails: { FirstName: 'Eva', LastName: 'Kovács', Email: `eva${counter++}@contoso.example` },
    LeadSource: `SPZA-${action}|contoso.suite`,
    ActionCode: action,
  };
  return receiveDelivery(temp.db, {
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: null,
    receivedAt,
    intakeKeyId: null,
  }).leadId;
}

const row = (id: number) => temp.db.select().from(leads).where(eq(leads.id, id)).get()!;
const history = (id: number) =>
  temp.db
    .select()
    .from(leadStatusChanges)
    .where(eq(leadStatusChanges.leadId, id))
    .all()
    .map((change) => [change.fromStatus, change.toStatus, change.changedByLabel]);
const audited = () =>
  temp.db
    .select({ action: auditLog.action, targetId: auditLog.targetId, details: auditLog.details })
    .from(auditLog)
    .all();

/** The AppError a call throws (fails the test when it throws nothing or something else). */
function errorOf(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

beforeEach(async () => {
  temp = createTempDb();
  admin = await person('admin@x.example', 'Ada Admin', 'admin');
  rep1 = await person('rep1@x.example', 'Rita Rep', 'rep');
  rep2 = await person('rep2@x.example', 'Remy Rep', 'rep');
  manager = await person('boss@x.example', 'Mona Manager', 'manager');
});
afterEach(() => temp.cleanup());

describe('logTouch', () => {
  it('the first touch stamps the time to first touch and moves a new lead to contacted; a second does not', () => {
    const id = newLead({ receivedAt: hoursAgo(3) });
    claimLead(temp.db, rep1, SYSTEM_ACTOR, id);
    const first = logTouch(temp.db, rep1, SYSTEM_ACTOR, id, { kind: 'email', note: 'Intro\r\nsent <b>deck</b>' });
    expect(first).toMatchObject({ status: 'contacted', touchCount: 1 });
    const afterFirst = row(id);
    expect(afterFirst.firstTouchAt).not.toBeNull();
    expect(afterFirst.firstTouchAt!.getTime() - afterFirst.receivedAt.getTime()).toBeGreaterThanOrEqual(
      3 * HOUR - 1000,
    );
    expect(history(id)).toEqual([['new', 'contacted', 'Rita Rep']]);

    const earlier = hoursAgo(1);
    const second = logTouch(temp.db, rep1, SYSTEM_ACTOR, id, { kind: 'call', touchedAt: earlier.toISOString() });
    expect(second).toMatchObject({ status: 'contacted', touchCount: 2 });
    const afterSecond = row(id);
    // The backdated call happened before the email was logged: it becomes the first touch.
    expect(afterSecond.firstTouchAt).toEqual(earlier);
    expect(afterSecond.lastTouchAt).toEqual(afterFirst.lastTouchAt);
    expect(history(id)).toHaveLength(1);
    expect(getLeadTouches(temp.db, id).map((touch) => [touch.kind, touch.note, touch.authorLabel])).toEqual([
      ['email', 'Intro\nsent <b>deck</b>', 'Rita Rep'],
      ['call', null, 'Rita Rep'],
    ]);
    expect(audited().filter((entry) => entry.action === 'lead.touch_logged')).toEqual([
      { action: 'lead.touch_logged', targetId: String(id), details: { kind: 'email' } },
      { action: 'lead.touch_logged', targetId: String(id), details: { kind: 'call' } },
    ]);
  });

  it('does not move a lead that is past new', () => {
    const id = newLead();
    setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'nurturing' });
    expect(logTouch(temp.db, manager, SYSTEM_ACTOR, id, { kind: 'meeting' }).status).toBe('nurturing');
    expect(history(id)).toHaveLength(1);
  });

  it('refuses a do-not-contact lead with a clear conflict, for touches and follow-ups', () => {
    const id = newLead({ action: 'DNC' });
    const touch = errorOf(() => logTouch(temp.db, manager, SYSTEM_ACTOR, id, { kind: 'email' }));
    expect(touch).toMatchObject({ code: 'conflict', status: 409 });
    expect(touch.message).toMatch(/asked not to be contacted/);
    const followUp = errorOf(() =>
      setFollowUp(temp.db, manager, SYSTEM_ACTOR, id, { nextFollowUpAt: new Date(Date.now() + HOUR).toISOString() }),
    );
    expect(followUp).toMatchObject({ code: 'conflict' });
    // Clearing an old follow-up is still allowed.
    expect(setFollowUp(temp.db, manager, SYSTEM_ACTOR, id, { nextFollowUpAt: null })).toEqual({ nextFollowUpAt: null });
    expect(row(id).touchCount).toBe(0);
  });

  it('refuses touches and new follow-ups on a lead whose personal data was erased; notes and status still work', () => {
    const id = newLead();
    setFollowUp(temp.db, manager, SYSTEM_ACTOR, id, { nextFollowUpAt: new Date(Date.now() + HOUR).toISOString() });
    eraseLeads(temp.db, SYSTEM_ACTOR, [id]);
    const touch = errorOf(() => logTouch(temp.db, manager, SYSTEM_ACTOR, id, { kind: 'call' }));
    expect(touch).toMatchObject({ code: 'conflict', status: 409 });
    expect(touch.message).toMatch(/personal data was erased/);
    const followUp = errorOf(() =>
      setFollowUp(temp.db, manager, SYSTEM_ACTOR, id, { nextFollowUpAt: new Date(Date.now() + HOUR).toISOString() }),
    );
    expect(followUp.message).toMatch(/personal data was erased/);
    expect(setFollowUp(temp.db, manager, SYSTEM_ACTOR, id, { nextFollowUpAt: null })).toEqual({ nextFollowUpAt: null });
    expect(row(id).touchCount).toBe(0);
    expect(setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'nurturing' })).toBeTruthy();
  });

  it('lets a rep touch only a lead they own', () => {
    const open = newLead();
    const taken = newLead();
    claimLead(temp.db, rep2, SYSTEM_ACTOR, taken);
    expect(errorOf(() => logTouch(temp.db, rep1, SYSTEM_ACTOR, open, { kind: 'email' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(errorOf(() => logTouch(temp.db, rep1, SYSTEM_ACTOR, taken, { kind: 'email' }))).toMatchObject({
      code: 'not_found',
    });
    const reader: Viewer = { kind: 'api_key', id: 1, label: 'BI', role: 'reader' };
    expect(errorOf(() => logTouch(temp.db, reader, SYSTEM_ACTOR, open, { kind: 'email' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(row(open).touchCount).toBe(0);
  });

  it('names each bad field, and refuses touches in the future or before the lead arrived', () => {
    const id = newLead({ receivedAt: hoursAgo(2) });
    expect(
      errorOf(() => logTouch(temp.db, manager, SYSTEM_ACTOR, id, { kind: 'fax', note: 5, touchedAt: 'yesterday' }))
        .details,
    ).toEqual([
      expect.objectContaining({ field: 'kind' }),
      expect.objectContaining({ field: 'note' }),
      expect.objectContaining({ field: 'touchedAt' }),
    ]);
    const future = errorOf(() =>
      logTouch(temp.db, manager, SYSTEM_ACTOR, id, {
        kind: 'call',
        touchedAt: new Date(Date.now() + HOUR).toISOString(),
      }),
    );
    expect(future.details).toEqual([{ field: 'touchedAt', message: 'A touch cannot be in the future.' }]);
    const before = errorOf(() =>
      logTouch(temp.db, manager, SYSTEM_ACTOR, id, { kind: 'call', touchedAt: hoursAgo(3).toISOString() }),
    );
    expect(before.details).toEqual([{ field: 'touchedAt', message: 'A touch cannot be before the lead arrived.' }]);
  });

  it('records an API key by its label', () => {
    const id = newLead();
    logTouch(temp.db, managerKey, SYSTEM_ACTOR, id, { kind: 'email' });
    expect(getLeadTouches(temp.db, id)[0]?.authorLabel).toBe('API key "CRM sync"');
  });
});

describe('closing as lost', () => {
  it('asks for confirmation with fewer than three touches, and not after three', () => {
    const id = newLead();
    claimLead(temp.db, rep1, SYSTEM_ACTOR, id);
    logTouch(temp.db, rep1, SYSTEM_ACTOR, id, { kind: 'email' });
    const asked = errorOf(() =>
      setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, id, { status: 'lost', lostReason: 'No budget' }),
    );
    expect(asked).toMatchObject({ code: 'confirmation_required', status: 409 });
    expect(asked.message).toBe('Only 1 touch so far. Microsoft suggests a few emails before closing. Close anyway?');
    expect(asked.details).toEqual([expect.objectContaining({ field: 'confirmFewTouches' })]);
    expect(row(id).status).toBe('contacted');
    // The reason is still checked first.
    expect(
      errorOf(() => setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, id, { status: 'lost', confirmFewTouches: true }))
        .details,
    ).toEqual([expect.objectContaining({ field: 'lostReason' })]);
    setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, id, {
      status: 'lost',
      lostReason: 'No budget',
      confirmFewTouches: true,
    });
    expect(row(id).status).toBe('lost');

    const worked = newLead();
    for (const kind of ['email', 'email', 'call'] as const) logTouch(temp.db, manager, SYSTEM_ACTOR, worked, { kind });
    setLeadStatus(temp.db, manager, SYSTEM_ACTOR, worked, { status: 'lost', lostReason: 'Went elsewhere' });
    expect(row(worked).status).toBe('lost');
  });
});

describe('qualified', () => {
  it('needs every required, current checklist item checked, and names the missing ones', () => {
    const id = newLead();
    const optional = createQualificationItem(temp.db, admin, SYSTEM_ACTOR, { label: 'Champion', required: false });
    const retired = createQualificationItem(temp.db, admin, SYSTEM_ACTOR, { label: 'Legacy fit', required: true });
    archiveQualificationItem(temp.db, admin, SYSTEM_ACTOR, retired.id);
    const checklist = getLeadQualification(temp.db, id);
    expect(checklist.map((item) => item.label)).toEqual(['Budget', 'Authority', 'Need', 'Timeline', 'Champion']);

    const refused = errorOf(() => setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'qualified' }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Missing: Budget, Authority, Need, Timeline.');
    expect(refused.details).toEqual([expect.objectContaining({ field: 'status' })]);

    for (const item of checklist.filter((entry) => entry.label !== 'Timeline' && entry.required)) {
      setQualificationCheck(temp.db, manager, SYSTEM_ACTOR, id, { itemId: item.itemId, checked: true });
    }
    expect(errorOf(() => setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'qualified' })).message).toContain(
      'Missing: Timeline.',
    );
    const timeline = checklist.find((item) => item.label === 'Timeline')!;
    setQualificationCheck(temp.db, manager, SYSTEM_ACTOR, id, { itemId: timeline.itemId, checked: true });
    // Neither the optional item nor the archived required one stands in the way.
    expect(setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'qualified' })).toEqual({ status: 'qualified' });
    expect(optional.id).toBeGreaterThan(0);
  });

  it('keeps who checked an item, forgets it on uncheck, and refuses archived items', () => {
    const id = newLead();
    claimLead(temp.db, rep1, SYSTEM_ACTOR, id);
    const [budget] = getLeadQualification(temp.db, id);
    expect(
      errorOf(() => setQualificationCheck(temp.db, rep2, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: true })),
    ).toMatchObject({ code: 'not_found' });
    setQualificationCheck(temp.db, rep1, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: true });
    expect(getLeadQualification(temp.db, id)[0]).toMatchObject({ checked: true, checkedByLabel: 'Rita Rep' });
    setQualificationCheck(temp.db, rep1, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: false });
    expect(getLeadQualification(temp.db, id)[0]).toMatchObject({ checked: false, checkedByLabel: null });
    archiveQualificationItem(temp.db, admin, SYSTEM_ACTOR, budget!.itemId);
    expect(
      errorOf(() => setQualificationCheck(temp.db, rep1, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: true }))
        .details,
    ).toEqual([expect.objectContaining({ field: 'itemId' })]);
    expect(
      errorOf(() =>
        setQualificationCheck(temp.db, rep1, SYSTEM_ACTOR, id, { itemId: 'x', checked: 'yes' }),
      ).details?.map((d) => d.field),
    ).toEqual(['itemId', 'checked']);
  });
});

describe('releaseLead', () => {
  it('lets the owner and managers release, nobody else; audited', () => {
    const id = newLead();
    claimLead(temp.db, rep1, SYSTEM_ACTOR, id);
    expect(errorOf(() => releaseLead(temp.db, rep2, SYSTEM_ACTOR, id))).toMatchObject({ code: 'not_found' });
    expect(releaseLead(temp.db, rep1, SYSTEM_ACTOR, id)).toEqual({ ownerId: null });
    expect(row(id)).toMatchObject({ ownerId: null, assignedAt: null });

    // Managers, and manager API keys, release anyone's lead.
    assignLead(temp.db, manager, SYSTEM_ACTOR, id, rep2.id);
    releaseLead(temp.db, manager, SYSTEM_ACTOR, id);
    expect(row(id).ownerId).toBeNull();
    assignLead(temp.db, manager, SYSTEM_ACTOR, id, rep1.id);
    releaseLead(temp.db, managerKey, SYSTEM_ACTOR, id);
    expect(row(id).ownerId).toBeNull();
    // Releasing an unassigned lead is a no-op, not an error.
    expect(releaseLead(temp.db, rep1, SYSTEM_ACTOR, id)).toEqual({ ownerId: null });
    expect(
      audited()
        .filter((entry) => entry.action === 'lead.released')
        .map((entry) => entry.details),
    ).toEqual([{ from: rep1.id }, { from: rep2.id }, { from: rep1.id }]);
  });
});

describe('follow-ups', () => {
  it('sets and clears a follow-up, refusing the past; audited by lead id only', () => {
    const id = newLead();
    claimLead(temp.db, rep1, SYSTEM_ACTOR, id);
    const at = new Date(Date.now() + 26 * HOUR);
    expect(setFollowUp(temp.db, rep1, SYSTEM_ACTOR, id, { nextFollowUpAt: at.toISOString() })).toEqual({
      nextFollowUpAt: at,
    });
    expect(row(id).nextFollowUpAt).toEqual(at);
    expect(
      errorOf(() => setFollowUp(temp.db, rep1, SYSTEM_ACTOR, id, { nextFollowUpAt: hoursAgo(1).toISOString() }))
        .details,
    ).toEqual([{ field: 'nextFollowUpAt', message: 'Pick a time in the future.' }]);
    expect(errorOf(() => setFollowUp(temp.db, rep1, SYSTEM_ACTOR, id, {})).details).toEqual([
      expect.objectContaining({ field: 'nextFollowUpAt' }),
    ]);
    setFollowUp(temp.db, rep1, SYSTEM_ACTOR, id, { nextFollowUpAt: null });
    expect(row(id).nextFollowUpAt).toBeNull();
    expect(audited().filter((entry) => entry.action.startsWith('lead.follow_up'))).toEqual([
      { action: 'lead.follow_up_set', targetId: String(id), details: null },
      { action: 'lead.follow_up_cleared', targetId: String(id), details: null },
    ]);
    expect(errorOf(() => setFollowUp(temp.db, rep2, SYSTEM_ACTOR, id, { nextFollowUpAt: null }))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('last activity', () => {
  it('every work function moves lastActivityAt and updatedAt forward', () => {
    const id = newLead({ receivedAt: hoursAgo(30) });
    const [budget] = getLeadQualification(temp.db, id);
    const past = hoursAgo(20);
    const rewind = () =>
      temp.db.update(leads).set({ lastActivityAt: past, updatedAt: past }).where(eq(leads.id, id)).run();
    const steps: [string, () => unknown][] = [
      ['claim', () => claimLead(temp.db, rep1, SYSTEM_ACTOR, id)],
      ['touch', () => logTouch(temp.db, rep1, SYSTEM_ACTOR, id, { kind: 'email' })],
      ['note', () => addLeadNote(temp.db, rep1, id, { body: 'Sent pricing' })],
      [
        'follow-up',
        () =>
          setFollowUp(temp.db, rep1, SYSTEM_ACTOR, id, { nextFollowUpAt: new Date(Date.now() + HOUR).toISOString() }),
      ],
      [
        'qualification',
        () => setQualificationCheck(temp.db, rep1, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: true }),
      ],
      ['status', () => setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, id, { status: 'nurturing' })],
      ['release', () => releaseLead(temp.db, rep1, SYSTEM_ACTOR, id)],
      ['assign', () => assignLead(temp.db, manager, SYSTEM_ACTOR, id, rep2.id)],
    ];
    for (const [name, step] of steps) {
      rewind();
      const before = Date.now();
      step();
      const after = row(id);
      expect(after.lastActivityAt.getTime(), name).toBeGreaterThanOrEqual(before);
      expect(after.updatedAt.getTime(), name).toBeGreaterThanOrEqual(before);
    }
  });

  it('changes nothing when nothing changes', () => {
    const id = newLead();
    const [budget] = getLeadQualification(temp.db, id);
    const past = hoursAgo(20);
    temp.db.update(leads).set({ lastActivityAt: past }).where(eq(leads.id, id)).run();
    setQualificationCheck(temp.db, manager, SYSTEM_ACTOR, id, { itemId: budget!.itemId, checked: false });
    setLeadStatus(temp.db, manager, SYSTEM_ACTOR, id, { status: 'new' });
    releaseLead(temp.db, manager, SYSTEM_ACTOR, id);
    expect(row(id).lastActivityAt).toEqual(past);
    expect(temp.db.select().from(qualificationItems).all()).toHaveLength(4);
  });
});
