import { Users } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { UserSummary } from '@/lib/auth/users';
import { formatDateTimeFull } from '@/lib/format';
import { viewerTimeZone } from '@/lib/preferences/time-zone';
import { RelativeTime, ScrollTable, TBody, Td, Th, THead, TimeCell } from './table';
import { ResetPasswordControl, UserRoleControl, UserStatusControl } from './user-row-controls';

export async function UsersTable({ users, viewerId }: { users: UserSummary[]; viewerId: string }) {
  const timeZone = await viewerTimeZone();
  if (users.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-5 py-10 text-center">
        <Users className="size-8 text-slate-400" aria-hidden />
        <p className="font-medium">No users yet</p>
      </div>
    );
  }
  return (
    <ScrollTable label="Users" minWidth="min-w-[60rem]">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Last sign-in</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {users.map((user) => {
          const isSelf = user.id === viewerId;
          const row = { id: user.id, name: user.name, email: user.email, role: user.role };
          return (
            <tr key={user.id} className={user.disabledAt ? 'text-slate-500 dark:text-slate-400' : undefined}>
              <Td className="font-medium">
                <span className="break-words">{user.name}</span>
                {isSelf ? (
                  <Badge tone="brand" className="ml-2">
                    You
                  </Badge>
                ) : null}
              </Td>
              <Td className="break-all">{user.email}</Td>
              <Td>
                {/* Keyed by role so the control starts over once the saved role comes back. */}
                <UserRoleControl key={`${user.id}:${user.role}`} user={row} isSelf={isSelf} />
              </Td>
              <Td>
                {user.disabledAt ? (
                  <Badge tone="neutral" title={`Disabled ${formatDateTimeFull(user.disabledAt, timeZone)}`}>
                    Disabled
                  </Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </Td>
              <Td>
                <TimeCell date={user.createdAt} />
              </Td>
              <Td>
                <RelativeTime date={user.lastSignInAt} />
              </Td>
              <Td>
                <div className="flex items-center justify-end gap-2">
                  <ResetPasswordControl user={row} isSelf={isSelf} />
                  <UserStatusControl user={row} disabled={Boolean(user.disabledAt)} isSelf={isSelf} />
                </div>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </ScrollTable>
  );
}
