import { canonicalAction, canonicalSource } from './vocabulary';

export type ParsedLeadSource = {
  source: string | null;
  action: string | null;
  publisherId: string | null;
  offerId: string | null;
};

const blankToNull = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Parses Microsoft's `LeadSource` (`Source-Action|publisherid.offerid`).
 * Split on the last `|` (offer ids never contain one, but a sloppy sender might put one earlier),
 * then the left part on the first `-` (source tokens have none; offer ids and actions may).
 * When LeadSource carries the source alone, the action comes from `ActionCode`.
 * Unknown tokens are kept as they came; known ones get their canonical spelling.
 */
export function parseLeadSource(leadSource: string | null | undefined, actionCode?: string | null): ParsedLeadSource {
  const raw = leadSource ?? '';
  const bar = raw.lastIndexOf('|');
  const sourceAndAction = bar === -1 ? raw : raw.slice(0, bar);
  const offer = bar === -1 ? null : blankToNull(raw.slice(bar + 1));

  const dash = sourceAndAction.indexOf('-');
  const sourceToken = blankToNull(dash === -1 ? sourceAndAction : sourceAndAction.slice(0, dash));
  const actionToken = dash === -1 ? null : blankToNull(sourceAndAction.slice(dash + 1));
  const action = actionToken ?? blankToNull(actionCode);

  let publisherId: string | null = null;
  let offerId: string | null = offer;
  if (offer) {
    // Each half is trimmed too (`contoso . crm` is contoso's crm); a blank half means no split.
    const dot = offer.indexOf('.');
    const publisher = dot === -1 ? null : blankToNull(offer.slice(0, dot));
    const id = dot === -1 ? null : blankToNull(offer.slice(dot + 1));
    if (publisher && id) {
      publisherId = publisher;
      offerId = id;
    }
  }

  return {
    source: sourceToken === null ? null : canonicalSource(sourceToken),
    action: action === null ? null : canonicalAction(action),
    publisherId,
    offerId,
  };
}
