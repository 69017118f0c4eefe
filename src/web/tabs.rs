//! Several tabs, one truth. Every tab of the app autosaves to the same storage, so a draft open
//! in two tabs must never be overwritten unseen:
//!
//! - every stored record carries a revision (`Draft::rev`); a tab remembers the revision it last
//!   read or wrote, and saves only over that one;
//! - a tab learns of another's save from the `storage` event and, having nothing unsaved of its
//!   own (every change is saved at once), shows the newer version, saying so;
//! - if both changed the draft before either heard of the other, the later save finds a revision
//!   it has not seen: it does not overwrite it but keeps its own work as a separate draft, and
//!   says so. Both versions stay in the drafts list.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::browser;
use crate::file::draft::{self, Draft};
use crate::Lang;

/// The draft this tab has open, as storage last had it from or for this tab.
struct Seen {
    id: String,
    rev: u64,
}

/// What is told of a newer version of the open draft.
type Newer = Box<dyn Fn(Box<Draft>)>;

thread_local! {
    static SEEN: RefCell<Option<Seen>> = const { RefCell::new(None) };
    /// A draft that came from storage as it is: its first autosave would only write it again.
    static FROM_STORAGE: RefCell<Option<Draft>> = const { RefCell::new(None) };
    /// The last save failed: this tab holds work that storage does not.
    static UNSAVED: RefCell<bool> = const { RefCell::new(false) };
    /// Who is told of a newer version: the app mounted last (one listener per page).
    static NEWER: RefCell<Option<Newer>> = const { RefCell::new(None) };
    static LISTENING: RefCell<bool> = const { RefCell::new(false) };
}

/// What the notices say.
pub fn adopted(lang: Lang) -> &'static str {
    if lang.vi() {
        "Hồ sơ đã được cập nhật theo thay đổi vừa lưu ở một thẻ (tab) khác."
    } else {
        "The dossier was updated with a change just saved in another tab."
    }
}

pub fn forked(lang: Lang) -> &'static str {
    if lang.vi() {
        "Hồ sơ này vừa được sửa ở một thẻ (tab) khác cùng lúc với thẻ này. Để không ghi đè lên thay đổi đó, những gì bạn nhập ở đây được lưu thành một bản nháp riêng; cả hai bản đều có trong “Danh sách hồ sơ”."
    } else {
        "This dossier was just changed in another tab at the same time as here. So as not to overwrite that change, what you entered here is saved as a separate draft; both are in the drafts list."
    }
}

fn key(id: &str) -> String {
    format!("{}{id}", browser::DRAFT_PREFIX)
}

/// Two drafts hold the same work (when they were saved, and how often, aside).
pub fn same_work(a: &Draft, b: &Draft) -> bool {
    a.id == b.id && a.exported == b.exported && a.pending == b.pending && a.file == b.file
}

/// A draft read from storage becomes the open one.
pub fn opened(d: &Draft) {
    SEEN.with(|s| *s.borrow_mut() = Some(Seen { id: d.id.clone(), rev: d.rev }));
    FROM_STORAGE.with(|f| *f.borrow_mut() = Some(d.clone()));
    UNSAVED.with(|u| *u.borrow_mut() = false);
}

/// What an autosave did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Nothing new to write.
    Unchanged,
    /// The browser refused (storage full or disabled).
    Failed,
    /// Another tab saved this draft since this tab last read or wrote it: not overwritten.
    Conflict,
    /// The app stopped after a panic: nothing is saved any more.
    Stopped,
}

/// Saves the open draft, unless another tab saved it in between.
pub fn save(d: &Draft) -> Saved {
    if super::panic::panicked() {
        return Saved::Stopped;
    }
    let from_storage = FROM_STORAGE.with(|f| f.borrow_mut().take());
    if from_storage.is_some_and(|s| same_work(&s, d)) {
        return Saved::Unchanged;
    }
    let key = key(&d.id);
    let stored = browser::get(&key);
    let stored_rev = stored.as_deref().map(draft::rev_of);
    let seen = SEEN.with(|s| s.borrow().as_ref().filter(|s| s.id == d.id).map(|s| s.rev));
    if let Some(stored_rev) = stored_rev {
        // A record this tab has not seen: another tab wrote it.
        if seen != Some(stored_rev) {
            return Saved::Conflict;
        }
    }
    let mut record = d.clone();
    record.rev = stored_rev.unwrap_or(0).max(seen.unwrap_or(0)) + 1;
    record.saved = Some(browser::now_iso());
    let text = draft::encode(&record);
    if !browser::put(&key, &text) || !browser::put(browser::CURRENT, &d.id) {
        UNSAVED.with(|u| *u.borrow_mut() = true);
        return Saved::Failed;
    }
    UNSAVED.with(|u| *u.borrow_mut() = false);
    SEEN.with(|s| *s.borrow_mut() = Some(Seen { id: d.id.clone(), rev: record.rev }));
    super::panic::remember(text);
    Saved::Written
}

/// Listens for other tabs' saves of the open draft; `newer` gets a newer version of it.
pub fn listen(newer: impl Fn(Box<Draft>) + 'static) {
    NEWER.with(|n| *n.borrow_mut() = Some(Box::new(newer)));
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        if super::panic::panicked() {
            return;
        }
        let Some(k) = e.key() else { return };
        let Some((id, rev)) = SEEN.with(|s| s.borrow().as_ref().map(|s| (s.id.clone(), s.rev))) else { return };
        if k != key(&id) {
            return;
        }
        // Deleted in another tab: this tab's next save keeps its work.
        let Some(text) = e.new_value() else { return };
        if draft::rev_of(&text) <= rev {
            return;
        }
        // Work this tab could not save is not thrown away: its next save reports the conflict.
        if UNSAVED.with(|u| *u.borrow()) {
            return;
        }
        let Ok(mut d) = draft::decode(&text) else { return };
        d.id = id;
        super::panic::remember(text);
        opened(&d);
        // Taken out while it runs: the app it updates may mount again and set it.
        let newer = NEWER.with(|n| n.borrow_mut().take());
        if let Some(newer) = newer {
            newer(Box::new(d));
            NEWER.with(|n| {
                let mut n = n.borrow_mut();
                if n.is_none() {
                    *n = Some(newer);
                }
            });
        }
    });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    handler.forget();
}
