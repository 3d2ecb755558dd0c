// Writes tests/golden/hostile_links.txt: the corpus of malformed and hostile results and
// team links (issue 7) that both the browser journey (hardening: hostileLinkCorpus) and the
// native test (tests/hostile_links.rs) read, so the two run exactly the same inputs.
//
//   node tests/e2e/make-hostile-corpus.mjs          # rewrite the file
//   node tests/e2e/make-hostile-corpus.mjs --check  # exit 1 if the file is not what this writes
//
// Codes are built with the independent encoder in lib.mjs, never with the widget's own.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALPHABET, ROOT, encodeCode as encodeAnyCode, encodeTeam } from './lib.mjs';

export const CORPUS_FILE = path.join(ROOT, 'tests/golden/hostile_links.txt');

/** The corpus is written in question set 1's codes (links already shared open forever). */
const SET = 1;
const encodeCode = (answers, label = '', options = {}) => encodeAnyCode(answers, label, { setId: SET, ...options });

const MIXED = '1302212032130123';
const OTHER = '3333333320333333';

/** The corpus, as `{ expect: 'ok'|'error', kind: string|'-', fragment }` (fragment after `#`). */
export function buildCorpus() {
  const corpus = [];
  const ok = (fragment) => corpus.push({ expect: 'ok', kind: '-', fragment });
  const error = (fragment, kind = '-') => corpus.push({ expect: 'error', kind, fragment });

  const labelled = encodeCode(MIXED, 'pilot x');
  const core = encodeCode(MIXED);
  const tail = labelled.slice(core.length); // ".pilot_x"

  ok('r=' + labelled);
  ok('r=' + core);

  // Every single-character substitution of the code part (the label kept), with a spread of
  // replacements: alphabet characters, separators, '%', and characters the browser escapes.
  // Pinned: the format digit (position 0) is either a newer format or damage; past the
  // question-set id (position 1) any change is caught by the check or is not an alphabet
  // character: damaged. A '.' there cuts the code in two, and the set id's outcome depends on
  // which sets exist, so those are not pinned.
  const replacements = ['A', 'z', '9', '-', '_', '.', '~', '%', '+', ' ', 'é', '<'];
  for (let p = 0; p < core.length; p++) {
    for (const c of replacements) {
      if (c === core[p]) continue;
      let kind = '-';
      if (p === 0) kind = /[2-9]/.test(c) ? 'newer-format' : 'damaged';
      else if (p >= 2 && c !== '.') kind = 'damaged';
      error('r=' + core.slice(0, p) + c + core.slice(p + 1) + tail, kind);
    }
  }
  // Every truncation of a labelled code: nothing, a cut code, or a code whose label (and so
  // its check) no longer matches.
  for (let n = 0; n < labelled.length; n++) {
    error('r=' + labelled.slice(0, n), n === 0 ? 'empty' : n < core.length ? 'truncated' : 'damaged');
  }

  // Future format versions.
  for (const d of '23456789') error('r=' + d + labelled.slice(1), 'newer-format');

  const team = encodeTeam([labelled, encodeCode(OTHER, 'other'), core]);
  ok('t=' + team);
  for (const d of '39') error('t=T' + d + team.slice(2), 'newer-format');
  // Substitutions in the team header: a wrong prefix or check is damage; a wrong member count
  // is left unpinned (a count above the members present reads as a cut list).
  for (let p = 0; p < 5; p++) {
    for (const c of ['A', '~', '0']) {
      if (c !== team[p]) error('t=' + team.slice(0, p) + c + team.slice(p + 1), p === 2 ? '-' : 'damaged');
    }
  }
  // Truncations of the team code: a cut header, or a list holding fewer members than its
  // header announces, is truncated; a cut inside the last member is left unpinned.
  const members = team.split('~').length - 1;
  for (let n = 0; n < team.length; n += 4) {
    const cut = team.slice(0, n);
    let kind = '-';
    if (n === 0) kind = 'empty';
    else if (n < 5) kind = 'truncated';
    else if (cut.split('~').length - 1 < members) kind = 'truncated';
    error('t=' + cut, kind);
  }

  // Huge inputs, all longer than any code of their kind.
  error('r=' + 'A'.repeat(5000), 'too-long');
  error('r=1B' + 'A'.repeat(100000), 'too-long');
  error('r=' + core + '.' + 'a'.repeat(3000), 'too-long');
  error('t=T1' + '~'.repeat(60000), 'too-long');
  error('t=' + encodeTeam(Array(40).fill(core)).slice(0, 200) + 'x'.repeat(70000), 'too-long');

  // Invalid and tricky percent-escapes, some with a valid check value (invalid UTF-8 label).
  for (const bytes of [[0xff, 0xfe], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
    error('r=' + encodeCode(MIXED, '', { labelBytes: bytes }), 'damaged');
  }
  for (const escapes of ['%FF%FE', '%', '%G1', '%4', '%%', '%00', '%E2%82', '%2e%2e%2f']) {
    error('r=' + core + '.' + escapes, 'damaged');
  }
  error('r=%FF%FE', 'damaged');
  error('r=%', 'damaged');
  error('t=%FF', 'damaged');

  // HTML and script in labels: valid codes (shown as plain text) and raw ones, refused. A raw
  // label that starts with a character no code holds (after the browser's escaping) is what
  // followed the link, as readers' results reads it: the link opens without it.
  for (const [label, raw] of [
    ['<script>alert(1)</script>', 'damaged'],
    ['<img src=x onerror=alert(1)>', 'damaged'],
    ['"><svg onload=alert(1)>', 'damaged'],
    ['javascript:alert(1)', 'damaged'],
    ['&lt;b&gt;bold&lt;/b&gt;', 'ok'],
    ["'; DROP TABLE links; --", 'ok'],
  ]) {
    ok('r=' + encodeCode(MIXED, label));
    if (raw === 'ok') ok('r=' + core + '.' + label);
    else error('r=' + core + '.' + label, raw);
  }

  // What followed a link in a comment, or was added after it: the link opens as it was.
  for (const after of [')', '),', ').', '...', '!', '?', "'", ']', ';', ':', '/', '&utm_source=linkedin']) {
    ok('r=' + labelled + after);
    ok('r=' + core + after);
    ok('t=' + team + after);
  }
  // The browser escapes a space, quotes, '<', '>' and anything not ASCII in an address, and an
  // escape is part of a code (a label's own characters travel escaped): those stay damaged.
  for (const after of ['"', '>', ' and more', '\u200B']) error('r=' + core + after, 'damaged');
  // ... and nothing is ever cut out of a code: a character a code holds, or an escape, stays
  // part of it, and a link that does not decode either way is explained as it stands.
  error('r=' + labelled + 'x)', 'damaged');
  error('r=' + core + '%29', 'damaged');
  error('r=' + core.slice(0, 8) + ')', 'damaged');
  ok('t=' + encodeTeam([encodeCode(MIXED, '<img src=x onerror=alert(1)>'), encodeCode(OTHER, '<script>alert(2)</script>')]));

  // Bidi controls and zero-width characters: stripped from labels (whether the code was made
  // from the cleaned label or carries the raw bytes), refused in codes.
  for (const label of ['abc\u202Eevil\u202C', '\u200Bzero\u200Dwidth\uFEFF', '\u2066isolate\u2069 me', 'RTL \u05e9\u05dc\u05d5\u05dd \u061C ok']) {
    ok('r=' + encodeCode(MIXED, label));
    ok('r=' + encodeCode(MIXED, '', { labelBytes: [...Buffer.from(label, 'utf8')] }));
  }
  error('r=' + core + '\u202E', 'damaged');
  error('r=\u200B' + core, 'damaged');
  ok('t=' + encodeTeam([encodeCode(OTHER, '\u202Eevil')]));

  // Odd shapes.
  const odd = [
    ['r=..', 'damaged'],
    ['r=1B.', 'truncated'],
    ['r=1', 'truncated'],
    ['r=1B', 'truncated'],
    ['r=~', 'damaged'],
    ['r=' + core + '~' + core, 'damaged'],
    ['r=' + core + '.label.with.dots', 'damaged'],
    ['t=', 'empty'],
    ['t=T', 'truncated'],
    ['t=T1', 'truncated'],
    ['t=T1A', 'truncated'],
    ['t=~~~~', 'damaged'],
    ['t=' + core, 'damaged'],
    ['r=' + team, 'damaged'],
  ];
  for (const [fragment, kind] of odd) error(fragment, kind);

  // Sanity: the alphabet in lib.mjs is the one the format uses (a changed helper would make
  // every "ok" line above silently wrong).
  if (ALPHABET.length !== 64) throw new Error('lib.mjs ALPHABET must have 64 characters');
  return corpus;
}

/** Percent-encodes every byte of the UTF-8 text outside 0x21..0x7E, and '%' itself. */
export function encodeField(text) {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (b >= 0x21 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0')))
    .join('');
}

/** Inverse of `encodeField` (invalid UTF-8 would become U+FFFD, as in the Rust reader). */
export function decodeField(field) {
  const bytes = [];
  for (let i = 0; i < field.length; i++) {
    if (field[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(field.slice(i + 1, i + 3))) {
      bytes.push(parseInt(field.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(field.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Reads the corpus file: `[{ expect, kind, fragment, line }]` with `fragment` decoded. */
export function readCorpus(file = CORPUS_FILE) {
  const entries = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text || text.startsWith('#')) return;
      const [expect, kind, field, ...rest] = text.split('\t');
      if (rest.length || field === undefined || !['ok', 'error'].includes(expect)) {
        throw new Error(`${path.relative(ROOT, file)}:${i + 1}: not "<expect>\\t<kind>\\t<fragment>"`);
      }
      entries.push({ expect, kind, fragment: decodeField(field), line: i + 1 });
    });
  return entries;
}

const HEADER = `# Hostile links: malformed and hostile results (#r=) and team (#t=) links.
#
# Written by tests/e2e/make-hostile-corpus.mjs (edit that script, then run it; do not edit
# this file by hand). Read by two tests that must agree on every line:
#   * tests/e2e/journeys/hardening.mjs, hostileLinkCorpus: each link through the release
#     build in Chromium, by setting location.hash; a friendly message (or the shared/team view
#     for "ok"), no console error, no injected element, never a blank screen.
#   * tests/hostile_links.rs: the same fragment through Route::parse and Route::action (the
#     app's own decision) natively.
#
# Format: one link per line, three columns separated by a single TAB; lines starting with
# '#' and blank lines are ignored.
#   1. expect    "ok": valid by construction (e.g. a valid code with a hostile but valid
#                label), must decode and show the shared or team view; "error": must not
#                decode and must show the friendly "can't read this link" message.
#   2. kind      for errors, the DecodeError kind the link must give (empty, truncated,
#                too-long, damaged, newer-format, unknown-set; the data-error attribute in the
#                page); "-" when not pinned.
#   3. fragment  the link's fragment, after '#' (e.g. r=1B... or t=T1...), as the string
#                assigned to location.hash. Escaped so this file is printable ASCII: every
#                UTF-8 byte outside 0x21..0x7E, and '%' itself, is written %XX (uppercase).
#                So a literal "%FF" in a hostile link appears here as "%25FF"; decoding the
#                column gives back the exact original string.
`;

function render(corpus) {
  return HEADER + corpus.map((e) => `${e.expect}\t${e.kind}\t${encodeField(e.fragment)}\n`).join('');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = buildCorpus();
  const text = render(corpus);
  // Round trip: what the readers get back is exactly what was built.
  const back = text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => decodeField(l.split('\t')[2]));
  if (back.length !== corpus.length || back.some((f, i) => f !== corpus[i].fragment)) throw new Error('the file does not round-trip');
  if (corpus.length < 200) throw new Error(`only ${corpus.length} entries; issue 7 asks for at least 200`);
  if (!/^[\x20-\x7e\t\n]*$/.test(text)) throw new Error('the file must be printable ASCII');
  if (process.argv.includes('--check')) {
    const current = readFileSync(CORPUS_FILE, 'utf8');
    if (current !== text) {
      console.error(`${path.relative(ROOT, CORPUS_FILE)} is not what ${path.relative(ROOT, process.argv[1])} writes; run it`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, CORPUS_FILE)}: up to date, ${corpus.length} entries`);
  } else {
    writeFileSync(CORPUS_FILE, text);
    const counts = corpus.reduce((m, e) => ((m[e.expect] = (m[e.expect] || 0) + 1), m), {});
    console.log(`wrote ${path.relative(ROOT, CORPUS_FILE)}: ${corpus.length} entries (${counts.ok} ok, ${counts.error} error), ${text.length} bytes`);
  }
}
