// What the journeys know without a browser: an independent share-code encoder (to build links
// and hostile inputs), expected scores computed from the content's weights, and the host page
// fixture's placeholders. Driving the widget is widget.mjs's job.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E_DIR, '..', '..');
/**
 * Chromium's flags for every test and the bench: as root, on this closed network (no
 * background networking, updates or sync), with a small /dev/shm.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
export const STORAGE_KEY = 'scaling-readiness-check';
export const UNREADABLE_KEY = 'scaling-readiness-check.unreadable';
export const DIMENSIONS = ['ownership', 'data', 'buy_in', 'metrics'];

// ------------------------------------------------------------------------------------------
// Content: weights, roles and rules, from tests/e2e/scoring-data.json (kept in step with the
// content by tests/content.rs); the scoring below is written independently of the Rust code.
// ------------------------------------------------------------------------------------------

const SCORING_DATA = JSON.parse(readFileSync(path.join(E2E_DIR, 'scoring-data.json'), 'utf8'));

/** The scoring data of one question set: `{ id, dimensions, questions, count }`. */
export function contentOf(setId = SCORING_DATA.current) {
  const set = SCORING_DATA.sets.find((s) => s.id === setId);
  if (!set) throw new Error(`no question set ${setId} in scoring-data.json`);
  const questions = set.dimensions.flatMap((d) => d.questions);
  return { id: set.id, dimensions: set.dimensions, questions, count: questions.length };
}

export const CONTENT = contentOf();
export const CURRENT_SET = CONTENT.id;
export const QUESTION_COUNT = CONTENT.count;

/** Pattern of one character per question: '0'..'3' a level, '?' "I don't know", '-' unanswered. */
export function pattern(text, setId = CURRENT_SET) {
  if (text.length !== contentOf(setId).count) throw new Error(`pattern ${text} must have ${contentOf(setId).count} characters`);
  return text;
}

/** A pattern of one character per question, dimension by dimension: `byDimension('3', '0', '3', '3')`. */
export function byDimension(...perDimension) {
  return CONTENT.dimensions.map((d, i) => perDimension[i].repeat(d.questions.length).slice(0, d.questions.length)).join('');
}

/**
 * Whether a complete dimension is a yes: set 1 by its score, from set 2 on by the essay's test
 * (the key question at its top option, nothing at the lowest option, and no "I don't know" on
 * an essential question).
 */
function isYes(dimension, chars, score) {
  if (dimension.rule.kind === 'score') return score >= dimension.rule.pass;
  return dimension.questions.every((q, i) => {
    const c = chars[i];
    if (c === '?') return q.role === 'supporting';
    const level = Number(c);
    if (q.role === 'key') return level === q.points.length - 1;
    return level > 0;
  });
}

/**
 * Set 3 on, the literal yes, written from its description (docs/question-set-3.md): each
 * answer's stance from the content ('?' stands as a no); the band is the weakest stance, "not
 * applicable" left out; the score lies in the band's range, placed by the weighted points of
 * the answers that apply; an answer that is not a yes blocks even while questions are open.
 */
function literalDimension(dimension, chars) {
  const order = ['no', 'partly', 'yes'];
  let weakest = 2;
  let complete = true;
  let earned = 0;
  let possible = 0;
  dimension.questions.forEach((q, i) => {
    const c = chars[i];
    if (c === '-') {
      complete = false;
      return;
    }
    const stance = c === '?' ? 'no' : q.stances[Number(c)];
    if (stance === 'not-applicable') return;
    weakest = Math.min(weakest, order.indexOf(stance));
    earned += q.weight * (c === '?' ? 0 : q.points[Number(c)]);
    possible += q.weight * Math.max(...q.points);
  });
  const blocks = weakest < 2;
  if (!complete) return { score: null, band: 'incomplete', blocks };
  const [low, high] = dimension.rule.ranges[weakest];
  const span = high - low;
  const within = possible === 0 ? span : Math.floor((span * earned + Math.floor(possible / 2)) / possible);
  return { score: low + within, band: order[weakest], blocks };
}

