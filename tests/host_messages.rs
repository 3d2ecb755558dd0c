//! Checks the messages sent to a page that embeds the widget: their fields, `null`s and JSON.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{all, half};
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::host_messages::{HeightMessage, ResultMessage, result_message};
use serde_json::{Value, json};

#[test]
fn the_result_message_lists_verdict_blockers_and_dimensions() {
    let message = result_message(&half(), "", "https://e.test/");
    assert_eq!(message.verdict, "not-ready");
    assert_eq!(message.blocking.len(), 2);
    assert!(message.blocking.iter().all(|id| ["buy_in", "metrics"].contains(&id.as_str())));
    let ids: Vec<&str> = message.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ownership", "data", "buy_in", "metrics"]);
    assert_eq!(message.dimensions[0].score, Some(100));
    assert_eq!(message.dimensions[0].band.as_deref(), Some("yes"));
    assert!(message.link.starts_with("https://e.test/r/not-bm/#r="));
    let incomplete = result_message(&Answers::empty(CURRENT), "", "https://e.test/");
    assert_eq!(incomplete.verdict, "incomplete");
    assert_eq!(incomplete.dimensions[0].score, None);
}

/// Host messages as JSON: the exact field names and `null`s a host page reads (format 1).
#[test]
fn host_messages_have_the_documented_fields_and_nulls() {
    let height = serde_json::to_value(HeightMessage::new(812)).expect("serialises");
    assert_eq!(height, json!({"source": "scaling-readiness-check", "version": 1, "type": "height", "height": 812}));

    // One answer that does not keep its dimension from a yes (from set 3 on, an answer that
    // does decides the verdict while questions are open).
    let mut answers = Answers::empty(CURRENT);
    answers.set_answer(0, Some(Answer::Level(CURRENT.questions().next().map_or(0, |q| q.best_level()))));
    let unfinished = result_message(&answers, "", "https://e.test/");
    let value = serde_json::to_value(&unfinished).expect("serialises");
    assert_eq!(value["type"], "result");
    assert_eq!(value["verdict"], "incomplete");
    assert_eq!(value["blocking"], json!([]));
    assert_eq!(value["index"], Value::Null, "no finished dimension: the index is null, not missing");
    assert_eq!(value["dimensions"][0], json!({"id": "ownership", "name": "Ownership", "score": null, "band": null}));
    let keys: Vec<&String> = value.as_object().expect("an object").keys().collect();
    assert_eq!(keys.len(), 8, "source, version, type and the five result fields: {keys:?}");
}

#[test]
fn host_messages_round_trip_through_json() {
    let height = HeightMessage::new(0);
    let text = serde_json::to_string(&height).expect("serialises");
    assert_eq!(serde_json::from_str::<HeightMessage>(&text).expect("deserialises"), height, "{text}");
    let messages = [
        result_message(&half(), "a \"pilot\"", "https://e.test/"),
        result_message(&Answers::empty(CURRENT), "", "https://e.test/"),
        result_message(&all(3), "x", "https://e.test/sub/"),
    ];
    for message in messages {
        let text = serde_json::to_string(&message).expect("serialises");
        let back: ResultMessage = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back, message, "{text}");
    }
}
