//! Checks team codes, reading a pasted list of links, and the team summary.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::scoring::Band;
use readiness_check::core::share_code::{ALPHABET, DecodeError, SharedResult, char_value, decode, encode};
use readiness_check::core::team::{
    DISAGREEMENT_SPREAD, MAX_MEMBERS, PastedEntry, TeamMember, decode_members, decode_team, encode_members,
    encode_team, fold_name, footnote, member_names, name_and_link, own_member, read_pasted, summarise,
};

const BUY_IN: usize = 2;

/// Deterministic varied answers for member `n`.
fn member_answers(n: usize) -> Answers {
    let slots = CURRENT
        .questions()
        .enumerate()
        .map(|(i, q)| match (n * 5 + i * 3) % 7 {
            0 => None,
            1 => Some(Answer::DontKnow),
            k => Some(Answer::Level(((k + n) % q.options.len()) as u8)),
        })
        .collect();
    Answers::from_slots(CURRENT, slots).expect("valid")
}

fn uniform(level: impl Fn(usize, usize) -> u8) -> Answers {
    let mut slots = Vec::new();
    for (d, dimension) in CURRENT.dimensions.iter().enumerate() {
        for q in dimension.questions {
            slots.push(Some(Answer::Level(level(d, q.options.len()))));
        }
    }
    Answers::from_slots(CURRENT, slots).expect("valid")
}

fn best() -> Answers {
    uniform(|_, options| options as u8 - 1)
}

fn member_codes(count: usize) -> Vec<String> {
    let labels = ["", "Ana (owner)", "data lead", "Zoë – ops ✓", "team_lead 50%"];
    (0..count).map(|n| encode(&member_answers(n), labels[n % labels.len()])).collect()
}

fn decoded(codes: &[String]) -> Vec<SharedResult> {
    codes.iter().map(|c| decode(c).expect("member decodes")).collect()
}

#[test]
fn team_codes_round_trip() {
    for count in [1, 2, 5, 20, 50] {
        let codes = member_codes(count);
        let team = encode_team(&codes);
        assert!(team.starts_with("T1"), "{team}");
        assert_eq!(decode_team(&team), Ok(decoded(&codes)), "{count} members");
        assert_eq!(decode_team(&format!("  {team}\n")), Ok(decoded(&codes)), "surrounding whitespace is forgiven");
    }
}

#[test]
fn a_full_team_with_the_longest_labels_round_trips() {
    // 50 members, each with a label of the maximum length in 4-byte characters: the longest
    // team code the encoder can write must still decode.
    let label = "😀".repeat(60);
    let codes: Vec<String> = (0..MAX_MEMBERS).map(|n| encode(&member_answers(n), &label)).collect();
    let team = encode_team(&codes);
    assert_eq!(decode_team(&team), Ok(decoded(&codes)), "{} characters", team.len());
}

#[test]
fn a_team_code_carries_at_most_the_maximum() {
    let codes = member_codes(MAX_MEMBERS + 5);
    let members = decode_team(&encode_team(&codes)).expect("decodes");
    assert_eq!(members, decoded(&codes[..MAX_MEMBERS]));
}

#[test]
fn team_decode_errors() {
    let team = encode_team(&member_codes(3));
    let cases: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Empty),
        (" \n ".into(), DecodeError::Empty),
        ("T".into(), DecodeError::Truncated),
        ("T1".into(), DecodeError::Truncated),
        ("T1D".into(), DecodeError::Truncated),
        (format!("T3{}", &team[2..]), DecodeError::NewerFormat),
        (format!("T2{}", &team[2..]), DecodeError::Damaged),
        (format!("T9{}", &team[2..]), DecodeError::NewerFormat),
        (format!("T0{}", &team[2..]), DecodeError::Damaged),
        (format!("X{}", &team[1..]), DecodeError::Damaged),
        (format!("1{}", &team[1..]), DecodeError::Damaged),
        (team[..team.rfind('~').expect("members")].to_owned(), DecodeError::Truncated),
        (encode_team(&[]), DecodeError::Damaged),
        ("T".repeat(100_000), DecodeError::TooLong),
    ];
    for (input, expected) in cases {
        assert_eq!(decode_team(&input), Err(expected), "input {input:?}");
    }
}

#[test]
fn every_prefix_of_a_team_code_fails() {
    let team = encode_team(&member_codes(3));
    for cut in 0..team.len() {
        assert!(decode_team(&team[..cut]).is_err(), "prefix of length {cut} decoded");
    }
}

