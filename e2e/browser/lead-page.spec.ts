// The lead page: the customer, the journey with raw payloads, do-not-contact, claim and status,
// touches, follow-ups, the qualification checklist, previous/next and keyboard shortcuts.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, PEOPLE, signInPage as signIn } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

test.use({ storageState: { cookies: [], origins: [] } });

async function newLead(
  request: import('@playwright/test').APIRequestContext,
  userDetails: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
) {
  const response = await postLead(request, JSON.stringify(uniqueLead(overrides, userDetails)));
  expect(response.status()).toBe(201);
  return (await response.json()).leadId as number;
}

/** One figure of the activity strip under the lead's name ("Touches", "Last touch", …). */
const stat = (page: Page, label: string) =>
  page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

test('a rep claims a lead, is asked to confirm closing it as lost with no touches, and the history shows who did it', async ({
  page,
  request,
}) => {
  const lead = uniqueLead({ Description: 'Line one\nLine <b>two</b>' }, { FirstName: 'Jordan', LastName: 'Journey' });
  const created = await (await postLead(request, JSON.stringify(lead))).json();
  await postLead(
    request,
    JSON.stringify({
      ...lead,
      LeadSource: lead.LeadSource.replace('SPZA-PLT', 'SPZA-StartTestDrive'),
      ActionCode: 'StartTestDrive',
    }),
  );

  await signIn(page, PEOPLE.rep1.email);
  await page.goto(`/leads/${created.leadId}`);
  await expect(page.getByRole('heading', { name: 'Jordan Journey' })).toBeVisible();
  const journey = page.getByRole('list', { name: 'Journey' });
  await expect(journey.getByRole('listitem')).toHaveCount(2);
  // Customer text is text: line breaks kept, markup shown, never run.
  await expect(journey.getByRole('paragraph').filter({ hasText: 'Line <b>two</b>' }).first()).toBeVisible();
  expect(await journey.locator('b').count()).toBe(0);
  await journey.getByText('Raw payload as received').first().click();
  await expect(journey.locator('pre').first()).toContainText('"LeadSource"');

  await page.getByRole('button', { name: 'Claim this lead' }).click();
  await expect(page.getByText('You now work this lead.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('lost');
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByText('Say why the lead was lost.')).toBeVisible();
  await page.getByLabel('Why was it lost?').fill('Went with an on-premises tool');
  await page.getByRole('button', { name: 'Save status' }).click();

  // Fewer than three touches: the page asks first, and "Keep it open" changes nothing.
  const ask = page
    .getByRole('alert')
    .filter({ hasText: 'Only 0 touches so far. Microsoft suggests a few emails before closing. Close anyway?' });
  await expect(ask).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close anyway' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it open' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText('New since')).toBeVisible();

  await page.getByLabel('Status', { exact: true }).selectOption('lost');
  await page.getByLabel('Why was it lost?').fill('Went with an on-premises tool');
  await page.getByRole('button', { name: 'Save status' }).click();
  await page.getByRole('button', { name: 'Close anyway' }).click();
  const history = page.getByRole('list', { name: 'Status history' });
  await expect(history).toContainText('New → Lost');
  await expect(history).toContainText('“Went with an on-premises tool”');
  await expect(history).toContainText(PEOPLE.rep1.name);

  // Notes keep line breaks and show markup as text.
  await page.getByLabel('Add a note').fill('Called twice.\n<script>window.__note=1</script> try in Q3');
  await page.getByRole('button', { name: 'Add note' }).click();
  const notes = page.getByRole('list', { name: 'Notes' });
  await expect(notes.getByText('<script>window.__note=1</script> try in Q3')).toBeVisible();
  await expect(notes).toContainText(PEOPLE.rep1.name);
  await expect(page.getByLabel('Add a note')).toHaveValue('');
  expect(await page.evaluate(() => (window as unknown as { __note?: number }).__note)).toBeUndefined();
});

