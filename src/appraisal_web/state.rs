//! What the receiving side's screen shows, and every change to it. The appraisal file itself,
//! with thousands of dossiers, is not copied on each change: it lives in `work.rs`, and the
//! reducer keeps its revision (`rev`), so a change of the file re-renders the page.

use std::rc::Rc;

use yew::Reducible;

use crate::appraisal::register::{self, Filter, SortKey};
use crate::Lang;

/// The steps of the procedure, one screen each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Screen {
    /// The body, intake and the register (Điều 10.2a, 16.2a).
    Intake,
    /// The council (10.2b, 16.2b).
    Council,
    /// One dossier appraised (10.2c, 16.2c), by its place in the file.
    Dossier(usize),
    /// The papers (10.2d–đ, 16.2d–đ).
    Papers,
    /// The year's report (20.3, 18.3).
    Report,
    /// The register of recognitions kept across years (5.4, 11.4).
    Registry,
}

#[derive(Clone, PartialEq, Debug)]
pub enum Notice {
    Info(String),
    Problem { title: String, lines: Vec<String> },
}

/// Work under way, for the progress bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Files read (intake), or dossiers opened from this device's storage.
    pub opening: bool,
}

/// Where the appraisal file is kept on this device.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Storage {
    /// Being read at start.
    Loading,
    Saved,
    /// The browser refused (no IndexedDB, full, private mode): the file must be saved by hand.
    Failed,
    /// Another tab saved the appraisal since this one read it: this tab no longer saves.
    Conflict,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    pub filter: Filter,
    pub sort: SortKey,
    pub descending: bool,
    /// The page of the register shown (rows of `PAGE` each).
    pub page: usize,
    pub progress: Option<Progress>,
    pub notice: Option<Notice>,
    /// The appraisal file's revision in `work.rs`.
    pub rev: u64,
    pub storage: Storage,
    /// The paper shown in the preview (a key of `papers::list`).
    pub paper: String,
    /// When and how the next files came in (the intake's controls).
    pub received: String,
    pub channel: String,
    /// Files are dragged over the drop area.
    pub dragging: bool,
    /// The dossier appraised last (the step's tab goes back to it).
    pub last: usize,
    /// A new release is installed and waits for the user's word.
    pub update_ready: bool,
}

/// Rows of the register shown at once: the whole register is filtered, counted and sorted,
/// but only a page of it is drawn, so 5,000 dossiers stay quick.
pub const PAGE: usize = 100;

pub enum Action {
    /// The appraisal file changed (`work.rs` counted a new revision).
    Changed(u64),
    Show(Screen),
    /// A control of the register's filter: its name (`filter.text`, `filter.kind`, …) and value.
    Filter(String, String),
    /// Sort by this key; the same key again reverses the order.
    Sort(SortKey),
    Page(usize),
    Progress(Option<Progress>),
    Notice(Option<Notice>),
    Storage(Storage),
    SetLang(Lang),
    Paper(String),
    /// A control of the intake (`receipt.date`, `receipt.channel`) and its value.
    Receipt(String, String),
    Dragging(bool),
    UpdateReady,
}

impl State {
    pub fn new(lang: Lang, today: crate::Date) -> State {
        State {
            lang,
            screen: Screen::Intake,
            filter: Filter::default(),
            sort: SortKey::Name,
            descending: false,
            page: 0,
            progress: None,
            notice: None,
            rev: 0,
            storage: Storage::Loading,
            paper: String::new(),
            received: today.to_string(),
            channel: String::new(),
            dragging: false,
            last: 0,
            update_ready: false,
        }
    }
}

fn set_filter(f: &mut Filter, name: &str, value: &str) {
    let given = Some(value.to_string()).filter(|v| !v.trim().is_empty());
    match name {
        "filter.text" => f.text = given,
        "filter.kind" => f.kind = given,
        "filter.level" => f.level = value.parse().ok(),
        "filter.request" => f.request = register::request_from_key(value),
        "filter.state" => f.state = register::State::from_key(value),
        _ => {}
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Changed(rev) => s.rev = rev,
            Action::Show(screen) => {
                if let Screen::Dossier(i) = screen {
                    s.last = i;
                }
                s.screen = screen;
                s.notice = None;
            }
            Action::Filter(name, value) => {
                set_filter(&mut s.filter, &name, &value);
                s.page = 0;
            }
            Action::Sort(key) => {
                s.descending = s.sort == key && !s.descending;
                s.sort = key;
                s.page = 0;
            }
            Action::Page(p) => s.page = p,
            Action::Progress(p) => s.progress = p,
            Action::Notice(n) => s.notice = n,
            Action::Storage(st) => s.storage = st,
            Action::SetLang(l) => s.lang = l,
            Action::Paper(p) => s.paper = p,
            Action::Receipt(name, value) => match name.as_str() {
                "receipt.date" => s.received = value,
                "receipt.channel" => s.channel = value,
                _ => {}
            },
            Action::Dragging(d) => s.dragging = d,
            Action::UpdateReady => s.update_ready = true,
        }
        Rc::new(s)
    }
}