/**
 * The report the widget should show for a pattern, computed from the content's weights:
 * `{ scores: {id: n|null}, bands: {id: 'yes'|'partly'|'no'|'incomplete'}, verdict, slug }`.
 */
export function expectedReport(answers, setId = CURRENT_SET) {
  const content = contentOf(setId);
  const scores = {};
  const bands = {};
  let position = 0;
  const blocking = [];
  let missing = false;
  for (const d of content.dimensions) {
    if (d.rule.kind === 'literal') {
      const chars = d.questions.map(() => answers[position++]);
      const result = literalDimension(d, chars);
      scores[d.id] = result.score;
      bands[d.id] = result.band;
      if (result.blocks) blocking.push(d.id);
      if (result.band === 'incomplete') missing = true;
      continue;
    }
    let earned = 0;
    let possible = 0;
    let complete = true;
    const chars = [];
    for (const q of d.questions) {
      const c = answers[position++];
      chars.push(c);
      const max = Math.max(...q.points);
      possible += q.weight * max;
      if (c === '-') complete = false;
      else if (c !== '?') earned += q.weight * q.points[Number(c)];
    }
    if (!complete) {
      scores[d.id] = null;
      bands[d.id] = 'incomplete';
      missing = true;
      continue;
    }
    const score = Math.floor((100 * earned + Math.floor(possible / 2)) / possible);
    scores[d.id] = score;
    bands[d.id] = isYes(d, chars, score) ? 'yes' : score >= d.rule.partly ? 'partly' : 'no';
    if (bands[d.id] !== 'yes') blocking.push(d.id);
  }
  const verdict = blocking.length ? 'not-ready' : missing ? 'incomplete' : 'ready';
  const slug =
    verdict === 'not-ready' ? 'not-' + blocking.map((id) => id[0]).join('') : verdict;
  return { scores, bands, verdict, slug };
}

// ------------------------------------------------------------------------------------------
// Share codes, written independently of the Rust code (format 1, see src/core/share_code.rs)
// ------------------------------------------------------------------------------------------

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function charValue(c) {
  const i = ALPHABET.indexOf(c);
  return i < 0 ? null : i;
}

function checkValue(values, labelBytes) {
  let sum = 0;
  [...values, ...labelBytes].forEach((v, i) => {
    sum = (sum + (i + 1) * v) % 4093;
  });
  return (sum + labelBytes.length * 7) % 4093;
}

function digits(value, len) {
  let n = BigInt(value);
  const out = [];
  for (let i = 0; i < len; i++) {
    out.unshift(ALPHABET[Number(n % 64n)]);
    n /= 64n;
  }
  return out.join('');
}

/** Mirrors the widget's label cleaning: no control/bidi/zero-width, whitespace collapsed, 60 chars. */
export function cleanLabel(raw) {
  const invisible = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0\u{E0000}-\u{E007F}]/gu;
  // Rust's char::is_whitespace set (JS's \s differs: it has U+FEFF and lacks U+0085).
  const space = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/gu;
  const kept = raw.replace(space, ' ').replace(invisible, '');
  const collapsed = kept.split(' ').filter(Boolean).join(' ');
  return [...collapsed].slice(0, 60).join('').trimEnd();
}

