// Realistic demo and scale data: marketplace deliveries as Microsoft would send them, spread over
// sources, actions, offers, countries and a time window, with multi-step journeys, people
// interested in several offers, a few Do-not-contact notices and Partner Center test leads.

export type SeedDelivery = { body: Record<string, unknown>; receivedAt: Date };

type Person = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  country: string;
  company: string;
  title: string;
};

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  ['Éva', 'eva'],
  ['Ana', 'ana'],
  ['John', 'john'],
  ['Kenji', 'kenji'],
  ['Chloe', 'chloe'],
  ['Lars', 'lars'],
  ['Priya', 'priya'],
  ['Mateo', 'mateo'],
  ['Fatima', 'fatima'],
  ['Liam', 'liam'],
  ['Sofia', 'sofia'],
  ['Noah', 'noah'],
  ['Zoë', 'zoe'],
  ['Jürgen', 'juergen'],
  ['Olusegun', 'olusegun'],
  ['Mei', 'mei'],
  ['Lei', 'lei'],
  ['Aarav', 'aarav'],
  ['Emma', 'emma'],
  ['Lucas', 'lucas'],
  ['Ingrid', 'ingrid'],
  ['Carlos', 'carlos'],
  ['Amara', 'amara'],
  ['Hiroshi', 'hiroshi'],
  ['Nadia', 'nadia'],
  ['Oliver', 'oliver'],
  ['François', 'francois'],
  ['Siobhán', 'siobhan'],
  ['Dmitri', 'dmitri'],
  ['Yasmin', 'yasmin'],
] as const;
const LAST = [
  ['Kovács', 'kovacs'],
  ['Silva', 'silva'],
  ['Smith', 'smith'],
  ['Sato', 'sato'],
  ['Martin', 'martin'],
  ['Berg', 'berg'],
  ['Sharma', 'sharma'],
  ['García', 'garcia'],
  ['Haddad', 'haddad'],
  ['O’Brien', 'obrien'],
  ['Rossi', 'rossi'],
  ['Müller', 'mueller'],
  ['Nguyen', 'nguyen'],
  ['Okafor', 'okafor'],
  ['Wang', 'wang'],
  ['Li', 'li'],
  ['Patel', 'patel'],
  ['Johansson', 'johansson'],
  ['Dubois', 'dubois'],
  ['Novak', 'novak'],
  ['Tanaka', 'tanaka'],
  ['Kowalski', 'kowalski'],
  ['Andersen', 'andersen'],
  ['Fernández', 'fernandez'],
  ['李', 'li'],
  ['Nakamura', 'nakamura'],
  ['Ivanova', 'ivanova'],
  ['Costa', 'costa'],
  ['Schmidt', 'schmidt'],
  ['Van der Berg', 'vanderberg'],
] as const;
const COMPANIES = [
  ['Contoso', 'contoso.example'],
  ['Fabrikam', 'fabrikam.example'],
  ['Northwind Traders', 'northwind.example'],
  ['Tailspin Toys', 'tailspin.example'],
  ['Litware', 'litware.example'],
  ['Adventure Works', 'adventure-works.example'],
  ['Wide World Importers', 'wideworld.example'],
  ['Woodgrove Bank', 'woodgrove.example'],
  ['Proseware', 'proseware.example'],
  ['Fourth Coffee', 'fourthcoffee.example'],
  ['Alpine Ski House', 'alpineski.example'],
  ['Coho Winery', 'cohowinery.example'],
  ['Trey Research', 'treyresearch.example'],
  ['Lucerne Publishing', 'lucerne.example'],
  ['Margie’s Travel', 'margiestravel.example'],
  ['Blue Yonder Airlines', 'blueyonder.example'],
  ['Humongous Insurance', 'humongous.example'],
  ['Graphic Design Institute', 'gdi.example'],
  ['School of Fine Art', 'fineart.example'],
  ['Relecloud', 'relecloud.example'],
] as const;
const TITLES = [
  'CTO',
  'CIO',
  'IT Manager',
  'Cloud Architect',
  'Head of Sales Operations',
  'DevOps Engineer',
  'Procurement Lead',
  'VP Engineering',
  'Data Platform Lead',
  'Security Officer',
  'Finance Director',
  'Solutions Architect',
  'Consultant',
  '',
] as const;
/**
 * Countries weighted by how often they appear, in the spellings Microsoft's deliveries use (codes
 * of two and three letters, now and then a name); intake stores them all as alpha-2 codes.
 */
