// Runs before the suites: the server made the first admin from ADMIN_EMAIL/ADMIN_PASSWORD; here the
// other people and the API keys are made with the real CLIs, and the admin's session is saved.
import { expect, test as setup } from '@playwright/test';
import { ADMIN, ADMIN_STATE, cli, PASSWORD, PEOPLE, saveApiKeys, signedIn } from '../support/accounts';

setup('people, keys and the admin session', async ({ baseURL }) => {
  await Promise.all(
    Object.values(PEOPLE).map((person) =>
      cli('user', [
        'add',
        '--email',
        person.email,
        '--name',
        person.name,
        '--role',
        person.role,
        '--password',
        PASSWORD,
      ]),
    ),
  );
  const keyOf = async (label: string, role: string) => {
    const stdout = await cli('api-key', ['create', '--label', label, '--role', role]);
    const key = /mla_[A-Za-z0-9_-]+/.exec(stdout)?.[0];
    const id = /\(id (\d+)\)/.exec(stdout)?.[1];
    expect(key && id, stdout).toBeTruthy();
    return { key: key!, id: Number(id) };
  };
  const [reader, manager, revoked] = await Promise.all([
    keyOf('E2E reader', 'reader'),
    keyOf('E2E manager', 'manager'),
    keyOf('E2E revoked', 'reader'),
  ]);
  saveApiKeys({ reader: reader.key, manager: manager.key, revoked: revoked.key, revokedId: revoked.id });
  const admin = await signedIn(baseURL!, ADMIN.email, ADMIN.password);
  await admin.storageState({ path: ADMIN_STATE });
  await admin.dispose();
});