function percentEncode(bytes) {
  return [...bytes]
    .map((b) => {
      if (b === 0x20) return '_';
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9-]/.test(c)) return c;
      return '%' + b.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

/**
 * A share code for a pattern and label. Options: `labelBytes` (raw bytes instead of a cleaned
 * label, e.g. invalid UTF-8), `setId` (question-set id), `format` (first character).
 */
export function encodeCode(answers, label = '', { labelBytes, setId = CURRENT_SET, format = '1' } = {}) {
  let number = 0n;
  let states = 1n;
  // A set this build does not know (a code "from the future") takes the current set's shape.
  const known = SCORING_DATA.sets.some((s) => s.id === setId);
  (known ? contentOf(setId) : CONTENT).questions.forEach((q, i) => {
    const radix = BigInt(q.points.length + 2);
    const c = answers[i];
    const digit = c === '-' ? 0n : c === '?' ? radix - 1n : BigInt(Number(c) + 1);
    number = number * radix + digit;
    states *= radix;
  });
  const bits = (states - 1n).toString(2).length;
  const payloadLen = Math.max(1, Math.ceil(bits / 6));
  const head = format + ALPHABET[setId] + digits(number, payloadLen);
  const bytes = labelBytes ? [...labelBytes] : [...Buffer.from(cleanLabel(label), 'utf8')];
  const values = [...head].map((c) => charValue(c) ?? 0);
  const code = head + digits(checkValue(values, bytes), 2);
  return bytes.length ? `${code}.${percentEncode(bytes)}` : code;
}

/** The results link for a pattern under a base address: `r/<outcome>/#r=<code>` (the base page while incomplete). */
export function resultsLink(base, answers, label = '', setId = CURRENT_SET) {
  const { verdict, slug } = expectedReport(answers, setId);
  const code = encodeCode(answers, label, { setId });
  return verdict === 'incomplete' ? `${base}#r=${code}` : `${base}r/${slug}/#r=${code}`;
}

/** A team code carrying several share codes. */
export function encodeTeam(codes) {
  const members = codes.map((c) => '~' + c).join('');
  const header = 'T1' + ALPHABET[codes.length];
  const check = checkValue([...header].map((c) => charValue(c) ?? 0), [...Buffer.from(members, 'utf8')]);
  return header + digits(check, 2) + members;
}

/** A stored snapshot in the first release's format (S1), which the widget migrates to S2:
 * seeding the old format makes every journey that restores storage a migration test too. */
export function snapshotText(answers, step, label = '') {
  return `S1;${encodeCode(answers, label)};${step}`;
}

/** The progress text the widget mirrors in the address (S2), optionally with a compare target. */
export function addressSnapshot(answers, step, label = '', compareCode = '') {
  return `S2;${encodeCode(answers, label)};${step};${compareCode}`;
}

/** The JSON the widget stores today (format 3, through gloo-storage); `step` as in S2 text. */
export function writtenSnapshot(answers, step, label = '', compareCode = '') {
  return JSON.stringify({ format: 3, run: encodeCode(answers, label), step, compare: compareCode || null });
}

/** The parts of a stored run (format 3 JSON, or the older S1/S2 text): `{ code, step }`. */
export function storedParts(text) {
  if (String(text).startsWith('{')) {
    const { run, step } = JSON.parse(text);
    return { code: run, step };
  }
  const [, code, step] = String(text).split(';');
  return { code, step };
}

/** Checks the encoder against the committed golden vectors; returns a list of mismatches. */
export function checkGoldenVectors(file = path.join(ROOT, 'tests/golden/share_codes.txt')) {
  const problems = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, answers, label = '', scores, verdict] = line.split('\t');
    const setId = ALPHABET.indexOf(code[1]);
    const mine = encodeCode(answers, label, { setId });
    if (mine !== code) problems.push(`encode(${answers}, ${JSON.stringify(label)}) = ${mine}, golden ${code}`);
    const report = expectedReport(answers, setId);
    const got = DIMENSIONS.map((id) => (report.scores[id] === null ? '-' : report.scores[id])).join(',');
    if (got !== scores) problems.push(`scores(${answers}) = ${got}, golden ${scores}`);
    if (report.slug !== verdict) problems.push(`verdict(${answers}) = ${report.slug}, golden ${verdict}`);
  }
  return problems;
}

/**
 * Fills the host page fixture's placeholders (fixtures/host.html): `{{WIDGET}}` (the widget's
 * base URL) and `{{QUERY}}`, from the request's `widget` and `query` parameters. The servers
 * of harness/journey.mjs pass it to serve.mjs as `rewrite`.
 */
export function hostRewrite(text, url) {
  const params = new URL(url, 'http://x').searchParams;
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return text
    .replaceAll('{{WIDGET}}', attr(params.get('widget') || ''))
    .replaceAll('{{QUERY}}', attr(params.get('query') || 'embed'));
}

