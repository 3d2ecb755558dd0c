//! Entry point of the author tools' page (`tools/`): the check with its team view, readers'
//! results and embed kit; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    readiness_check::shell::panic::install();
    readiness_check::ui::mount_tools();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Scaling Readiness Check's tools run in the browser: build them with `bash scripts/build.sh`.");
}