#[test]
fn every_single_character_substitution_fails() {
    for team in [encode_team(&member_codes(3)), encode_team(&member_codes(1)), encode_team(&member_codes(5))] {
        let mut bytes = team.clone().into_bytes();
        for i in 0..bytes.len() {
            let original = bytes[i];
            for &replacement in ALPHABET.iter().chain(b"~.%0123456789") {
                if replacement == original {
                    continue;
                }
                bytes[i] = replacement;
                // Replacing one byte of a multi-byte character is not a valid string: skip.
                if let Ok(changed) = std::str::from_utf8(&bytes) {
                    assert!(decode_team(changed).is_err(), "{team}: position {i} → {}", char::from(replacement));
                }
                bytes[i] = original;
            }
        }
    }
}

#[test]
fn dropping_adding_or_reordering_a_member_fails() {
    let codes = member_codes(4);
    let team = encode_team(&codes);
    let header = &team[..5];
    for dropped in 0..codes.len() {
        let body: String =
            codes.iter().enumerate().filter(|&(i, _)| i != dropped).map(|(_, c)| format!("~{c}")).collect();
        assert!(decode_team(&format!("{header}{body}")).is_err(), "member {dropped} dropped");
    }
    let body: String = codes.iter().chain([&codes[0]]).map(|c| format!("~{c}")).collect();
    assert!(decode_team(&format!("{header}{body}")).is_err(), "member added");
    let body: String = [&codes[1], &codes[0], &codes[2], &codes[3]].iter().map(|c| format!("~{c}")).collect();
    assert!(decode_team(&format!("{header}{body}")).is_err(), "members reordered");
    let body: String = codes.iter().map(|c| format!("~{c}")).collect();
    assert_eq!(format!("{header}{body}"), team);
}

#[test]
fn an_announced_count_that_does_not_match_fails_even_with_a_valid_check() {
    // Re-create the outer check by the documented formula so only the count is wrong.
    let codes = member_codes(3);
    let members: String = codes.iter().map(|c| format!("~{c}")).collect();
    for count in [0usize, 2, 4, 51, 63] {
        let header = [b'T', b'1', ALPHABET[count]];
        let values: Vec<u8> = header.iter().map(|&c| char_value(c).expect("alphabet")).collect();
        let mut sum: u32 = 0;
        for (i, &v) in values.iter().chain(members.as_bytes()).enumerate() {
            sum = (sum + (i as u32 + 1) * u32::from(v)) % 4093;
        }
        let check = (sum + members.len() as u32 * 7) % 4093;
        let team = format!(
            "T1{}{}{}{members}",
            char::from(ALPHABET[count]),
            char::from(ALPHABET[(check / 64) as usize]),
            char::from(ALPHABET[(check % 64) as usize])
        );
        assert_eq!(decode_team(&team), Err(DecodeError::Damaged), "count {count}");
    }
    // The same construction with the right count is the encoder's output.
    assert!(decode_team(&encode_team(&codes)).is_ok());
}

#[test]
fn a_damaged_member_fails_the_whole_team() {
    let mut codes = member_codes(3);
    let team = encode_team(&codes);
    // A member made by a newer question set, or damaged, inside an intact team code.
    codes[1] = format!("2{}", &codes[1][1..]);
    assert_eq!(decode_team(&encode_team(&codes)), Err(DecodeError::NewerFormat));
    assert!(decode_team(&team).is_ok());
}

#[test]
fn pasted_lists_report_broken_lines() {
    let codes = member_codes(4);
    let broken_cut = &codes[1][..codes[1].find('.').unwrap_or(codes[1].len()) - 1];
    let text = format!(
        "{}\n\n{broken_cut}\nhttps://example.com/check/r/not-od/#r={}\n  not a link at all  \n{}\n",
        codes[0], codes[2], codes[3]
    );
    let entries = read_pasted(&text);
    assert_eq!(entries.len(), 5, "{entries:#?}");
    assert_eq!(entries[0], PastedEntry::Member(TeamMember::unnamed(decode(&codes[0]).expect("valid"))));
    assert_eq!(entries[1], PastedEntry::Invalid { line: 3, error: DecodeError::Truncated });
    assert_eq!(entries[2], PastedEntry::Member(TeamMember::unnamed(decode(&codes[2]).expect("valid"))));
    assert_eq!(entries[3], PastedEntry::Invalid { line: 5, error: DecodeError::Damaged });
    assert_eq!(entries[4], PastedEntry::Member(TeamMember::unnamed(decode(&codes[3]).expect("valid"))));

    // Two broken among four.
    let text = format!("{}\n{}x\n#r=\nhttps://x.example/#r={}", codes[0], codes[1], codes[2]);
    let entries = read_pasted(&text);
    let results = entries.iter().filter(|e| matches!(e, PastedEntry::Member(_))).count();
    let invalid: Vec<usize> = entries
        .iter()
        .filter_map(|e| match e {
            PastedEntry::Invalid { line, .. } => Some(*line),
            PastedEntry::Member(_) => None,
        })
        .collect();
    assert_eq!(results, 2);
    assert_eq!(invalid, [2, 3]);
}

