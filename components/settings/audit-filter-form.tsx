import Form from 'next/form';
import Link from 'next/link';
import { DAY_INPUT } from '@/components/time/date-time-field';
import { Button } from '@/components/ui/button';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/log';
import { AUDIT_PATH, type AuditSearch } from '@/lib/audit/search-params';
import { Field, SelectField } from '@/components/ui/form';

export type ActorOption = { id: string; label: string };

const ACTION_GROUPS: { label: string; prefix: string }[] = [
  { label: 'Sign-in', prefix: 'auth.' },
  { label: 'Users', prefix: 'user.' },
  { label: 'API keys', prefix: 'api_key.' },
  { label: 'Webhook keys', prefix: 'intake_key.' },
  { label: 'Leads', prefix: 'lead.' },
  { label: 'Deliveries', prefix: 'delivery.' },
  { label: 'Retention', prefix: 'retention.' },
];
const ACTIONS = Object.entries(AUDIT_ACTIONS) as [AuditAction, string][];

/**
 * A GET form: the filters live in the URL, so a filtered view can be bookmarked and shared, and
 * the form works before JavaScript loads.
 */
export function AuditFilterForm({
  search,
  people,
  apiKeys,
}: {
  search: AuditSearch;
  people: ActorOption[];
  apiKeys: ActorOption[];
}) {
  const grouped = ACTION_GROUPS.map((group) => ({
    ...group,
    actions: ACTIONS.filter(([action]) => action.startsWith(group.prefix)),
  }));
  const ungrouped = ACTIONS.filter(([action]) => !ACTION_GROUPS.some((group) => action.startsWith(group.prefix)));

  return (
    // Keyed by the filters so the fields show the applied values after each navigation.
    <Form
      key={JSON.stringify(search)}
      action={AUDIT_PATH}
      aria-label="Filter the audit log"
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <SelectField id="audit-action" label="What" name="action" defaultValue={search.action ?? ''}>
        <option value="">All actions</option>
        {grouped.map((group) =>
          group.actions.length ? (
            <optgroup key={group.prefix} label={group.label}>
              {group.actions.map(([action, label]) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
        {ungrouped.map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField id="audit-actor" label="Who" name="actor" defaultValue={search.actor ?? ''}>
        <option value="">Anyone</option>
        {people.length ? (
          <optgroup label="People">
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </optgroup>
        ) : null}
        {apiKeys.length ? (
          <optgroup label="API keys">
            {apiKeys.map((key) => (
              <option key={key.id} value={key.id}>
                {key.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <Field id="audit-from" label="From" name="from" {...DAY_INPUT} defaultValue={search.from ?? ''} />
      <Field id="audit-to" label="To (inclusive)" name="to" {...DAY_INPUT} defaultValue={search.to ?? ''} />
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="ghost">
          <Link href={AUDIT_PATH}>Clear</Link>
        </Button>
      </div>
    </Form>
  );
}
