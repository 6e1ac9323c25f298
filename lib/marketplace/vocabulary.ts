// The one home for Microsoft's marketplace vocabulary: source tokens, action codes, the
// acquisition stages they map to, and the nurture statuses a rep moves a lead through.
// Unknown tokens are never rejected: they are kept as they came and shown as they are.

export const LEAD_SOURCES = ['AzureMarketplace', 'AzurePortal', 'SPZA', 'TestDrive'] as const;
export type KnownLeadSource = (typeof LEAD_SOURCES)[number];

export const SOURCE_LABELS: Record<KnownLeadSource, string> = {
  AzureMarketplace: 'Azure Marketplace',
  AzurePortal: 'Azure portal',
  SPZA: 'AppSource',
  TestDrive: 'Test drive',
};

export const LEAD_ACTIONS = ['PLT', 'StartTestDrive', 'INS', 'Create', 'DNC'] as const;
export type KnownLeadAction = (typeof LEAD_ACTIONS)[number];

export const ACTION_LABELS: Record<KnownLeadAction, string> = {
  PLT: 'Contact me',
  StartTestDrive: 'Test drive',
  INS: 'Get it now',
  Create: 'Azure portal',
  DNC: 'Do not contact',
};

/** Acquisition stages, lowest first. A lead's stage only ever moves up. */
export const LEAD_STAGES = ['dnc', 'contact_me', 'test_drive', 'acquired'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const STAGE_LABELS: Record<LeadStage, string> = {
  dnc: 'Do not contact',
  contact_me: 'Contact me',
  test_drive: 'Test drive',
  acquired: 'Get it now / Create',
};

const ACTION_STAGE: Record<KnownLeadAction, LeadStage> = {
  DNC: 'dnc',
  PLT: 'contact_me',
  StartTestDrive: 'test_drive',
  INS: 'acquired',
  Create: 'acquired',
};

/** Nurture statuses in the order a lead normally moves through them. */
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'nurturing', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  nurturing: 'Nurturing',
  won: 'Won',
  lost: 'Lost',
};

function canonicalLookup<T extends string>(values: readonly T[]): Map<string, T> {
  return new Map(values.map((value) => [value.toLowerCase(), value]));
}
const sourceByLower = canonicalLookup(LEAD_SOURCES);
const actionByLower = canonicalLookup(LEAD_ACTIONS);

/** Known tokens get their canonical spelling (`spza` → `SPZA`); unknown ones stay as they came. */
export function canonicalSource(token: string): string {
  return sourceByLower.get(token.toLowerCase()) ?? token;
}

export function canonicalAction(token: string): string {
  return actionByLower.get(token.toLowerCase()) ?? token;
}

export function isKnownSource(token: string | null | undefined): token is KnownLeadSource {
  return token != null && (LEAD_SOURCES as readonly string[]).includes(token);
}

export function isKnownAction(token: string | null | undefined): token is KnownLeadAction {
  return token != null && (LEAD_ACTIONS as readonly string[]).includes(token);
}

export function sourceLabel(token: string | null | undefined): string {
  if (!token) return 'Unknown source';
  return isKnownSource(token) ? SOURCE_LABELS[token] : token;
}

export function actionLabel(token: string | null | undefined): string {
  if (!token) return 'Unknown action';
  return isKnownAction(token) ? ACTION_LABELS[token] : token;
}

export function stageLabel(stage: string | null | undefined): string {
  return stage && (LEAD_STAGES as readonly string[]).includes(stage) ? STAGE_LABELS[stage as LeadStage] : '—';
}

/** The acquisition stage an action reaches, or null for unknown actions (they never move a lead). */
export function stageOfAction(action: string | null | undefined): LeadStage | null {
  return isKnownAction(action) ? ACTION_STAGE[action] : null;
}

export function stageRank(stage: string | null | undefined): number {
  return stage ? LEAD_STAGES.indexOf(stage as LeadStage) : -1;
}

/** The higher of two stages; an unknown or missing stage never lowers a known one. */
export function higherStage(current: LeadStage | null, next: LeadStage | null): LeadStage | null {
  if (next === null) return current;
  if (current === null) return next;
  return stageRank(next) > stageRank(current) ? next : current;
}
