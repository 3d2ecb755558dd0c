//! Entry point: install the debug panic hook and mount the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    readiness_check::shell::panic::install();
    readiness_check::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Scaling Readiness Check runs in the browser: build it with `bash scripts/build.sh`.");
}
