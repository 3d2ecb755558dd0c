//! What the reader is told about storage: one discreet notice, changed only by events.

/// Something the reader should know about where their answers are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Progress cannot be saved on this device (storage missing, blocked or full).
    CannotSave,
    /// Saved data could not be read; the reader starts fresh and the data was kept aside.
    Unreadable,
    /// The answers were updated from another tab.
    FromOtherTab,
    /// The reader dismissed what was shown.
    Dismissed,
}

/// The storage notices shown to the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    cannot_save: bool,
    unreadable: bool,
    other_tab: bool,
    dismissed: bool,
}

impl Notices {
    /// Records an event; a new problem shows the notice again after a dismissal.
    pub fn apply(&mut self, notice: Notice) {
        match notice {
            Notice::CannotSave => self.cannot_save = true,
            Notice::Unreadable => self.unreadable = true,
            Notice::FromOtherTab => self.other_tab = true,
            Notice::Dismissed => {
                self.dismissed = true;
                return;
            }
        }
        self.dismissed = false;
    }

    /// True once storage has failed: from then on progress rides in the address.
    pub fn cannot_save(&self) -> bool {
        self.cannot_save
    }

    /// The notice's text, or `None` when there is nothing to say or it was dismissed.
    pub fn text(&self) -> Option<String> {
        if self.dismissed {
            return None;
        }
        let parts: Vec<&str> = [
            (self.unreadable, "Saved answers on this device could not be read, so you start fresh. The old data is kept aside, not deleted."),
            (self.other_tab, "Your answers were updated from another tab where this check is open."),
            (self.cannot_save, "This browser won't let the check save your progress here: your answers stay in this page's address until you close it."),
        ]
        .into_iter()
        .filter_map(|(shown, text)| shown.then_some(text))
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}
