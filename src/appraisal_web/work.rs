//! The appraisal being worked on, kept outside the reducer: the file (thousands of dossiers),
//! the register of recognitions of earlier years, the Phòng reports a Sở took in, the prepared
//! register (`appraisal::register::Prepared`) and the register built from it. One per page.
//! Every change goes through [`update`], which rebuilds the register — quickly, from what is
//! prepared — counts a revision, and asks for the file to be saved.

use std::cell::RefCell;
use std::rc::Rc;

use crate::appraisal::recognitions::Recognitions;
use crate::appraisal::register::{Prepared, Register};
use crate::appraisal::report::YearReport;
use crate::appraisal::AppraisalFile;
use crate::engine::Env;

pub struct Work {
    pub env: Env,
    pub file: AppraisalFile,
    pub known: Option<Recognitions>,
    pub reports: Vec<YearReport>,
    pub prepared: Prepared,
    pub register: Rc<Register>,
    pub rev: u64,
    /// What storage must write next: the dossiers' payloads from this index on (all of them,
    /// after the file was replaced), and whether the side files changed.
    pub unstored_from: usize,
    pub replaced: bool,
    /// Counts replacements, so a save finishing after one does not count as the new file's.
    pub generation: u64,
    pub side_changed: bool,
    /// Changed since it was last exported or opened from a file.
    pub unexported: bool,
    /// A field of the file being typed into and its text, not yet recorded (fields record on
    /// change, so the register is rebuilt once per answer): shown by every render meanwhile, as
    /// Yew puts a control's rendered value back into it and would wipe what is being typed.
    pub typing: Option<(String, String)>,
}

thread_local! {
    static WORK: RefCell<Option<Work>> = const { RefCell::new(None) };
}

impl Work {
    fn new(env: Env, file: AppraisalFile) -> Work {
        let mut prepared = Prepared::default();
        let register = Rc::new(prepared.build(&file, &env, None));
        Work {
            env,
            file,
            known: None,
            reports: Vec::new(),
            prepared,
            register,
            rev: 0,
            unstored_from: 0,
            replaced: true,
            generation: 0,
            side_changed: false,
            unexported: false,
            typing: None,
        }
    }

    /// Rebuilds the register from what is prepared (preparing what is not).
    pub fn refresh(&mut self) {
        self.register = Rc::new(self.prepared.build(&self.file, &self.env, self.known.as_ref()));
        self.rev += 1;
    }

    /// Another file in place of this one (new, opened, restored): prepared afresh.
    pub fn replace(&mut self, file: AppraisalFile) {
        self.file = file;
        self.prepared = Prepared::default();
        self.unstored_from = 0;
        self.replaced = true;
        self.generation += 1;
        self.typing = None;
    }
}

pub fn init(env: Env, file: AppraisalFile) {
    WORK.with(|w| *w.borrow_mut() = Some(Work::new(env, file)));
}

/// Reads the work (the page is drawn inside `f`).
pub fn with<R>(f: impl FnOnce(&Work) -> R) -> R {
    WORK.with(|w| f(w.borrow().as_ref().expect("the work is set up before the app mounts")))
}

/// Changes the work without rebuilding the register (intake, a step at a time).
pub fn raw<R>(f: impl FnOnce(&mut Work) -> R) -> R {
    WORK.with(|w| f(w.borrow_mut().as_mut().expect("the work is set up before the app mounts")))
}

/// Changes the work, rebuilds the register and asks for a save; returns the new revision.
pub fn update<R>(f: impl FnOnce(&mut Work) -> R) -> (R, u64) {
    let out = raw(|w| {
        let out = f(w);
        w.unexported = true;
        w.refresh();
        (out, w.rev)
    });
    super::storage::request_save();
    out
}
