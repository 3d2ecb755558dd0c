//! localStorage through gloo-storage, used defensively: storage can be missing (blocked
//! third-party storage, private modes), throw on read or write (quota), or hold another
//! version's data or garbage.
//!
//! gloo-storage reads and writes the run as JSON (the core's serde type `StoredRun`). Its
//! `raw()` throws when storage is unavailable, and its reads assume `getItem` never throws,
//! so every entry point first probes storage with `web_sys` calls that return a `Result`,
//! and only then calls gloo. Every `StorageError` maps to the degrade paths: cannot save, or
//! unreadable data kept aside. The verbatim copies of unreadable data go through gloo's raw
//! storage, because re-encoding them as JSON would change what is kept.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::core::snapshot::{Snapshot, SnapshotError, StoredRun, StoredValue, read_stored};

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

/// Storage could not be used: missing, blocked, or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUnavailable;

/// True when localStorage exists and a read of the run's key does not throw: the condition
/// under which gloo-storage's calls cannot throw either.
fn available() -> bool {
    let Some(window) = super::window() else { return false };
    match window.local_storage() {
        Ok(Some(storage)) => storage.get_item(KEY).is_ok(),
        _ => false,
    }
}

/// What is stored under the run's key, as far as gloo-storage's JSON reads get with it:
/// `Ok(None)` when nothing is stored.
fn stored_value() -> Result<Option<StoredValue>, StorageUnavailable> {
    if !available() {
        return Err(StorageUnavailable);
    }
    match LocalStorage::get::<StoredRun>(KEY) {
        Ok(run) => Ok(Some(StoredValue::Json(run))),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        // Not JSON with a format: a text snapshot from before format 3, or garbage.
        Err(StorageError::SerdeError(_)) => Ok(raw_text(KEY).map(StoredValue::Text)),
        Err(StorageError::JsError(_)) => Err(StorageUnavailable),
    }
}

/// Reads the reader's own run.
pub fn load() -> Loaded {
    let value = match stored_value() {
        Ok(Some(value)) => value,
        Ok(None) => return Loaded::Nothing,
        Err(StorageUnavailable) => return Loaded::Unavailable,
    };
    match read_stored(&value) {
        Ok(snapshot) => Loaded::Snapshot(snapshot),
        Err(SnapshotError::Empty) => Loaded::Nothing,
        Err(error) => {
            let kept = raw_text(KEY).is_some_and(|raw| keep_aside(&raw));
            Loaded::Unreadable { error, kept }
        }
    }
}

/// The run another tab just saved: read again through gloo rather than from the event's text,
/// so one reader handles every format. `None` when it is missing or unreadable (the tab that
/// wrote it keeps its own copy; nothing is set aside from here).
pub fn read_run() -> Option<Snapshot> {
    read_stored(&stored_value().ok()??).ok()
}

/// The stored text under a key, verbatim.
fn raw_text(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Copies unreadable data to the first free aside slot, then removes it from the run's key,
/// so a later save cannot destroy it. Returns false when no slot is free (nothing moved).
fn keep_aside(raw: &str) -> bool {
    let storage = LocalStorage::raw();
    for n in 1..=ASIDE_SLOTS {
        let key = aside_key(n);
        match storage.get_item(&key) {
            Ok(None) => return storage.set_item(&key, raw).is_ok() && storage.remove_item(KEY).is_ok(),
            Ok(Some(existing)) if existing == raw => return storage.remove_item(KEY).is_ok(),
            _ => continue,
        }
    }
    false
}

/// Saves the reader's own run (format 3, JSON).
pub fn save(snapshot: &Snapshot) -> Result<(), StorageUnavailable> {
    if !available() {
        return Err(StorageUnavailable);
    }
    LocalStorage::set(KEY, snapshot.to_stored()).map_err(|_| StorageUnavailable)
}

/// Removes the stored run (not the data kept aside), after a save failed.
pub fn forget_run() {
    if available() {
        let _ = LocalStorage::raw().remove_item(KEY);
    }
}

/// Removes everything this widget stored.
pub fn clear() -> Result<(), StorageUnavailable> {
    if !available() {
        return Err(StorageUnavailable);
    }
    let storage = LocalStorage::raw();
    storage.remove_item(KEY).map_err(|_| StorageUnavailable)?;
    for n in 1..=ASIDE_SLOTS {
        storage.remove_item(&aside_key(n)).map_err(|_| StorageUnavailable)?;
    }
    Ok(())
}