test('logging a touch makes the lead Contacted, counts it and lists it; a follow-up quick pick plans the next step', async ({
  page,
  request,
}) => {
  const id = await newLead(request, { FirstName: 'Tess', LastName: 'Touch' });
  await signIn(page, PEOPLE.rep1.email);
  await page.goto(`/leads/${id}`);
  await expect(page.getByText(/Not touched yet: .+ left of the 24-hour window\./)).toBeVisible();
  await expect(page.getByText('Claim this lead to log touches.')).toBeVisible();
  await page.getByRole('button', { name: 'Claim this lead' }).click();
  await expect(page.getByText('You now work this lead.')).toBeVisible();

  const form = page.locator('#log-touch');
  await form.getByText('Call', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Call' })).toBeChecked();
  await page.getByLabel('Note (optional)').fill('Left a voicemail.\nCall back <b>Friday</b>');
  await page.getByRole('button', { name: 'Log touch' }).click();
  await expect(page.getByText('Touch logged. The lead is now Contacted.')).toBeVisible();

  await expect(stat(page, 'Touches')).toHaveText('1');
  await expect(page.getByText(/^First touch (less than a minute|\d+ min) after the lead arrived\.$/)).toBeVisible();
  const touches = page.getByRole('list', { name: 'Touches' });
  await expect(touches.getByRole('listitem')).toHaveCount(1);
  await expect(touches).toContainText('Call');
  await expect(touches).toContainText(PEOPLE.rep1.name);
  await expect(touches.getByText('Call back <b>Friday</b>')).toBeVisible();
  expect(await touches.locator('b').count()).toBe(0);
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('New → Contacted');
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText(PEOPLE.rep1.name);
  // The form is ready for the next one.
  await expect(page.getByLabel('Note (optional)')).toHaveValue('');

  // Tomorrow 9:00 in the browser's time zone.
  const expected = await page.evaluate(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9).toISOString();
  });
  const followUp = page.getByRole('region', { name: 'Next follow-up' });
  await expect(followUp).toContainText('None planned');
  await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
  await expect(page.getByRole('button', { name: 'Clear follow-up' })).toBeVisible();
  await expect(followUp.locator('time')).toHaveAttribute('datetime', expected);
  await expect(stat(page, 'Next follow-up')).not.toHaveText('None planned');
  const saved = await (await page.request.get(`/api/leads/${id}`)).json();
  expect(saved.nextFollowUpAt).toBe(expected);

  await page.getByRole('button', { name: 'Clear follow-up' }).click();
  await expect(followUp).toContainText('None planned');
  await expect(stat(page, 'Next follow-up')).toHaveText('None planned');

  // The rep hands the lead back to the pool.
  await page.getByRole('button', { name: 'Release lead' }).click();
  await expect(page.getByText('Lead released: anyone can claim it now.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claim this lead' })).toBeVisible();
});

test('qualified needs every required checklist item; checking them unlocks it', async ({ page, request }) => {
  const id = await newLead(request, { FirstName: 'Quinn', LastName: 'Qualify' });
  await signIn(page, PEOPLE.manager.email);
  await page.goto(`/leads/${id}`);

  await page.getByLabel('Status', { exact: true }).selectOption('qualified');
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(
    page.getByText(/Check every required qualification item first\. Missing: .*Budget.*Timeline/),
  ).toBeVisible();

  const checklist = page.getByRole('list', { name: 'Qualification checklist' });
  const required = checklist.getByRole('listitem').filter({ hasText: 'Required' });
  const count = await required.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let index = 0; index < count; index++) {
    await required.nth(index).getByRole('checkbox').check();
    await expect(required.nth(index)).toContainText(`Checked by ${PEOPLE.manager.name}`);
  }
  await expect(page.getByText(`All ${count} required items checked: ready to mark as qualified.`)).toBeVisible();

  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('New → Qualified');

  // Unchecking is kept too (the row forgets who checked it).
  await required.first().getByRole('checkbox').uncheck();
  await expect(required.first()).not.toContainText('Checked by');
});

test('another rep’s lead page does not exist; a do-not-contact lead turns off contact, touches and follow-ups', async ({
  page,
  request,
}) => {
  const taken = await newLead(request);
  const dncLead = await newLead(request, {}, { LeadSource: `SPZA-DNC|contoso.dnc-${Date.now()}`, ActionCode: 'DNC' });

  await signIn(page, PEOPLE.rep1.email);
  await page.goto(`/leads/${taken}`);
  await page.getByRole('button', { name: 'Claim this lead' }).click();
  await expect(page.getByText('You now work this lead.')).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, PEOPLE.rep2.email);
  const response = await page.goto(`/leads/${taken}`);
  expect(response?.status()).toBe(404);

  await page.goto(`/leads/${dncLead}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Do not contact.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email' })).toHaveCount(0);
  await expect(page.getByText('Email (do not contact)')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Touch logging is turned off: this customer asked not to be contacted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log touch' })).toHaveCount(0);
  await page.context().clearCookies();

  // A manager works any lead, but not this one's contact side.
  await signIn(page, PEOPLE.manager.email);
  await page.goto(`/leads/${dncLead}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Do not contact.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log touch' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Email' })).toBeDisabled();
  await expect(page.getByText('Follow-ups are turned off: this customer asked not to be contacted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tomorrow 9:00' })).toBeDisabled();
  await expect(page.getByLabel('Follow-up date')).toBeDisabled();
  await expect(page.getByLabel('Follow-up time')).toBeDisabled();
  // Notes and status still work: the lead stays on record.
  await expect(page.getByLabel('Add a note')).toBeEnabled();
});

