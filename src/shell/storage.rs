//! localStorage, used defensively: it can be missing (blocked third-party storage, private
//! modes), throw on read or write (quota), or hold another version's data or garbage.
//!
//! gloo-storage is not used: its `raw()` panics when storage is unavailable, and everything
//! here must degrade instead.

use crate::core::snapshot::{Snapshot, SnapshotError};

/// The key of the reader's own run.
pub const KEY: &str = "scaling-readiness-check";
/// Where unreadable data is kept aside (never overwritten by a later save); later copies get
/// `.2` … `.9` after it.
pub const UNREADABLE_KEY: &str = "scaling-readiness-check.unreadable";
const ASIDE_SLOTS: u8 = 9;

/// The key of aside slot `n` (1 is [`UNREADABLE_KEY`] itself).
fn aside_key(n: u8) -> String {
    if n == 1 { UNREADABLE_KEY.to_owned() } else { format!("{UNREADABLE_KEY}.{n}") }
}

/// What was found in storage at start-up.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// Storage cannot be used at all.
    Unavailable,
    /// Nothing stored yet.
    Nothing,
    /// A readable snapshot.
    Snapshot(Snapshot),
    /// Something unreadable, kept aside under [`UNREADABLE_KEY`] (or a numbered slot after
    /// it). `kept` is false when every slot was taken: then the value stays where it is and
    /// the caller must not save over it.
    Unreadable { error: SnapshotError, kept: bool },
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
        Err(error) => Loaded::Unreadable { error, kept: keep_aside(&storage, &raw) },
    }
}

/// Copies unreadable data to the first free aside slot, then removes it from the run's key,
/// so a later save cannot destroy it. Returns false when no slot is free (nothing moved).
fn keep_aside(storage: &web_sys::Storage, raw: &str) -> bool {
    for n in 1..=ASIDE_SLOTS {
        let key = aside_key(n);
        match storage.get_item(&key) {
            Ok(None) => {
                return storage.set_item(&key, raw).is_ok() && storage.remove_item(KEY).is_ok();
            }
            Ok(Some(existing)) if existing == raw => return storage.remove_item(KEY).is_ok(),
            _ => continue,
        }
    }
    false
}

/// Storage could not be used: missing, blocked, or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUnavailable;

/// Saves the reader's own run.
pub fn save(snapshot: &Snapshot) -> Result<(), StorageUnavailable> {
    let storage = local_storage().ok_or(StorageUnavailable)?;
    storage.set_item(KEY, &snapshot.to_text()).map_err(|_| StorageUnavailable)
}

/// Removes the stored run (not the data kept aside), after a save failed.
pub fn forget_run() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// Removes everything this widget stored.
pub fn clear() -> Result<(), StorageUnavailable> {
    let storage = local_storage().ok_or(StorageUnavailable)?;
    storage.remove_item(KEY).map_err(|_| StorageUnavailable)?;
    for n in 1..=ASIDE_SLOTS {
        storage.remove_item(&aside_key(n)).map_err(|_| StorageUnavailable)?;
    }
    Ok(())
}
