import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, leadStatusChanges, sessions } from '@/db/schema';
import { authenticateApiKey, createApiKey, revokeApiKey } from '@/lib/api-keys/service';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { receiveDelivery } from '@/lib/intake/service';
import { exportLeadsCsv, neutraliseCell } from '@/lib/leads/export';
import { getLeadNotes } from '@/lib/leads/nurture-queries';
import { getLeadById, getLeads, listContext } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';
import { addLeadNote, assignLead, claimLead, setLeadStatus } from '@/lib/leads/work';
import { createTempDb } from '@/lib/testing/temp-db';
import { safeNextPath } from './next-path';
import { can, leadScope, type Viewer } from './permissions';
import { createUser, disableUser, setUserRole } from './users';

let temp: ReturnType<typeof createTempDb>;
let rep1: Viewer & { kind: 'user' };
let rep2: Viewer & { kind: 'user' };
let manager: Viewer & { kind: 'user' };
const reader: Viewer = { kind: 'api_key', id: 1, label: 'BI', role: 'reader' };

async function person(email: string, role: 'rep' | 'manager' | 'admin') {
  const user = await createUser(
    temp.db,
    { email, name: email.split('@')[0]!, role, password: 'a-long-password' },
    SYSTEM_ACTOR,
  );
  return { kind: 'user' as const, id: user.id, name: user.name, email: user.email, role };
}

function lead(email: string): number {
  const body = { UserDetails: { FirstName: '=HYPERLINK("x")', Email: email }, LeadSource: 'SPZA-PLT|contoso.suite' };
  return receiveDelivery(temp.db, {
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: null,
    receivedAt: new Date(),
    intakeKeyId: null,
  }).leadId;
}

const all = () => parseLeadListParams(new URLSearchParams());

beforeEach(async () => {
  temp = createTempDb();
  await person('admin@x.example', 'admin');
  rep1 = await person('rep1@x.example', 'rep');
  rep2 = await person('rep2@x.example', 'rep');
  manager = await person('boss@x.example', 'manager');
});
afterEach(() => temp.cleanup());

describe('permissions', () => {
  it('grants by role', () => {
    expect(can(rep1, 'leads:assign')).toBe(false);
    expect(can(manager, 'leads:assign')).toBe(true);
    expect(can(manager, 'workspace:admin')).toBe(false);
    expect(can(reader, 'leads:read')).toBe(true);
    expect(can(reader, 'leads:work')).toBe(false);
    expect(can(null, 'leads:read')).toBe(false);
  });
});

describe('lead scope and work', () => {
  it('hides another rep’s lead from every read and write', () => {
    const a = lead('a@c.example');
    const b = lead('b@c.example');
    claimLead(temp.db, rep1, SYSTEM_ACTOR, a);
    expect(getLeads(temp.db, listContext(temp.db, rep2), all()).rows.map((row) => row.id)).toEqual([b]);
    expect(getLeadById(temp.db, leadScope(rep2), a)).toBeNull();
    expect(() => setLeadStatus(temp.db, rep2, SYSTEM_ACTOR, a, { status: 'contacted' })).toThrow(/No lead/);
    expect(() => claimLead(temp.db, rep2, SYSTEM_ACTOR, a)).toThrow(/No lead/);
    expect(getLeadById(temp.db, leadScope(manager), a)?.ownerName).toBe('rep1');
  });

  it('records status history with who, and requires a reason for lost', () => {
    const a = lead('a@c.example');
    expect(() => setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, a, { status: 'contacted' })).toThrow(/Claim this lead/);
    claimLead(temp.db, rep1, SYSTEM_ACTOR, a);
    setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, a, { status: 'contacted' });
    expect(() => setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, a, { status: 'lost' })).toThrow(/attention/);
    setLeadStatus(temp.db, rep1, SYSTEM_ACTOR, a, {
      status: 'lost',
      lostReason: 'Chose a competitor',
      confirmFewTouches: true,
    });
    const history = temp.db.select().from(leadStatusChanges).where(eq(leadStatusChanges.leadId, a)).all();
    expect(history.map((row) => [row.fromStatus, row.toStatus, row.changedBy])).toEqual([
      ['new', 'contacted', rep1.id],
      ['contacted', 'lost', rep1.id],
    ]);
    expect(() => setLeadStatus(temp.db, reader, SYSTEM_ACTOR, a, { status: 'won' })).toThrow(/role/);
  });

  it('lets managers assign to active people only, and a claimed lead cannot be claimed again', () => {
    const a = lead('a@c.example');
    expect(() => assignLead(temp.db, rep1, SYSTEM_ACTOR, a, rep1.id)).toThrow(/role/);
    assignLead(temp.db, manager, SYSTEM_ACTOR, a, rep2.id);
    expect(() => claimLead(temp.db, rep1, SYSTEM_ACTOR, a)).toThrow(/No lead/);
    expect(() => claimLead(temp.db, manager, SYSTEM_ACTOR, a)).toThrow(/Someone else/);
    disableUser(temp.db, SYSTEM_ACTOR, rep1.id);
    expect(() => assignLead(temp.db, manager, SYSTEM_ACTOR, a, rep1.id)).toThrow(/active user/);
  });
});

