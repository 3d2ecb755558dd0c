use readiness_check::core::readers::*;
use readiness_check::core::share_code::encode;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let e = extract(&text);
    println!("shape {:?} comments {}", e.shape, e.comments.len());
    for c in &e.comments {
        println!("  comment {:?} {}..{}", c.author, c.start, c.end);
    }
    for r in &e.readers {
        println!(
            "reader {} c{} {:?} q={}",
            encode(&r.result.answers, &r.result.label),
            r.comment,
            e.author(r.comment),
            r.quoted
        );
    }
    for t in &e.teams {
        println!("team {} members c{}", t.members.len(), t.comment);
    }
    for u in &e.unread {
        println!(
            "unread {} c{} {:?} [{}] hash={}",
            u.reason.key(),
            u.comment,
            e.author(u.comment),
            &text[u.start..u.end],
            u.hash_encoded
        );
        println!("   {}", u.snippet);
    }
    println!("references {} quotes {} new team members {}", e.references, e.quotes, e.new_team_members().len());
}
