import type { Metadata } from 'next';
import { AddUserForm } from '@/components/settings/add-user-form';
import { UsersTable } from '@/components/settings/users-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { listUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { formatCount } from '@/lib/format';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersSettingsPage() {
  const viewer = await requirePageViewer('workspace:admin');
  const users = listUsers(getDb());
  const active = users.filter((user) => !user.disabledAt).length;

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="users-title">
        <CardHeader>
          <CardTitle id="users-title">Users</CardTitle>
          <CardDescription>
            {formatCount(active)} active of {formatCount(users.length)}. A disabled user is signed out at once and
            cannot sign in; their leads stay assigned to them. Role changes apply at once. Reset password gives someone
            a temporary password, shown once, that they replace at their next sign-in.
          </CardDescription>
        </CardHeader>
        <UsersTable users={users} viewerId={viewer.id} />
      </Card>
      <Card aria-labelledby="add-user-title">
        <CardHeader>
          <CardTitle id="add-user-title">Add user</CardTitle>
          <CardDescription>They sign in with this email and password.</CardDescription>
        </CardHeader>
        <CardContent>
          <AddUserForm />
        </CardContent>
      </Card>
    </div>
  );
}
