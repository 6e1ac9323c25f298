import Form from 'next/form';
import Link from 'next/link';
import { DAY_INPUT } from '@/components/time/date-time-field';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/form';
import { DELIVERIES_PATH, type DeliverySearch } from '@/lib/deliveries/search-params';
import { DELIVERY_OUTCOME_LABELS, DELIVERY_OUTCOMES } from '@/lib/deliveries/vocabulary';

/** A GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function DeliveryFilterForm({ search }: { search: DeliverySearch }) {
  return (
    <Form
      key={JSON.stringify(search)}
      action={DELIVERIES_PATH}
      aria-label="Filter the delivery log"
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <SelectField id="delivery-outcome" label="Outcome" name="outcome" defaultValue={search.outcome ?? ''}>
        <option value="">Any outcome</option>
        {DELIVERY_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {DELIVERY_OUTCOME_LABELS[outcome]}
          </option>
        ))}
      </SelectField>
      <Field
        id="delivery-offer"
        label="Offer contains"
        name="offer"
        maxLength={200}
        defaultValue={search.offer ?? ''}
      />
      <Field id="delivery-from" label="From" name="from" {...DAY_INPUT} defaultValue={search.from ?? ''} />
      <Field id="delivery-to" label="To (inclusive)" name="to" {...DAY_INPUT} defaultValue={search.to ?? ''} />
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="ghost">
          <Link href={DELIVERIES_PATH}>Clear</Link>
        </Button>
      </div>
    </Form>
  );
}
