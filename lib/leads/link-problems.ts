// A /leads link the list cannot use, told in the words of the page: which filter, what is wrong
// with it, and the address of the same list without it. (GET /api/leads keeps the parameter
// names and the precise messages: its readers are programs.)
import { LEAD_STAGES, LEAD_STATUSES, stageLabel, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import type { ErrorDetail } from '@/lib/errors';
import { COLUMN_LABELS } from './columns';
import { LEAD_COLUMNS, MAX_WINDOW } from './list-contract';
import { QUEUE_SECTION_TITLES, QUEUE_SECTIONS } from './queue';
import { SLA_FILTER_LABELS, SLA_FILTERS } from './sla';

const PARAM_LABELS: Record<string, string> = {
  q: 'Search',
  source: 'Source',
  action: 'Action',
  offer: 'Offer',
  status: 'Status',
  stage: 'Stage',
  owner: 'Owner',
  country: 'Country',
  dnc: 'Do not contact',
  reached: 'Reached',
  sla: 'SLA',
  received: 'Received',
  from: 'Received from',
  to: 'Received until',
  includeTest: 'Test leads',
  sort: 'Sort',
  page: 'Page',
  pageSize: 'Rows per page',
  cols: 'Columns',
  ids: 'Selected leads',
  view: 'View',
  section: 'Queue section',
};

const oneOf = (values: readonly string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '');

/** What a known parameter accepts, in words (for the enumerations the menus offer). */
const ACCEPTS: Record<string, string> = {
  status: `a status: ${oneOf(LEAD_STATUSES.map((status) => STATUS_LABELS[status]))}`,
  stage: `a stage: ${oneOf(LEAD_STAGES.map((stage) => stageLabel(stage)))}`,
  sla: `one of: ${oneOf(SLA_FILTERS.map((filter) => SLA_FILTER_LABELS[filter]))}`,
  cols: `columns of the table: ${oneOf(LEAD_COLUMNS.map((column) => COLUMN_LABELS[column]))}`,
  section: `a section of the queue: ${oneOf(QUEUE_SECTIONS.map((section) => QUEUE_SECTION_TITLES[section]))}`,
  sort: 'a column the table sorts by',
  dnc: '“only” or “hide”',
  received: 'today, 7d, 30d, 90d or quarter',
  reached: 'contacted, qualified or won',
  includeTest: 'true or false',
  view: 'queue or all',
};

export type ListProblem = {
  /** The URL parameter, as the API names it. */
  field: string;
  /** The filter as the page names it. */
  label: string;
  message: string;
  /** This list without the parameter. */
  clearHref: string;
};

/** Each problem of a /leads link with its filter's name, a plain sentence and a way to drop it. */
export function describeListProblems(problems: ErrorDetail[], query: URLSearchParams): ListProblem[] {
  const seen = new Set<string>();
  return problems.flatMap((problem) => {
    const param = problem.field.split('.')[0] ?? problem.field;
    if (seen.has(param)) return [];
    seen.add(param);
    const label = PARAM_LABELS[param];
    const without = new URLSearchParams(query);
    without.delete(param);
    // A bad page size also makes the page number meaningless.
    if (param === 'pageSize') without.delete('page');
    const clearHref = without.size ? `/leads?${without}` : '/leads';
    if (!label) {
      return [{ field: param, label: `“${param}”`, message: 'is not a filter this list has.', clearHref }];
    }
    return [{ field: param, label, message: plainMessage(param, problem.message), clearHref }];
  });
}

function plainMessage(param: string, message: string): string {
  if (ACCEPTS[param] && /must be one of|is not one of|invalid/i.test(message)) {
    return `has a value the list does not know. It takes ${ACCEPTS[param]}.`;
  }
  if (param === 'page' && message.startsWith('pages reach')) {
    return `goes past the first ${MAX_WINDOW.toLocaleString('en')} leads. Narrow the filters or sort the other way to reach the rest.`;
  }
  const plain = message.replaceAll('`', '');
  return `${plain.charAt(0).toLowerCase()}${plain.slice(1)}${plain.endsWith('.') ? '' : '.'}`;
}
