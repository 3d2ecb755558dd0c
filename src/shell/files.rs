//! Files the reader hands to the page (dropped or chosen) and files the page hands back
//! (downloads), all without a server.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::clipboard::ShareError;

/// True for the file names the readers' results screen reads as text.
pub fn is_text_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".csv", ".html", ".htm", ".md", ".eml"].iter().any(|ending| lower.ends_with(ending))
}

/// The first file dropped with a drag event.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event.data_transfer()?.files()?.get(0)
}

/// The first file chosen in a file input.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    input.files()?.get(0)
}

/// A file's text (UTF-8), or `None` when the browser cannot read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    match JsFuture::from(file.text()).await {
        Ok(text) => text.as_string(),
        Err(error) => {
            super::log_dropped("reading a file", &error);
            None
        }
    }
}

/// Offers a text as a file download (through a temporary object address).
pub fn download_text(text: &str, file_name: &str, mime: &str) -> Result<(), ShareError> {
    let document = super::document().ok_or(ShareError::Unsupported)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ShareError::Failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ShareError::Failed)?;
    let link = document.create_element("a").map_err(|_| ShareError::Failed)?;
    let link = link.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| ShareError::Failed)?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has its own copy once started: let the address go after this task.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
