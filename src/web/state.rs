//! The app's state and every change to it. The reducer is pure: reading files, dialogs and
//! storage happen in the callbacks that dispatch, saving in one effect of the App.

use std::rc::Rc;

use yew::Reducible;

use super::text;
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

/// What the page shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Screen {
    /// What dvht does, in four steps, and where to begin.
    Start,
    /// The form and the live verdict.
    Form,
    /// The documents (Tờ trình, Báo cáo, Bản tổng hợp): their details and a preview.
    Documents,
}

/// A deletion that can be taken back: what it was, and the draft as it was before.
#[derive(Clone, PartialEq)]
pub struct Undo {
    pub what: String,
    pub before: Box<Draft>,
}

/// Evidence rows shown per indicator until the user asks for all of them: a dossier of
/// thousands of items would otherwise redraw every one of their fields on each keystroke.
pub const EVIDENCE_SHOWN: usize = 50;

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
    pub screen: Screen,
    /// The open dossier is the worked example: explored and printed, never saved as a draft.
    pub example: bool,
    /// The last deletion, until the next change.
    pub undo: Option<Undo>,
    /// The published HTML report carries the dossier, so it can be opened again.
    /// How many other modules have arrived (a change re-renders what waited for them).
    pub modules_ready: u32,
    /// Indicators whose whole evidence list is shown (a long one shows its first rows).
    pub expanded: Vec<String>,
    pub embed_dossier: bool,
    /// The menu of a narrow screen is open.
    pub menu: bool,
    /// A new release is installed and waits for the user's word.
    pub update_ready: bool,
    /// The compact app for an iframe (`?embed=1`).
    pub embed: bool,
    /// A member list file being imported: what the spreadsheet module made of it, shown until
    /// the user chooses or closes it (web/roster.rs).
    pub roster_import: Option<Rc<super::roster::Seen>>,
    /// "Lưu ra tệp" writes the member list too (off unless ticked: names stay on the device).
    pub export_roster: bool,
    /// Whether fetching the spreadsheet module failed (the member list's card says so).
    pub sheets_failed: bool,
    /// The printed and Word dossier end with the annex "Danh sách Thành viên" (off by default).
    pub annex: bool,
}

pub enum Action {
    /// A control changed: its field path and its text.
    Set(String, String),
    /// Leaving a control: a valid text is shown as the value reads ("1500" → "1.500").
    Tidy(String),
    AddEvidence(String),
    /// Remove item `index` of indicator `id`, keeping what it was for undo.
    RemoveEvidence(String, usize),
    /// Rows copied from a spreadsheet, with the indicator they default to.
    PasteEvidence(Option<String>, String),
    /// Cite item (`from`, `index`) under indicator `to` too.
    ReuseEvidence {
        to: String,
        from: String,
        index: usize,
    },
    AddMember,
    RemoveMember(usize),
    Undo,
    Finalise(crate::Date),
    Reopen,
    Show(Screen),
    UpdateReady,
    /// Another wasm module has arrived (web/modules.rs): what waited for it can show.
    ModuleReady,
    /// The spreadsheet module could not be fetched: its card offers to try again.
    SheetsFailed,
    /// Shows every evidence row of an indicator.
    ShowAllEvidence(String),
    /// Brings a field into view and focuses it (a message's link).
    Reveal(String),
    SetLang(Lang),
    /// Another draft becomes the open one (new, opened from the list, or from a file).
    Open(Box<Draft>, Option<Notice>),
    /// The worked example becomes the open dossier.
    OpenExample(Box<Draft>),
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
    SetEmbed(bool),
    ToggleMenu,
    /// A member list file previewed (or its preview closed).
    RosterPreview(Option<Rc<super::roster::Seen>>),
    /// An import applied: the new list, what it did in words, and the preview to show with it.
    RosterApplied(Box<crate::roster::Roster>, String, Option<Rc<super::roster::Seen>>),
    /// The counts come from the list, or again from what was typed.
    UseList(bool),
    SetExportRoster(bool),
    SetAnnex(bool),
}