test('previous/next walk the list the lead was opened from, with keyboard shortcuts that leave typing alone', async ({
  page,
  request,
}) => {
  const token = `pager${Date.now().toString(36)}`;
  const older = await newLead(request, { Company: `${token} Older` });
  const newer = await newLead(request, { Company: `${token} Newer` });
  const query = `q=${token}`;
  const at = (id: number) => new RegExp(`/leads/${id}\\?${query}$`);
  await signIn(page, PEOPLE.manager.email);

  // Newest first (the list's default order): the newer lead leads the list.
  await page.goto(`/leads/${newer}?${query}`);
  const pager = page.getByRole('navigation', { name: 'Leads in this list' });
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveAttribute('href', `/leads/${older}?${query}`);
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to list' })).toHaveAttribute('href', `/leads?${query}`);

  await page.keyboard.press('j');
  await expect(page).toHaveURL(at(older));
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', `/leads/${newer}?${query}`);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(at(newer));

  // Focus shortcuts.
  await page.keyboard.press('t');
  await expect(page.getByRole('radio', { name: 'Email' })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByLabel('Status', { exact: true })).toBeFocused();
  await page.keyboard.press('n');
  // Keys typed into a field stay there.
  await page.getByLabel('Add a note').focus();
  await page.keyboard.type('jk?');
  await expect(page.getByLabel('Add a note')).toHaveValue('jk?');
  await expect(page).toHaveURL(at(newer));

  await page.getByLabel('Add a note').blur();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Add a note')).toBeFocused();
  await page.getByLabel('Add a note').blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Log a touch');
  // Shortcuts sleep while the dialog is open.
  await page.keyboard.press('j');
  await expect(page).toHaveURL(at(newer));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // A broken list query keeps the page working, without previous/next.
  await page.goto(`/leads/${newer}?sort=nonsense`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Leads in this list' })).toHaveCount(0);
});

test('an admin edits the qualification checklist: add, edit, reorder, archive, restore — all audited', async ({
  page,
}) => {
  const label = `Champion ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/settings/qualification');
  await expect(page.getByRole('link', { name: 'Qualification' })).toHaveAttribute('aria-current', 'page');

  // A bad form names the field. The item is optional, so it never blocks other tests' leads.
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByText('Enter a label.')).toBeVisible();
  await page.getByLabel('Label').fill(label);
  await page.getByLabel('Hint').fill('Someone inside pushes for us.');
  await page.getByLabel('Required').uncheck();
  await page.getByRole('button', { name: 'Add item' }).click();
  const items = page.getByRole('list', { name: 'Checklist items' });
  const row = items.getByRole('listitem').filter({ hasText: label });
  await expect(row).toContainText('Optional');
  await expect(row).toContainText('Someone inside pushes for us.');

  await row.getByRole('button', { name: `Edit ${label}` }).click();
  await page
    .getByRole('form', { name: `Edit ${label}` })
    .getByLabel('Label')
    .fill(`${label} (edited)`);
  await page.getByRole('button', { name: 'Save item' }).click();
  const edited = items.getByRole('listitem').filter({ hasText: `${label} (edited)` });
  await expect(edited).toBeVisible();

  const position = async () =>
    (await items.getByRole('listitem').allTextContents()).findIndex((text) => text.includes(label));
  const before = await position();
  await edited.getByRole('button', { name: `Move ${label} (edited) up` }).click();
  await expect.poll(position).toBe(before - 1);

  await edited.getByRole('button', { name: `Archive ${label} (edited)` }).click();
  const archived = page.getByRole('list', { name: 'Archived items' });
  await expect(archived).toContainText(`${label} (edited)`);
  await expect(items).not.toContainText(label);
  await archived.getByRole('button', { name: `Restore ${label} (edited)` }).click();
  await expect(items).toContainText(`${label} (edited)`);
  // Leave the shared checklist as it was.
  await items.getByRole('button', { name: `Archive ${label} (edited)` }).click();
  await expect(archived).toContainText(`${label} (edited)`);

  // Each change is in the audit log, under its own action.
  const actions = {
    'qualification.item_created': 'Qualification item added',
    'qualification.item_updated': 'Qualification item edited',
    'qualification.item_moved': 'Qualification item moved',
    'qualification.item_archived': 'Qualification item archived',
    'qualification.item_restored': 'Qualification item restored',
  };
  for (const [action, text] of Object.entries(actions)) {
    await page.goto(`/settings/audit?action=${action}`);
    await expect(page.getByRole('region', { name: 'Audit log entries' }).getByText(text).first()).toBeVisible();
  }
});
