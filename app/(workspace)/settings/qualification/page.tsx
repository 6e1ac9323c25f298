import type { Metadata } from 'next';
import { AddQualificationItemForm, QualificationItemList } from '@/components/qualification/checklist-editor';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePageViewer } from '@/lib/auth/viewer';
import { listQualificationItems } from '@/lib/qualification/queries';

export const metadata: Metadata = { title: 'Qualification' };

export default async function QualificationSettingsPage() {
  await requirePageViewer('workspace:admin');
  const items = listQualificationItems(getDb());
  const current = items.filter((item) => !item.archivedAt);
  const archived = items.filter((item) => item.archivedAt);

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="checklist-title">
        <CardHeader>
          <CardTitle id="checklist-title">Qualification checklist</CardTitle>
          <CardDescription>
            Reps check these on each lead. A lead can be marked qualified only when every required item is checked.
            Archiving an item hides it from leads and stops it counting; checks already made are kept.
          </CardDescription>
        </CardHeader>
        <QualificationItemList items={current} empty="No items: any lead can be marked qualified. Add one below." />
      </Card>
      <Card aria-labelledby="add-item-title">
        <CardHeader>
          <CardTitle id="add-item-title">Add item</CardTitle>
        </CardHeader>
        <CardContent>
          <AddQualificationItemForm />
        </CardContent>
      </Card>
      {archived.length ? (
        <Card aria-labelledby="archived-title">
          <CardHeader>
            <CardTitle id="archived-title">Archived</CardTitle>
            <CardDescription>Restoring an item puts it back at the end of the checklist.</CardDescription>
          </CardHeader>
          <QualificationItemList items={archived} empty="" />
        </Card>
      ) : null}
    </div>
  );
}