// ------------------------------------------------------------------------------------------
// A comment thread full of results links (readers' results: journeys and the bench)
// ------------------------------------------------------------------------------------------

/** A small deterministic random generator, so a failing thread can be made again. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The all-best run of a question set: every question at its last option that is not "not applicable". */
function allBest(setId) {
  return contentOf(setId)
    .questions.map((q) => String(q.stances ? q.stances.findLastIndex((s) => s !== 'not-applicable') : q.points.length - 1))
    .join('');
}

/** A random answer pattern for a question set: mostly answered, some "I don't know". */
function randomPattern(next, setId) {
  return contentOf(setId)
    .questions.map(() => {
      const r = next();
      if (r < 0.04) return '?';
      if (r < 0.06) return '-';
      return String(Math.min(3, Math.floor(next() * 4.6)));
    })
    .join('');
}

/**
 * A comment thread with `count` results links written the ways people write them, some
 * repeated, some damaged, a team link and other URLs; and what it holds: the unique results
 * (code + label, with pattern and set), the readers (the results posted as links or codes; the
 * team link's members are not readers), duplicates and damaged links. `best`: the share of
 * results that are all-best runs (from set 3 on almost no random run is Ready, so a journey
 * that counts Ready readers asks for some).
 */
export function commentThread(base, count, seed = 7, { best = 0 } = {}) {
  const next = random(seed);
  const unique = new Map();
  let duplicates = 0;
  let damaged = 0;
  const lines = ['Comments (from the essay page)', '', 'Anna · 2 h', 'Great piece. Here is ours:'];
  const wrappers = [
    (link) => `My result: ${link}.`,
    (link) => `[our pilot](${link})`,
    (link) => `<p>Ours: <a href="${link.replaceAll('&', '&amp;')}">${link}</a></p>`,
    (link) => `${link}`,
    (link) => `Not ready yet 🙈 → ${link} (will retry next quarter)`,
    (link) => `"${link}", said the data lead.`,
  ];
  const made = [];
  while (made.length < count) {
    const setId = next() < 0.2 ? 1 : CONTENT.id;
    // Only a thread that asks for all-best runs draws for them: the others stay as they were.
    const answers = best > 0 && next() < best ? allBest(setId) : randomPattern(next, setId);
    const label = next() < 0.3 ? `pilot ${Math.floor(next() * 1000)}` : '';
    const code = encodeCode(answers, label, { setId });
    const link = resultsLink(base, answers, label, setId);
    if (unique.has(code)) duplicates++;
    else unique.set(code, { answers, label, setId });
    // A bare code counts on a line of its own (a spreadsheet column); links anywhere.
    made.push(next() < 0.1 ? code : wrappers[Math.floor(next() * wrappers.length)](link));
    if (next() < 0.05 && made.length < count) {
      // A reply quoting the same link: a duplicate.
      made.push(`> ${link}`);
      duplicates++;
    }
    if (next() < 0.04) {
      // A link cut off when copied.
      made.push(`mine: ${link.slice(0, -3)}`);
      damaged++;
    }
    if (next() < 0.1) made.push('Reply · Like · 3', 'See https://example.com/some/other/page#section for more.');
  }
  // The readers: every result posted as a link or a code (the thread is one comment, so each
  // distinct result once); the team link's members are listed apart, not counted.
  const readers = [...unique.values()];
  // A team link with three members, all new.
  const members = [0, 1, 2].map(() => {
    const answers = randomPattern(next, CONTENT.id);
    return { answers, label: '', setId: CONTENT.id, code: encodeCode(answers, '') };
  });
  lines.push(...made, '', `Our team: ${base}#t=${encodeTeam(members.map((m) => m.code))}`);
  let teamNew = 0;
  for (const m of members) {
    if (unique.has(m.code)) duplicates++;
    else {
      unique.set(m.code, m);
      teamNew++;
    }
  }
  return { text: lines.join('\n'), results: [...unique.values()], readers, duplicates, damaged, teamNew };
}
