// Chart colours: fixed per vocabulary token so "Azure Marketplace" is the same colour in every
// chart and every visit; mid tones that read on white and on slate-900 alike.
import { LEAD_ACTIONS, LEAD_SOURCES, type KnownLeadAction, type KnownLeadSource } from '@/lib/marketplace/vocabulary';

export const BRAND = '#5b5bd6';
export const GOOD = '#10b981';
export const MUTED = '#94a3b8';

const PALETTE = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#14b8a6', '#f97316'] as const;

const SOURCE_COLORS: Record<KnownLeadSource, string> = {
  AzureMarketplace: '#0ea5e9',
  AzurePortal: '#6366f1',
  SPZA: '#10b981',
  TestDrive: '#f59e0b',
};

const ACTION_COLORS: Record<KnownLeadAction, string> = {
  PLT: '#6366f1',
  StartTestDrive: '#f59e0b',
  INS: '#10b981',
  Create: '#0ea5e9',
  DNC: '#f43f5e',
};

// Every vocabulary token has a colour (a compile-time check that a new token gets one).
LEAD_SOURCES satisfies readonly (keyof typeof SOURCE_COLORS)[];
LEAD_ACTIONS satisfies readonly (keyof typeof ACTION_COLORS)[];

const STAGE_COLORS: Record<string, string> = {
  contact_me: ACTION_COLORS.PLT,
  test_drive: ACTION_COLORS.StartTestDrive,
  acquired: ACTION_COLORS.INS,
  other: ACTION_COLORS.DNC,
};

/**
 * The colour of a trend series (`source:<token>` or `stage:<stage>`): its vocabulary colour, grey
 * for other sources, else by position.
 */
export function seriesColor(series: string, index: number): string {
  const [kind, key = ''] = series.split(':', 2);
  if (kind === 'stage' && key in STAGE_COLORS) return STAGE_COLORS[key]!;
  if (key in SOURCE_COLORS) return SOURCE_COLORS[key as KnownLeadSource];
  if (key === 'other') return MUTED;
  return PALETTE[index % PALETTE.length] ?? BRAND;
}
