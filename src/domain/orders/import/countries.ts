/**
 * Country cells to ISO 3166-1 alpha-2. Shopify, WooCommerce and Amazon write codes; Etsy
 * writes English names ("United States"); a generic file may hold either, in English or
 * French. Names are matched without case, accents or punctuation. The table covers the
 * countries small sellers ship to most (Europe, North America, Oceania, main Asian and
 * Latin American markets); an unknown name gives '' and the app falls back to the
 * workbook language for that customer.
 */
import { foldAccents } from './values';

const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['US', 'united states|united states of america|usa|u s a|u s|etats unis|etats unis d amerique|america'],
  ['GB', 'united kingdom|uk|u k|great britain|britain|england|scotland|wales|northern ireland|royaume uni|grande bretagne|angleterre|ecosse|pays de galles|irlande du nord'],
  ['CA', 'canada'],
  ['FR', 'france|metropolitan france|france metropolitaine'],
  ['DE', 'germany|deutschland|allemagne'],
  ['BE', 'belgium|belgique|belgie'],
  ['CH', 'switzerland|suisse|schweiz|svizzera'],
  ['LU', 'luxembourg'],
  ['MC', 'monaco'],
  ['NL', 'netherlands|holland|pays bas|nederland'],
  ['IT', 'italy|italie|italia'],
  ['ES', 'spain|espagne|espana'],
  ['PT', 'portugal'],
  ['IE', 'ireland|irlande|republic of ireland'],
  ['AT', 'austria|autriche|osterreich'],
  ['DK', 'denmark|danemark'],
  ['SE', 'sweden|suede|sverige'],
  ['NO', 'norway|norvege|norge'],
  ['FI', 'finland|finlande'],
  ['IS', 'iceland|islande'],
  ['PL', 'poland|pologne|polska'],
  ['CZ', 'czech republic|czechia|republique tcheque|tchequie'],
  ['SK', 'slovakia|slovaquie'],
  ['HU', 'hungary|hongrie'],
  ['RO', 'romania|roumanie'],
  ['BG', 'bulgaria|bulgarie'],
  ['GR', 'greece|grece'],
  ['HR', 'croatia|croatie'],
  ['SI', 'slovenia|slovenie'],
  ['EE', 'estonia|estonie'],
  ['LV', 'latvia|lettonie'],
  ['LT', 'lithuania|lituanie'],
  ['CY', 'cyprus|chypre'],
  ['MT', 'malta|malte'],
  ['AU', 'australia|australie'],
  ['NZ', 'new zealand|nouvelle zelande'],
  ['JP', 'japan|japon'],
  ['CN', 'china|chine'],
  ['HK', 'hong kong'],
  ['TW', 'taiwan'],
  ['KR', 'south korea|korea|republic of korea|coree du sud|coree'],
  ['SG', 'singapore|singapour'],
  ['IN', 'india|inde'],
  ['IL', 'israel'],
  ['AE', 'united arab emirates|uae|emirats arabes unis'],
  ['SA', 'saudi arabia|arabie saoudite'],
  ['TR', 'turkey|turkiye|turquie'],
  ['ZA', 'south africa|afrique du sud'],
  ['MA', 'morocco|maroc'],
  ['TN', 'tunisia|tunisie'],
  ['DZ', 'algeria|algerie'],
  ['SN', 'senegal'],
  ['CI', 'cote d ivoire|ivory coast'],
  ['MX', 'mexico|mexique'],
  ['BR', 'brazil|bresil|brasil'],
  ['AR', 'argentina|argentine'],
  ['CL', 'chile|chili'],
  ['CO', 'colombia|colombie'],
  ['PR', 'puerto rico|porto rico'],
  ['RE', 'reunion|la reunion'],
  ['GP', 'guadeloupe'],
  ['MQ', 'martinique'],
  ['GF', 'french guiana|guyane|guyane francaise'],
  ['YT', 'mayotte'],
  ['NC', 'new caledonia|nouvelle caledonie'],
  ['PF', 'french polynesia|polynesie francaise'],
];

/** A few three-letter codes people type instead of the two-letter ones. */
const ALPHA3: Record<string, string> = {
  USA: 'US', GBR: 'GB', FRA: 'FR', DEU: 'DE', CAN: 'CA', BEL: 'BE', CHE: 'CH', ESP: 'ES', ITA: 'IT',
  NLD: 'NL', AUS: 'AU', IND: 'IN', IRL: 'IE', LUX: 'LU', PRT: 'PT', AUT: 'AT', JPN: 'JP',
};

function nameKey(s: string): string {
  return foldAccents(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().replace(/^the /, '');
}

/** name key -> code, built once from NAMES (read-only afterwards). */
const BY_NAME: Readonly<Record<string, string>> = NAMES.reduce<Record<string, string>>((acc, [code, names]) => {
  for (const n of names.split('|')) acc[n] = code;
  return acc;
}, {});

/** ISO-2 for a code or a common country name, '' when absent or unknown. */
export function countryCode(raw: string): string {
  const s = raw.trim();
  if (s === '') return '';
  if (/^[A-Za-z]{2}$/.test(s)) {
    const up = s.toUpperCase();
    return up === 'UK' ? 'GB' : up;
  }
  if (/^[A-Za-z]{3}$/.test(s) && ALPHA3[s.toUpperCase()]) return ALPHA3[s.toUpperCase()];
  return BY_NAME[nameKey(s)] ?? '';
}
