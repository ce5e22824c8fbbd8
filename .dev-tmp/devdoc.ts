// Dev-only harness (not in repo): segment+time from the repo, crude entities from world-countries + a tiny table.
import { Pipeline } from '/work/main/src/pipeline.js';
import type { Doc } from '/work/main/src/doc.js';
import type { Entity, EntityType } from '/work/main/src/types.js';
import countries from 'world-countries';
const TABLE: Array<[string, string, string | null, EntityType]> = [
  ['Kirill Dmitriev|Dmitriev', 'RUSGOV', 'RUS', 'PERSON'], ['US President Donald Trump|Donald Trump|Trump', 'USAGOV', 'USA', 'PERSON'],
  ['Vladimir Putin|Putin', 'RUSGOV', 'RUS', 'PERSON'], ['Barack Obama|President obama|Obama|President Bush|Bush', 'USAGOV', 'USA', 'PERSON'],
  ['United States|US|U.S.|USA|America|American|Americans|Washington', 'USA', 'USA', 'GPE'],
  ['Trump administration', 'USAGOV', 'USA', 'ORG'], ['NATO', 'IGONAT', null, 'ORG'], ['Interpol', 'IGOCOPITP', null, 'ORG'],
  ['United Nations|UN', 'IGOUNO', null, 'ORG'], ['European Union|EU', 'IGOEUREEC', null, 'ORG'], ['Congress', 'USALEG', 'USA', 'ORG'],
  ['Moscow', 'RUS', 'RUS', 'GPE'], ['Kyiv', 'UKR', 'UKR', 'GPE'], ['Beijing', 'CHN', 'CHN', 'GPE'], ['Kigali', 'RWA', 'RWA', 'GPE'], ['Paris', 'FRA', 'FRA', 'GPE'],
  ['Gaza Strip|Gaza', 'PSE', 'PSE', 'GPE'], ['Aleppo', 'SYR', 'SYR', 'GPE'], ['Baghdad', 'IRQ', 'IRQ', 'GPE'], ['Beirut', 'LBN', 'LBN', 'GPE'], ['Zurich', 'CHE', 'CHE', 'GPE'], ['Alaska', 'USA', 'USA', 'GPE'],
  ['Hamas', 'PSEREB', 'PSE', 'ORG'], ['Hezbollah', 'LBNREB', 'LBN', 'ORG'], ['Kosovo', 'XKX', 'XKX', 'GPE'], ['Palestine', 'PSE', 'PSE', 'GPE'],
  ['Kharkiv', 'UKR', 'UKR', 'GPE'], ['Tbilisi', 'GEO', 'GEO', 'GPE'], ['Nairobi', 'KEN', 'KEN', 'GPE'], ['Belgrade', 'SRB', 'SRB', 'GPE'], ['Kabul', 'AFG', 'AFG', 'GPE'],
  ['Darfur', 'SDN', 'SDN', 'GPE'], ['Bucha', 'UKR', 'UKR', 'GPE'], ['Istanbul', 'TUR', 'TUR', 'GPE'], ['Warsaw', 'POL', 'POL', 'GPE'], ['Rome', 'ITA', 'ITA', 'GPE'],
  ['Vienna', 'AUT', 'AUT', 'GPE'], ['Tehran', 'IRN', 'IRN', 'GPE'], ['Cairo', 'EGY', 'EGY', 'GPE'], ['Khartoum', 'SDN', 'SDN', 'GPE'], ['Brussels', 'BEL', 'BEL', 'GPE'],
  ['Marseille', 'FRA', 'FRA', 'GPE'], ['Yekaterinburg', 'RUS', 'RUS', 'GPE'], ['Erdogan', 'TURGOV', 'TUR', 'PERSON'], ['Macron', 'FRAGOV', 'FRA', 'PERSON'],
  ['Brazilian President Lula|Lula', 'BRAGOV', 'BRA', 'PERSON'], ['Japanese Prime Minister Shigeru Ishiba', 'JPNGOV', 'JPN', 'PERSON'], ['Georgians', 'GEO', 'GEO', 'NORP'], ['Islamic State|ISIL|IS', 'IMGMUSISI', null, 'ORG'], ['Boko Haram', 'NGAREB', 'NGA', 'ORG'], ['al-Shabab', 'SOMUAF', 'SOM', 'ORG'],
];
for (const c of countries as Array<{ name: { common: string; official: string }; cca3: string; demonyms?: { eng?: { m: string; f: string } }; altSpellings: string[] }>) {
  const names = new Set([c.name.common]);
  if (c.demonyms?.eng?.m) names.add(c.demonyms.eng.m);
  TABLE.push([[...names].join('|'), c.cca3, c.cca3, 'GPE']);
}
TABLE.push(['Ukraine|Ukrainian', 'UKR', 'UKR', 'GPE'], ['Russia|Russian', 'RUS', 'RUS', 'GPE'], ['British|Britain', 'GBR', 'GBR', 'GPE'], ['Filipino', 'PHL', 'PHL', 'GPE'], ['Palestinian', 'PSE', 'PSE', 'GPE']);
export function addEntities(doc: Doc): void {
  const ents: Entity[] = [];
  const taken: Array<[number, number]> = [];
  let n = 0;
  for (const [names, actor, country, type] of TABLE) {
    const e: Entity = { id: `e${++n}`, name: names.split('|')[0]!, type, actor, country, roles: [], aliases: [], gender: null, mentions: [] };
    for (const name of names.split('|').sort((a, b) => b.length - a.length)) {
      for (const t of doc.tokens) {
        if (doc.text.startsWith(name, t.start) && !/\w/.test(doc.text[t.start + name.length] ?? ' ')) {
          if (taken.some(([s, en]) => t.start >= s && t.start < en)) continue;
          e.mentions.push({ start: t.start, end: t.start + name.length, kind: 'name' });
          taken.push([t.start, t.start + name.length]);
        }
      }
    }
    if (e.mentions.length) ents.push(e);
  }
  doc.entities = ents;
  doc.mentions = ents.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e.id }))).sort((a, b) => a.start - b.start);
}
const pre = await Pipeline.create({ only: ['segment', 'time'] });
const ev = await Pipeline.create({ only: ['events'] });
export function runText(text: string, date: string | null = '2025-04-04') {
  const doc = pre.run({ id: 'x', date, title: null, source: null, url: null, boilerplate: [], text });
  addEntities(doc);
  ev.stages[0]!.run(doc);
  return doc;
}
