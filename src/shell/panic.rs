//! Panics: logged with their message in debug builds; the page's crash message does the rest.
//!
//! The release build compiles std with `-Cpanic=immediate-abort` (scripts/build.sh), so a
//! release panic traps at once without running any hook. Whatever the build, the trap
//! reaches the page as a `WebAssembly.RuntimeError`, and the small script in index.html
//! replaces the page with "Something went wrong" and a reload button. One mechanism for both
//! builds.

/// Installs the debug-build hook that prints the panic message to the console.
pub fn install() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
