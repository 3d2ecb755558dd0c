//! localStorage, used defensively: it can be missing (blocked third-party storage, private
//! modes), throw on read or write (quota), or hold another version's data or garbage.
//!
//! gloo-storage is not used: its `raw()` panics when storage is unavailable, and everything
//! here must degrade instead.

use crate::core::snapshot::{Snapshot, SnapshotError};

/// The key of the reader's own run.
pub const KEY: &str = "scaling-readiness-check";
/// Where unreadable data is kept aside (never overwritten by a later save).
pub const UNREADABLE_KEY: &str = "scaling-readiness-check.unreadable";

/// What was found in storage at start-up.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// Storage cannot be used at all.
    Unavailable,
    /// Nothing stored yet.
    Nothing,
    /// A readable snapshot.
    Snapshot(Snapshot),
    /// Something unreadable, now kept aside under [`UNREADABLE_KEY`].
    Unreadable(SnapshotError),
}

fn local_storage() -> Option<web_sys::Storage> {
    super::window()?.local_storage().ok().flatten()
}

/// Reads the reader's own run.
pub fn load() -> Loaded {
    let Some(storage) = local_storage() else { return Loaded::Unavailable };
    let raw = match storage.get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match Snapshot::parse(&raw) {
        Ok(snapshot) => Loaded::Snapshot(snapshot),
        Err(SnapshotError::Empty) => Loaded::Nothing,
        Err(error) => {
            keep_aside(&storage, &raw);
            Loaded::Unreadable(error)
        }
    }
}

/// Copies unreadable data aside so a later save cannot destroy it. The first copy wins:
/// a second unreadable value is not allowed to overwrite an earlier one.
fn keep_aside(storage: &web_sys::Storage, raw: &str) {
    if matches!(storage.get_item(UNREADABLE_KEY), Ok(Some(_))) {
        return;
    }
    if storage.set_item(UNREADABLE_KEY, raw).is_ok() {
        let _ = storage.remove_item(KEY);
    }
}

/// Saves the reader's own run. `Err` when storage is missing or full.
pub fn save(snapshot: &Snapshot) -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    storage.set_item(KEY, &snapshot.to_text()).map_err(|_| ())
}

/// Removes everything this widget stored. `Err` when storage cannot be reached.
pub fn clear() -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    storage.remove_item(KEY).map_err(|_| ())?;
    storage.remove_item(UNREADABLE_KEY).map_err(|_| ())
}
