//! Entry point of the readers' worker (`tools/readers-worker_loader.js`): reads the texts the
//! tools page pastes into readers' results, off the page's main thread
//! (`shell::readers_worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    readiness_check::shell::readers_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The readers' worker runs in the browser: build it with `bash scripts/build.sh`.");
}