#[test]
fn pasted_lists_accept_links_codes_and_team_links() {
    let codes = member_codes(5);
    let team = encode_team(&codes[2..5]);
    let text =
        format!("https://example.com/check/r/not-od/#r={}\r\n{}\nhttps://x/#t={team}\n{team}\n", codes[0], codes[1]);
    let entries = read_pasted(&text);
    let expected: Vec<PastedEntry> = [&codes[..], &codes[2..5]]
        .concat()
        .iter()
        .map(|c| PastedEntry::Member(TeamMember::unnamed(decode(c).expect("valid"))))
        .collect();
    assert_eq!(entries, expected);

    // A broken team link is one invalid line, not several.
    let entries = read_pasted(&format!("https://x/#t={}", &team[..team.len() - 3]));
    assert!(matches!(entries[..], [PastedEntry::Invalid { line: 1, .. }]), "{entries:?}");
    assert!(read_pasted("").is_empty());
    assert!(read_pasted("\n \n\t\n").is_empty());
}

#[test]
fn summary_names_the_outlier() {
    // The owner thinks Buy-in is done; the four managers think nothing happened.
    let owner = SharedResult { answers: best(), label: "owner".into() };
    let manager = SharedResult {
        answers: uniform(|d, options| if d == BUY_IN { 0 } else { options as u8 - 1 }),
        label: String::new(),
    };
    let team = vec![owner, manager.clone(), manager.clone(), manager.clone(), manager];
    let summary = summarise(&team).expect("non-empty team");
    let buy_in = &summary.dimensions[BUY_IN];
    assert_eq!(buy_in.name, "Buy-in");
    assert_eq!(buy_in.outliers, [0]);
    assert_eq!(buy_in.average, Some(20));
    assert_eq!(buy_in.spread, Some(100));
    assert!(buy_in.spread >= Some(DISAGREEMENT_SPREAD));
    assert_ne!(buy_in.consensus, Some(Band::Yes));
    assert_eq!(buy_in.members[0].band, Some(Band::Yes));
    assert!(buy_in.members[1..].iter().all(|m| m.score == Some(0) && m.band == Some(Band::No)));
    assert!(summary.disagreements.contains(&BUY_IN));
    assert_eq!(summary.disagreements, [BUY_IN]);
    assert_eq!(summary.blocking, [BUY_IN]);
    assert!(!summary.ready);
    for (i, d) in summary.dimensions.iter().enumerate().filter(|&(i, _)| i != BUY_IN) {
        assert_eq!((d.spread, d.consensus), (Some(0), Some(Band::Yes)), "dimension {i}");
        assert!(d.outliers.is_empty());
    }
}

#[test]
fn identical_members_agree() {
    for answers in [best(), uniform(|_, _| 0), member_answers(3)] {
        let team: Vec<SharedResult> =
            (0..4).map(|_| SharedResult { answers: answers.clone(), label: String::new() }).collect();
        let summary = summarise(&team).expect("non-empty team");
        for d in &summary.dimensions {
            assert!(d.outliers.is_empty());
            assert!(d.spread.is_none_or(|s| s == 0), "{}: {:?}", d.name, d.spread);
            assert_eq!(d.spread.is_some(), d.average.is_some());
        }
        assert!(summary.disagreements.is_empty());
    }
    let ready = summarise(&[SharedResult { answers: best(), label: String::new() }]).expect("one member");
    assert!(ready.ready && ready.blocking.is_empty());
    assert_eq!(summarise(&[]), None);
}

