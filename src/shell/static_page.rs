//! What the reader did on the page's static screens before the app arrived: the first
//! question is a real radio group there (index.html), answerable while the wasm loads.

use wasm_bindgen::JsCast;

/// The static first question as the reader left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlyQuestion {
    /// The checked radio's value, if any.
    pub choice: Option<String>,
    /// True when the reader pressed its Next.
    pub next: bool,
}

/// Reads the static first question, if the page has one and the reader touched it.
pub fn early_question() -> Option<EarlyQuestion> {
    let form = super::document()?.get_element_by_id("static-form")?;
    let choice = form
        .query_selector("input[name=static-answer]:checked")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value());
    let next = form.has_attribute("data-next");
    (choice.is_some() || next).then_some(EarlyQuestion { choice, next })
}