/// A new, empty dossier for the year being assessed now: last year until its filing deadline
/// (the rule set's) passes.
pub fn blank(id: String, today: crate::Date) -> Draft {
    let due = crate::rules::current().timing.submit_before;
    let before_deadline = (today.month(), today.day()) < (due.month, due.day);
    let year = if before_deadline { today.year() - 1 } else { today.year() };
    Draft::new(id, DossierFile { year: Some(i64::from(year)), ..DossierFile::default() })
}

impl State {
    fn focus_on(&mut self, id: String) {
        let n = self.focus.as_ref().map_or(0, |f| f.0 + 1);
        self.focus = Some((n, id));
    }
    fn editable(&self) -> bool {
        self.draft.file.finalised.is_none()
    }
}

/// What is said when the dossier holds as many evidence items as a file may.
fn evidence_limit(s: &State) -> Notice {
    let rules = crate::rules::for_id(&s.draft.file.ruleset);
    let limit = crate::file::limits::over(crate::diagnostic::Limit::EvidenceItems);
    let line = crate::Diagnostic::error(rules, "evidence", limit).text(s.lang);
    Notice::Problem { title: line, lines: Vec::new() }
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
        let t = text::texts(s.lang);
        // An undo offer lasts until the next change of the dossier.
        let keeps_undo = matches!(
            action,
            Action::Undo
                | Action::Notice(_)
                | Action::ShowDrafts(_)
                | Action::ToggleMenu
                | Action::RosterPreview(_)
                | Action::ModuleReady
                | Action::SheetsFailed
                | Action::SetExportRoster(_)
                | Action::SetAnnex(_)
        );
        if !keeps_undo {
            s.undo = None;
        }
        match action {
            Action::Set(path, text) => {
                let before = (s.draft.file.unit.scope, s.draft.file.unit.kind.clone());
                // A control that fails to parse keeps its text; the form shows why.
                let _ = s.draft.set(&path, &text);
                // Changing the scope or the kind hides what no longer applies, but keeps it.
                let after = (s.draft.file.unit.scope, s.draft.file.unit.kind.clone());
                let has_data = s.draft.file.values.filled().next().is_some() || !s.draft.file.evidence.is_empty();
                if before.1.is_some() && before != after && has_data {
                    s.notice = Some(Notice::Info(t.kind_changed.to_string()));
                }
            }
            Action::AddEvidence(id) if s.editable() => match crate::file::edit::add_evidence(&mut s.draft.file, &id) {
                Some(i) => {
                    if i >= EVIDENCE_SHOWN && !s.expanded.contains(&id) {
                        s.expanded.push(id.clone());
                    }
                    s.focus_on(format!("evidence.{id}[{i}].title"))
                }
                None => s.notice = Some(evidence_limit(&s)),
            },
            Action::RemoveEvidence(id, index) if s.editable() => {
                let what =
                    s.draft.file.evidence_for(&id).get(index).and_then(|it| it.title.clone().or(it.code.clone()));
                let before = Box::new(s.draft.clone());
                crate::file::edit::remove_evidence(&mut s.draft.file, &id, index);
                // Pending texts of the removed item and of those after it no longer match.
                let prefix = format!("evidence.{id}[");
                s.draft.pending.retain(|(p, _)| !p.starts_with(&prefix));
                let what = t.removed_evidence.replace("{name}", &what.unwrap_or_else(|| id.clone()));
                s.undo = Some(Undo { what, before });
            }
            Action::PasteEvidence(default_id, text) if s.editable() => {
                let pasted = crate::file::edit::paste_evidence(&mut s.draft.file, &text, default_id.as_deref());
                s.notice = Some(super::view::pasted_notice(t, &pasted));
            }
            Action::ReuseEvidence { to, from, index } if s.editable() => {
                let reused = crate::file::edit::reuse_evidence(&mut s.draft.file, &from, index, &to);
                if reused.is_none() && crate::file::edit::evidence_full(&s.draft.file) {
                    s.notice = Some(evidence_limit(&s));
                }
            }
            Action::AddEvidence(_)
            | Action::RemoveEvidence(..)
            | Action::PasteEvidence(..)
            | Action::ReuseEvidence { .. } => {}
            Action::AddMember if s.editable() => {
                let i = crate::file::edit::add_team_member(&mut s.draft.file);
                s.focus_on(format!("report.team[{i}].name"));
            }
            Action::RemoveMember(i) if s.editable() => {
                let what = s.draft.file.report.as_ref().and_then(|r| r.team.get(i)).and_then(|m| m.name.clone());
                let before = Box::new(s.draft.clone());
                crate::file::edit::remove_team_member(&mut s.draft.file, i);
                s.draft.pending.retain(|(p, _)| !p.starts_with("report.team["));
                let what = t.removed_member.replace("{name}", &what.unwrap_or_else(|| (i + 1).to_string()));
                s.undo = Some(Undo { what, before });
            }
            Action::AddMember | Action::RemoveMember(_) => {}
            Action::Tidy(path) => {
                if s.draft.pending(&path).is_some() && s.draft.text_error(&path).is_none() {
                    s.draft.set_pending(&path, None);
                }
            }
            Action::Undo => {
                if let Some(undo) = s.undo.take() {
                    s.draft = *undo.before;
                    // An import taken back: its preview goes with it.
                    s.roster_import = None;
                }
            }
            Action::Finalise(today) => crate::file::edit::finalise(&mut s.draft.file, today),
            Action::Reopen => crate::file::edit::reopen(&mut s.draft.file),
            Action::Show(screen) => {
                s.screen = screen;
                s.menu = false;
            }
            Action::UpdateReady => s.update_ready = true,
            Action::ModuleReady => {
                s.modules_ready += 1;
                s.sheets_failed = false;
            }
            Action::SheetsFailed => s.sheets_failed = true,
            Action::ShowAllEvidence(id) => s.expanded.push(id),
            Action::Reveal(path) => {
                // A field of an evidence row the list does not show yet: show the whole list.
                if let Some(id) = path.strip_prefix("evidence.").and_then(|p| p.split('[').next()) {
                    if !s.expanded.iter().any(|e| e == id) {
                        s.expanded.push(id.to_string());
                    }
                }
                s.focus_on(path);
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::Open(draft, notice) => {
                s.draft = *draft;
                s.notice = notice;
                // Another dossier: its list is not the one being imported into, and names are
                // written or printed only when ticked for it.
                s.roster_import = None;
                s.export_roster = false;
                s.annex = false;
                s.drafts = None;
                s.example = false;
                s.screen = Screen::Form;
                s.menu = false;
            }
            Action::OpenExample(draft) => {
                s.draft = *draft;
                s.roster_import = None;
                s.export_roster = false;
                s.annex = false;
                s.notice = None;
                s.drafts = None;
                s.example = true;
                s.screen = Screen::Form;
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
            Action::SetEmbed(on) => s.embed_dossier = on,
            Action::ToggleMenu => s.menu = !s.menu,
            Action::RosterPreview(Some(seen)) if !seen.is_for(&s.draft.id) => {}
            Action::RosterPreview(seen) => {
                if seen.is_some() {
                    s.focus_on("roster-preview".into());
                    s.notice = None;
                }
                s.roster_import = seen;
            }
            Action::RosterApplied(_, _, Some(seen)) if !seen.is_for(&s.draft.id) => {}
            Action::RosterApplied(list, what, seen) if s.editable() => {
                let before = Box::new(s.draft.clone());
                s.draft.file.roster = Some(*list);
                s.undo = Some(Undo { what, before });
                s.notice = None;
                if seen.is_some() {
                    s.focus_on("roster-preview".into());
                }
                s.roster_import = seen;
            }
            Action::UseList(yes) if s.editable() => {
                crate::roster::use_list(&mut s.draft.file, yes);
                // The module draws the checkbox anew: focus stays on it.
                s.focus_on("roster-use".into());
            }
            // Finalised while the file was read: the list stays as it was, and the reading
            // notice goes.
            Action::RosterApplied(..) => s.notice = None,
            Action::UseList(_) => {}
            Action::SetExportRoster(on) => s.export_roster = on,
            Action::SetAnnex(on) => s.annex = on,
        }
        Rc::new(s)
    }
}