#[test]
fn incomplete_members_do_not_count_as_zero() {
    let mut partial = best();
    partial.set_answer(CURRENT.first_position(BUY_IN), None);
    let team = vec![
        SharedResult { answers: best(), label: String::new() },
        SharedResult { answers: partial, label: String::new() },
    ];
    let summary = summarise(&team).expect("team");
    let buy_in = &summary.dimensions[BUY_IN];
    assert_eq!(buy_in.members[1].score, None);
    assert_eq!((buy_in.average, buy_in.spread, buy_in.consensus), (Some(100), Some(0), Some(Band::Yes)));
    assert!(summary.ready);
}

#[test]
fn a_team_link_cut_inside_its_last_member_reads_as_truncated() {
    let codes: Vec<String> = (0..3u8)
        .map(|i| {
            let mut answers = readiness_check::core::answers::Answers::empty(readiness_check::core::content::CURRENT);
            answers.set_answer(0, Some(readiness_check::core::answers::Answer::Level(i)));
            readiness_check::core::share_code::encode(&answers, "")
        })
        .collect();
    let team = readiness_check::core::team::encode_team(&codes);
    let last_start = team.rfind('~').expect("members") + 1;
    for cut in last_start..team.len() {
        assert_eq!(
            readiness_check::core::team::decode_team(&team[..cut]),
            Err(readiness_check::core::share_code::DecodeError::Truncated),
            "cut at {cut}"
        );
    }
}

/// Two members whose names look the same on screen are never shown under one name.
#[test]
fn look_alike_names_are_told_apart() {
    use readiness_check::core::share_code::SharedResult;
    use readiness_check::core::team::member_names;
    let member = |label: &str| SharedResult {
        answers: readiness_check::core::answers::Answers::empty(readiness_check::core::content::CURRENT),
        label: label.to_owned(),
    };
    for (a, b) in [
        ("Alice", "Alice\u{180B}"),
        ("Alice", "\u{0410}lice"),
        ("Alice", "\u{FF21}lice"),
        ("Person 2", "\u{0420}erson 2"),
    ] {
        let names = member_names(&[member(a), member(b)].map(readiness_check::core::team::TeamMember::unnamed));
        let folded: Vec<String> =
            names.iter().map(|n| readiness_check::core::share_code::fold_for_comparison(n)).collect();
        assert_ne!(folded[0], folded[1], "{a:?} / {b:?} show as {names:?}");
    }
}
// ---------------------------------------------------------------------------------------------
// Names, format 2, "I don't know" as unknown
// ---------------------------------------------------------------------------------------------

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn team_code_golden_vectors_decode_forever() {
    let mut count = 0;
    for line in golden("team_codes.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let code = fields.next().expect("code");
        let expected: Vec<TeamMember> = fields
            .map(|f| {
                let (name, member) = f.split_once('=').expect("name=code");
                TeamMember { name: name.to_owned(), result: decode(member).expect("member decodes") }
            })
            .collect();
        assert_eq!(decode_members(code), Ok(expected.clone()), "{code}");
        assert_eq!(encode_members(&expected), code, "the encoder still writes {code}");
        count += 1;
    }
    assert_eq!(count, 4);
}

#[test]
fn names_round_trip_cleaned_and_old_links_stay_format_1() {
    let codes = member_codes(3);
    let members: Vec<TeamMember> = decoded(&codes)
        .into_iter()
        .zip(["Maya", "  Tom\u{202e} Becker\n", "Zoë ✓ <b>"])
        .map(|(result, name)| TeamMember { name: name.to_owned(), result })
        .collect();
    let code = encode_members(&members);
    assert!(code.starts_with("T2"), "{code}");
    let back = decode_members(&code).expect("decodes");
    let names: Vec<&str> = back.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Maya", "Tom Becker", "Zoë ✓ <b>"], "cleaned like labels; never HTML");
    assert_eq!(decode_team(&code), Ok(decoded(&codes)), "results without names");
    // Nobody named: format 1, which every earlier version reads.
    let unnamed: Vec<TeamMember> = decoded(&codes).into_iter().map(TeamMember::unnamed).collect();
    assert_eq!(encode_members(&unnamed), encode_team(&codes));
    // Every cut and every changed character of a named code fails.
    for cut in 0..code.len() {
        if code.is_char_boundary(cut) {
            assert!(decode_members(&code[..cut]).is_err(), "cut at {cut}");
        }
    }
    let mut bytes = code.clone().into_bytes();
    for i in 0..bytes.len() {
        let original = bytes[i];
        bytes[i] = if original == b'A' { b'B' } else { b'A' };
        if let Ok(changed) = std::str::from_utf8(&bytes) {
            assert!(decode_members(changed).is_err(), "position {i}");
        }
        bytes[i] = original;
    }
}

