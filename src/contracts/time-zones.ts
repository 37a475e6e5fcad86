/**
 * Time zone names: one spelling everywhere. Browsers and Node report zones by ICU's canonical
 * ids, some of which are names the IANA database has since renamed (Chromium resolves
 * Asia/Kathmandu to "Asia/Katmandu"). Both spellings name the same zone; we show and store the
 * current IANA one. Only renames are listed, not zones the database merged into others
 * (Europe/Bratislava stays Europe/Bratislava).
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Fort_Wayne': 'America/Indiana/Indianapolis',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Chungking': 'Asia/Chongqing',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Istanbul': 'Europe/Istanbul',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Tel_Aviv': 'Asia/Jerusalem',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Etc/GMT': 'UTC',
  'Etc/UCT': 'UTC',
  'Etc/UTC': 'UTC',
  'Etc/Universal': 'UTC',
  'Etc/Zulu': 'UTC',
  GMT: 'UTC',
  UCT: 'UTC',
  Universal: 'UTC',
  Zulu: 'UTC',
};

/** The current IANA name of a zone: "Asia/Katmandu" → "Asia/Kathmandu"; anything else as it is. */
export function currentZoneName(timeZone: string): string {
  return RENAMED[timeZone] ?? timeZone;
}

let canonical: readonly string[] | undefined;
/** Every zone the runtime knows, each once, by its current IANA name, sorted; UTC included. */
export function canonicalTimeZones(): readonly string[] {
  if (!canonical) {
    let zones: string[];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = ['Asia/Kathmandu', 'Asia/Kolkata'];
    }
    canonical = [...new Set(['UTC', ...zones.map(currentZoneName)])].sort((a, b) => a.localeCompare(b));
  }
  return canonical;
}

/** The older spellings of a zone ("Asia/Kathmandu" → ["Asia/Katmandu"]), so a search by them still finds it. */
export function formerZoneNames(timeZone: string): string[] {
  return Object.keys(RENAMED).filter((old) => RENAMED[old] === timeZone);
}
