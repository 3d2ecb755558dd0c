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
    /// `framed`: the widget runs in a frame of another page, whose address the reader cannot
    /// see and which starts the check afresh when reloaded, so there the answers do not stay.
    pub fn text(&self, framed: bool) -> Option<String> {
        if self.dismissed {
            return None;
        }
        let cannot_save = if framed { CANNOT_SAVE_IN_FRAME } else { CANNOT_SAVE };
        let parts: Vec<&str> = [
            (self.unreadable, "Saved answers on this device could not be read, so you start fresh. The old data is kept aside, not deleted."),
            (self.other_tab, "Your answers were updated from another tab where this check is open."),
            (self.cannot_save, cannot_save),
        ]
        .into_iter()
        .filter_map(|(shown, text)| shown.then_some(text))
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// True when the notice offers the check in its own tab (with [`OPEN_IN_OWN_TAB`]): in a
    /// frame where storage fails, the only place the answers can be kept.
    pub fn offers_own_tab(&self, framed: bool) -> bool {
        framed && self.cannot_save && !self.dismissed
    }
}

/// Storage fails on the check's own page: the run rides in the address, which the reader sees
/// and which a reload keeps.
const CANNOT_SAVE: &str = "This browser won't let the check save your progress here: your answers stay in this page's address until you close it.";

/// Storage fails in a frame (third-party storage blocked): the frame's address is invisible and
/// a reload of the page around it starts over, so the answers are lost when the page is left.
const CANNOT_SAVE_IN_FRAME: &str = "This browser won't let the check save your answers inside this page: they will be lost when you leave or reload it. Open the check in its own tab to keep them; your answers so far go with it.";

/// The link that opens the check, with the answers so far, in its own tab.
pub const OPEN_IN_OWN_TAB: &str = "Open the check in its own tab";