describe('notes', () => {
  it('are plain text on leads the viewer works, with the author kept', () => {
    const a = lead('a@c.example');
    expect(() => addLeadNote(temp.db, rep1, a, { body: 'hi' })).toThrow(/Claim this lead/);
    claimLead(temp.db, rep1, SYSTEM_ACTOR, a);
    expect(() => addLeadNote(temp.db, rep1, a, { body: '   ' })).toThrow(/attention/);
    expect(() => addLeadNote(temp.db, rep2, a, { body: 'mine now' })).toThrow(/No lead/);
    addLeadNote(temp.db, rep1, a, { body: 'Called.\r\n<b>Call back</b> Friday' });
    expect(getLeadNotes(temp.db, a)).toEqual([
      expect.objectContaining({ body: 'Called.\n<b>Call back</b> Friday', authorLabel: 'rep1' }),
    ]);
  });
});

describe('users', () => {
  it('disabling signs a person out and keeps the last admin', async () => {
    temp.db
      .insert(sessions)
      .values({
        id: 's1',
        token: 't1',
        userId: rep1.id,
        expiresAt: new Date(Date.now() + 60_000),
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .run();
    disableUser(temp.db, SYSTEM_ACTOR, rep1.id);
    expect(temp.db.select().from(sessions).all()).toHaveLength(0);
    const admin = temp.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.role, 'admin') }).sync()!;
    expect(() => disableUser(temp.db, SYSTEM_ACTOR, admin.id)).toThrow(/only active admin/);
    expect(() => setUserRole(temp.db, SYSTEM_ACTOR, admin.id, 'rep')).toThrow(/only active admin/);
    await expect(
      createUser(
        temp.db,
        { email: 'REP1@x.example', name: 'Again', role: 'rep', password: 'a-long-password' },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('names each bad field', async () => {
    await expect(
      createUser(temp.db, { email: 'nope', name: '', role: 'boss' as 'rep', password: 'short' }, SYSTEM_ACTOR),
    ).rejects.toMatchObject({
      details: [{ field: 'email' }, { field: 'name' }, { field: 'role' }, { field: 'password' }],
    });
  });
});

describe('API keys', () => {
  it('authenticates until revoked, and never stores the key', () => {
    const created = createApiKey(temp.db, SYSTEM_ACTOR, { label: 'BI', role: 'reader' });
    expect(authenticateApiKey(temp.db, created.key)).toMatchObject({ id: created.id, role: 'reader' });
    expect(JSON.stringify(temp.db.$client.prepare('select * from api_keys').all())).not.toContain(created.key);
    revokeApiKey(temp.db, SYSTEM_ACTOR, created.id);
    expect(authenticateApiKey(temp.db, created.key)).toBeNull();
    const audit = temp.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(audit).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
  });
});

describe('export', () => {
  it('neutralises formula cells and streams only the viewer’s scope', async () => {
    expect(['=1+1', '+1', '-1', '@x', '\tx', '\rx', 'ok'].map(neutraliseCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      'ok',
    ]);
    const a = lead('a@c.example');
    lead('b@c.example');
    claimLead(temp.db, rep1, SYSTEM_ACTOR, a);
    const bytes = Buffer.from(
      await new Response(
        exportLeadsCsv(
          temp.db,
          listContext(temp.db, rep2),
          parseLeadListParams(new URLSearchParams('cols=email,company,name')),
        ).stream,
      ).arrayBuffer(),
    );
    // A UTF-8 byte order mark first, for Excel; then the header row.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    // Exactly the view's visible columns, in their order.
    expect(csv.split('\r\n')[0]).toBe('Email,Company,Name');
    expect(csv).toContain('b@c.example');
    expect(csv).not.toContain('a@c.example');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('safeNextPath', () => {
  it('keeps sign-in redirects on this site', () => {
    expect(safeNextPath('/leads?x=1')).toBe('/leads?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});
