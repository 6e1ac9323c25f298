import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import type { Viewer } from '@/lib/auth/permissions';
import { createTempDb } from '@/lib/testing/temp-db';
import { listQualificationItems } from './queries';
import {
  archiveQualificationItem,
  createQualificationItem,
  moveQualificationItem,
  restoreQualificationItem,
  updateQualificationItem,
} from './service';

let temp: ReturnType<typeof createTempDb>;
const admin: Viewer = { kind: 'user', id: 'u-admin', name: 'Ada', email: 'ada@x.example', role: 'admin' };
const manager: Viewer = { kind: 'user', id: 'u-boss', name: 'Mona', email: 'mona@x.example', role: 'manager' };

beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const labels = () =>
  listQualificationItems(temp.db).map((item) => `${item.label}${item.archivedAt ? ' (archived)' : ''}`);
const idOf = (label: string) => listQualificationItems(temp.db).find((item) => item.label === label)!.id;

describe('the qualification checklist', () => {
  it('starts with BANT, and admins add, edit, reorder, archive and restore items', () => {
    expect(labels()).toEqual(['Budget', 'Authority', 'Need', 'Timeline']);
    const { id } = createQualificationItem(temp.db, admin, SYSTEM_ACTOR, {
      label: '  Champion ',
      hint: '',
      required: false,
    });
    expect(listQualificationItems(temp.db).at(-1)).toMatchObject({
      id,
      label: 'Champion',
      hint: null,
      required: false,
    });

    updateQualificationItem(temp.db, admin, SYSTEM_ACTOR, id, {
      label: 'Champion',
      hint: 'Someone inside pushes for us.',
      required: true,
    });
    expect(listQualificationItems(temp.db).at(-1)).toMatchObject({
      hint: 'Someone inside pushes for us.',
      required: true,
    });

    moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, id, 'up');
    moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Budget'), 'down');
    expect(labels()).toEqual(['Authority', 'Budget', 'Need', 'Champion', 'Timeline']);
    // At the edges, a move is a no-op.
    moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Authority'), 'up');
    moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Timeline'), 'down');
    expect(labels()).toEqual(['Authority', 'Budget', 'Need', 'Champion', 'Timeline']);

    archiveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Budget'));
    expect(labels()).toEqual(['Authority', 'Need', 'Champion', 'Timeline', 'Budget (archived)']);
    // Moving skips archived items.
    moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Need'), 'up');
    expect(labels()).toEqual(['Need', 'Authority', 'Champion', 'Timeline', 'Budget (archived)']);
    expect(() => moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Budget'), 'up')).toThrow(/Restore/);

    restoreQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Budget'));
    expect(labels()).toEqual(['Need', 'Authority', 'Champion', 'Timeline', 'Budget']);

    const actions = temp.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'qualification.item_created',
        'qualification.item_updated',
        'qualification.item_moved',
        'qualification.item_archived',
        'qualification.item_restored',
      ]),
    );
    // Edge moves changed nothing and were not audited.
    expect(actions.filter((action) => action === 'qualification.item_moved')).toHaveLength(3);
  });

  it('is for admins only, and names each bad field', () => {
    expect(() => createQualificationItem(temp.db, manager, SYSTEM_ACTOR, { label: 'X', required: true })).toThrow(
      /role/,
    );
    expect(() => archiveQualificationItem(temp.db, manager, SYSTEM_ACTOR, idOf('Need'))).toThrow(/role/);
    try {
      createQualificationItem(temp.db, admin, SYSTEM_ACTOR, { label: ' ', hint: 'x'.repeat(301), required: 'yes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'invalid_input',
        details: [{ field: 'label' }, { field: 'hint' }, { field: 'required' }],
      });
    }
    expect(() => updateQualificationItem(temp.db, admin, SYSTEM_ACTOR, 999, { label: 'X', required: true })).toThrow(
      /No checklist item/,
    );
    expect(() => moveQualificationItem(temp.db, admin, SYSTEM_ACTOR, idOf('Need'), 'sideways')).toThrow(/attention/);
  });
});