const COUNTRIES = [
  ['US', 30],
  ['USA', 3],
  ['United States', 1],
  ['GB', 7],
  ['UK', 1],
  ['DE', 7],
  ['Germany', 1],
  ['FR', 5],
  ['JP', 5],
  ['IN', 7],
  ['BR', 4],
  ['CA', 4],
  ['AU', 3],
  ['NL', 3],
  ['SE', 2],
  ['HU', 2],
  ['PT', 2],
  ['ES', 3],
  ['IT', 3],
  ['CN', 2],
  ['SG', 2],
  ['ZA', 1],
  ['MX', 2],
] as const;
const OFFERS = [
  ['contoso', 'crm-suite', 'Contoso CRM Suite'],
  ['contoso', 'analytics-pro', 'Contoso Analytics Pro'],
  ['fabrikam', 'secure-gateway-byol', 'Fabrikam Secure Gateway (BYOL)'],
  ['fabrikam', 'backup-vault', 'Fabrikam Backup Vault'],
  ['northwind', 'erp-connector', 'Northwind ERP Connector'],
  ['docusign', '3701c77e-1cfa-4c56-91e6-3ed0b622145a', 'DocuSign eSignature'],
  ['bitnami', 'openedxcypress', 'Open edX Cypress'],
  ['checkpoint', 'check-point-r77-10sg-byol', 'Check Point CloudGuard'],
  ['litware', 'teams-helpdesk', 'Litware Helpdesk for Teams'],
  ['proseware', 'doc-ai', 'Proseware Document AI'],
  ['trey', 'lab-notebook', 'Trey Lab Notebook'],
  ['relecloud', 'media-cdn', 'Relecloud Media CDN'],
  ['woodgrove', 'payments-api', 'Woodgrove Payments API'],
  ['lucerne', 'publishing-cloud', 'Lucerne Publishing Cloud'],
  ['alpine', 'booking-engine', 'Alpine Booking Engine'],
  ['coho', 'supply-tracker', 'Coho Supply Tracker'],
  ['tailspin', 'kiosk-manager', 'Tailspin Kiosk Manager'],
  ['humongous', 'claims-automation', 'Humongous Claims Automation'],
  ['blueyonder', 'crew-scheduler', 'Blue Yonder Crew Scheduler'],
  ['fourthcoffee', 'pos-sync', 'Fourth Coffee POS Sync'],
  ['gdi', 'creative-suite', 'GDI Creative Suite'],
  ['wideworld', 'customs-hub', 'Wide World Customs Hub'],
  ['adventureworks', 'field-service', 'Adventure Works Field Service'],
  ['margie', 'travel-desk', 'Margie’s Travel Desk'],
] as const;
const NOTES = [
  'Looking for a 50-seat rollout next quarter',
  'Please call me about pricing for our EU subsidiaries',
  'We need SSO with Entra ID and an on-prem connector',
  'Evaluating against two competitors, decision in 6 weeks',
  'Campaigns: ',
  ' ',
  '',
  'Interested in a proof of concept',
  'Do you offer a non-profit discount?',
] as const;

/** Journeys a customer takes for one offer, each with its weight. */
const JOURNEYS: [source: string, actions: string[], weight: number][] = [
  ['SPZA', ['PLT'], 30],
  ['AzureMarketplace', ['INS'], 18],
  ['SPZA', ['INS'], 8],
  ['AzurePortal', ['Create'], 8],
  ['TestDrive', ['StartTestDrive'], 5],
  ['SPZA', ['PLT', 'StartTestDrive'], 8],
  ['SPZA', ['PLT', 'StartTestDrive', 'INS'], 6],
  ['AzureMarketplace', ['StartTestDrive', 'INS'], 5],
  ['AzureMarketplace', ['INS', 'Create'], 3],
  ['SPZA', ['DNC'], 1],
];

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[] | [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * Yields deliveries for `count` leads (a lead is one person and one offer; its journey may hold
 * several deliveries), received within the last `days` days before `now`.
 */
export function* generateDeliveries(options: {
  count: number;
  seed?: number;
  now?: Date;
  days?: number;
}): Generator<SeedDelivery> {
  const random = createRandom(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const span = (options.days ?? 365) * 86_400_000;
  const people: Person[] = [];

  for (let index = 0; index < options.count; index++) {
    const [publisher, offerId, offerTitle] = pick(random, OFFERS);
    const roll = random();

    if (roll < 0.001) {
      // A Partner Center "Validate" test lead.
      const marker = `MSFT_TEST_${636573304831318844n + BigInt(index)}`;
      yield {
        receivedAt: new Date(now - Math.floor(random() * span)),
        body: {
          userDetails: {
            FirstName: marker,
            LastName: marker,
            Email: `${marker}@test.com`,
            Phone: '1234567890',
            Country: 'US',
            Company: marker,
            Title: marker,
          },
          LeadSource: 'AzureMarketplace',
          ActionCode: 'INS',
          OfferTitle: offerTitle,
          Description: marker,
        },
      };
      continue;
    }

    // Some people come back for another offer; most are new.
    let person: Person;
    if (people.length > 100 && roll < 0.05) {
      person = pick(random, people);
    } else {
      const [first, firstAscii] = pick(random, FIRST);
      const [last, lastAscii] = pick(random, LAST);
      const [company, domain] = pick(random, COMPANIES);
      person = {
        firstName: first,
        lastName: last,
        email: `${firstAscii}.${lastAscii}${index.toString(36)}@${domain}`,
        phone: random() < 0.3 ? '' : `+${1 + Math.floor(random() * 98)} ${Math.floor(1e8 + random() * 9e8)}`,
        country: weighted(random, COUNTRIES),
        company,
        title: pick(random, TITLES),
      };
      if (people.length < 5000) people.push(person);
      else people[Math.floor(random() * people.length)] = person;
    }

    const [source, actions] = weighted(
      random,
      JOURNEYS.map(([s, a, w]) => [[s, a] as const, w] as const),
    );
    // A delivery without an email is never merged, so it only ever makes a one-step journey.
    const noEmail = actions.length === 1 && random() < 0.005;
    let at = now - Math.floor(random() * span);
    const description = pick(random, NOTES);
    for (const action of actions) {
      yield {
        receivedAt: new Date(Math.min(at, now)),
        body: {
          UserDetails: {
            FirstName: person.firstName,
            LastName: person.lastName,
            Email: noEmail ? '' : person.email,
            Phone: person.phone,
            Country: person.country,
            Company: person.company,
            Title: person.title,
          },
          LeadSource: `${action === 'StartTestDrive' && source !== 'SPZA' ? 'TestDrive' : source}-${action}|${publisher}.${offerId}`,
          ActionCode: action,
          OfferTitle: offerTitle,
          Description: action === 'PLT' ? description : '',
        },
      };
      at += Math.floor(random() * 14 * 86_400_000);
    }
  }
}
