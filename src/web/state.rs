//! The app's state and every change to it. The reducer is pure: reading files, dialogs and
//! storage happen in the callbacks that dispatch, saving in one effect of the App.

use std::rc::Rc;

use yew::Reducible;

use crate::file::draft::Draft;
use crate::file::DossierFile;
use crate::Lang;

/// A line of the drafts list.
#[derive(Clone, PartialEq)]
pub struct DraftEntry {
    pub id: String,
    pub name: Option<String>,
    pub year: Option<i64>,
    pub saved: Option<String>,
    /// The raw text of a record that cannot be read.
    pub damaged: Option<String>,
}

#[derive(Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Problem { title: String, lines: Vec<String> },
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub draft: Draft,
    pub storage_ok: bool,
    pub notice: Option<Notice>,
    /// The drafts list, when it is open.
    pub drafts: Option<Vec<DraftEntry>>,
    /// A control to focus after the next render, with a counter so the same id can repeat.
    pub focus: Option<(u32, String)>,
    /// The documents view (Tờ trình, Báo cáo, Bản tổng hợp) instead of the form.
    pub documents: bool,
    /// A new release is installed and waits for the user's word.
    pub update_ready: bool,
    /// The compact app for an iframe (`?embed=1`).
    pub embed: bool,
}

pub enum Action {
    /// A control changed: its field path and its text.
    Set(String, String),
    AddEvidence(String),
    RemoveEvidence(String, usize),
    AddMember,
    RemoveMember(usize),
    Finalise(crate::Date),
    Reopen,
    ShowDocuments(bool),
    UpdateReady,
    SetLang(Lang),
    /// Another draft becomes the open one (new, opened from the list, or from a file).
    Open(Box<Draft>, Option<Notice>),
    Exported(String),
    StorageFailed,
    /// Saving works again after it failed.
    StorageWorks,
    /// Another tab saved a newer version of the open draft (web/tabs.rs).
    External(Box<Draft>),
    /// Another tab saved the open draft while this one changed it too: this tab goes on in a
    /// copy of its own, so neither overwrites the other.
    Forked(Box<Draft>),
    Notice(Option<Notice>),
    ShowDrafts(Option<Vec<DraftEntry>>),
}

/// A new, empty dossier for the year being assessed now: last year until its filing deadline
/// (the rule set's) passes.
pub fn blank(id: String, today: crate::Date) -> Draft {
    let due = crate::rules::current().timing.submit_before;
    let before_deadline = (today.month(), today.day()) < (due.month, due.day);
    let year = if before_deadline { today.year() - 1 } else { today.year() };
    Draft::new(id, DossierFile { year: Some(i64::from(year)), ..DossierFile::default() })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Another tab's save of what this tab already shows changes nothing (no render, no save).
        if let Action::External(d) = &action {
            if d.id != self.draft.id || crate::web::tabs::same_work(d, &self.draft) {
                return self;
            }
        }
        let mut s = (*self).clone();
        match action {
            Action::Set(path, text) => {
                // A control that fails to parse keeps its text; the form shows why.
                let _ = s.draft.set(&path, &text);
            }
            Action::AddEvidence(id) if s.draft.file.finalised.is_none() => {
                match crate::file::edit::add_evidence(&mut s.draft.file, &id) {
                    Some(i) => {
                        let n = s.focus.as_ref().map_or(0, |f| f.0 + 1);
                        s.focus = Some((n, format!("evidence.{id}[{i}].title")));
                    }
                    None => {
                        let rules = crate::rules::for_id(&s.draft.file.ruleset);
                        let limit = crate::file::limits::over(crate::diagnostic::Limit::EvidenceItems);
                        let line = crate::Diagnostic::error(rules, "evidence", limit).text(s.lang);
                        s.notice = Some(Notice::Problem { title: line, lines: Vec::new() });
                    }
                }
            }
            Action::RemoveEvidence(id, index) if s.draft.file.finalised.is_none() => {
                crate::file::edit::remove_evidence(&mut s.draft.file, &id, index);
                // Pending texts of the removed item and of those after it no longer match.
                let prefix = format!("evidence.{id}[");
                s.draft.pending.retain(|(p, _)| !p.starts_with(&prefix));
            }
            Action::AddEvidence(_) | Action::RemoveEvidence(..) => {}
            Action::AddMember if s.draft.file.finalised.is_none() => {
                let i = crate::file::edit::add_team_member(&mut s.draft.file);
                let n = s.focus.as_ref().map_or(0, |f| f.0 + 1);
                s.focus = Some((n, format!("report.team[{i}].name")));
            }
            Action::RemoveMember(i) if s.draft.file.finalised.is_none() => {
                crate::file::edit::remove_team_member(&mut s.draft.file, i);
                s.draft.pending.retain(|(p, _)| !p.starts_with("report.team["));
            }
            Action::AddMember | Action::RemoveMember(_) => {}
            Action::Finalise(today) => crate::file::edit::finalise(&mut s.draft.file, today),
            Action::Reopen => crate::file::edit::reopen(&mut s.draft.file),
            Action::ShowDocuments(show) => s.documents = show,
            Action::UpdateReady => s.update_ready = true,
            Action::SetLang(lang) => s.lang = lang,
            Action::Open(draft, notice) => {
                s.draft = *draft;
                s.notice = notice;
                s.drafts = None;
            }
            Action::Exported(sum) => s.draft.exported = Some(sum),
            Action::StorageFailed => s.storage_ok = false,
            Action::StorageWorks => s.storage_ok = true,
            Action::External(draft) => {
                s.draft = *draft;
                s.notice = Some(Notice::Info(crate::web::tabs::adopted(s.lang).to_string()));
            }
            Action::Forked(draft) => {
                s.draft = *draft;
                let title = crate::web::tabs::forked(s.lang).to_string();
                s.notice = Some(Notice::Problem { title, lines: Vec::new() });
            }
            Action::Notice(n) => s.notice = n,
            Action::ShowDrafts(list) => s.drafts = list,
        }
        Rc::new(s)
    }
}