#[test]
fn names_are_read_in_every_form() {
    let code = &member_codes(1)[0];
    let link = format!("https://pilots.example.org/check/r/not-od/#r={code}");
    let cases: Vec<(String, &str)> = vec![
        (format!("Maya: {link}"), "Maya"),
        (format!("Tom - {link}"), "Tom"),
        (format!("Tom Becker – {link}"), "Tom Becker"),
        (format!("Ana {link}"), "Ana"),
        (format!("[Maya Lin]({link})"), "Maya Lin"),
        (format!("- [Maya]({link})"), "Maya"),
        (format!("Maya Lin <maya@acme.example>: {link}"), "Maya Lin"),
        (format!("\"Maya Lin\" <{link}>"), "Maya Lin"),
        (format!("From: Sam <sam@x.org> {link}"), "Sam"),
        (format!("3. Kofi: {link}"), "Kofi"),
        (format!("* Lee | {link}"), "Lee"),
        (format!("Zoë\u{200b} ✓: {link}"), "Zoë ✓"),
        (format!("Maya: {code}"), "Maya"),
        (link.clone(), ""),
        (format!("<{link}>"), ""),
        (format!("maya@acme.example {link}"), ""),
    ];
    for (line, name) in cases {
        let (got, found) = name_and_link(&line);
        assert_eq!(got, name, "{line}");
        let entries = read_pasted(&line);
        let [PastedEntry::Member(member)] = &entries[..] else { panic!("{line}: {entries:?}") };
        assert_eq!((member.name.as_str(), &member.result), (name, &decode(code).expect("valid")), "{line} ({found})");
    }
}

#[test]
fn display_names_prefer_given_names_and_fold_look_alikes() {
    let results = decoded(&member_codes(4));
    let named = |names: [&str; 4]| -> Vec<TeamMember> {
        results.iter().zip(names).map(|(r, n)| TeamMember { name: n.to_owned(), result: r.clone() }).collect()
    };
    // Member 1 has the label "Ana (owner)"; a given name wins over it.
    assert_eq!(member_names(&named(["Maya", "Tom", "", "Lee"])), ["Maya", "Tom", "data lead", "Lee"]);
    // "Маya" (Cyrillic М) and "MAYA" look like "Maya": none of them is unique.
    assert_eq!(
        member_names(&named(["Maya", "Маya", "MAYA", ""])),
        ["Person 1 (Maya)", "Person 2 (Маya)", "Person 3 (MAYA)", "Zoë – ops ✓"]
    );
    assert_eq!(fold_name("Ｍａｙａ"), "maya");
    // The visitor is the member with exactly their answers and label.
    let members = named(["Maya", "Tom", "", "Lee"]);
    assert_eq!(own_member(&members, &results[2]), Some(2));
    let nobody = SharedResult { answers: Answers::empty(CURRENT), label: String::new() };
    assert_eq!(own_member(&members, &nobody), None);
    assert!(
        footnote(5).starts_with("5 people. Average and spread: over the scores of those who know"),
        "{}",
        footnote(5)
    );
}

#[test]
fn dont_know_is_unknown_not_zero() {
    // Four members agree on Buy-in at the top; the fifth answered "I don't know" throughout it.
    let mut unsure = best();
    let start = CURRENT.first_position(BUY_IN);
    for p in start..start + CURRENT.dimensions[BUY_IN].questions.len() {
        unsure.set_answer(p, Some(Answer::DontKnow));
    }
    let mut team: Vec<SharedResult> = (0..4).map(|_| SharedResult { answers: best(), label: String::new() }).collect();
    team.push(SharedResult { answers: unsure, label: String::new() });
    let summary = summarise(&team).expect("team");
    let buy_in = &summary.dimensions[BUY_IN];
    assert_eq!(buy_in.members[4].score, Some(0), "the member's own score counts it as 0…");
    assert!(buy_in.members[4].dont_know);
    assert_eq!((buy_in.average, buy_in.spread, buy_in.dont_know), (Some(100), Some(0), 1), "…the team's does not");
    assert!(buy_in.outliers.is_empty(), "not knowing is not standing out");
    assert!(!summary.disagreements.contains(&BUY_IN), "not knowing is not disagreeing");
    // The middle view still reads every band: 4 yes and 1 no is a yes.
    assert_eq!(buy_in.consensus, Some(Band::Yes));
    let others = &summary.dimensions[0];
    assert_eq!((others.dont_know, others.average), (0, Some(100)));
}
