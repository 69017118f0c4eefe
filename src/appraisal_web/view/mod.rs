//! The receiving side's page, drawn from the state, the work and its register by plain
//! functions, one file per step. Each control's `name` is the path of its field in the
//! appraisal file (`appraisal::edit`), or `filter.*` / `receipt.*` for the screen's own; buttons
//! name their command in `data-act` (and its argument in `data-arg`).

mod council;
mod dossier;
mod intake;
mod papers;
mod registry;
mod report;

use yew::prelude::*;

use super::state::{Notice, Progress, Screen, State, Storage};
use super::work::Work;
use crate::appraisal::edit;
use crate::appraisal::register::Register;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::evaluate::{RequestKind, Status};
use crate::words::date_vi;
use crate::{Date, Lang};

pub struct View<'a> {
    pub s: &'a State,
    pub w: &'a Work,
    pub reg: &'a Register,
    pub lang: Lang,
}

impl View<'_> {
    fn vi(&self) -> bool {
        self.lang.vi()
    }
    fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }
    fn date(&self, d: Date) -> String {
        date_vi(d)
    }
    fn opt_date(&self, d: Option<Date>) -> String {
        d.map_or_else(|| "—".into(), |d| self.date(d))
    }
    fn n(&self, n: usize) -> String {
        crate::words::number(n as u64, self.lang)
    }
    fn shown(&self, path: &str) -> String {
        match &self.w.typing {
            Some((typing, text)) if typing == path => text.clone(),
            _ => edit::shown(&self.w.file, path),
        }
    }
    fn diag(&self, d: &Diagnostic) -> String {
        d.text(self.lang)
    }
    fn kind_name(&self, id: &str) -> String {
        match self.reg.rules.kind(id) {
            Some(k) if self.vi() => k.name_vi.to_string(),
            Some(k) => k.name_en.to_string(),
            None => id.to_string(),
        }
    }
    fn level(&self, level: u8) -> String {
        match (level, self.vi()) {
            (0, true) => "Chưa đạt".into(),
            (0, false) => "Not met".into(),
            (l, true) => format!("Mức độ {l}"),
            (l, false) => format!("Level {l}"),
        }
    }
    fn request(&self, kind: RequestKind, level: u8) -> String {
        let what = match kind {
            RequestKind::First => self.pick("Công nhận", "Recognition"),
            RequestKind::Renewal => self.pick("Công nhận lại", "Renewal"),
            RequestKind::Upgrade => self.pick("Nâng mức độ", "Upgrade"),
            RequestKind::None => return self.pick("Không đề nghị", "Nothing asked").into(),
        };
        format!("{what} {}", self.level(level).to_lowercase())
    }
    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Pass => self.pick("Đạt", "Met"),
            Status::MissingEvidence => self.pick("Thiếu minh chứng", "Evidence missing"),
            Status::Fail => self.pick("Không đạt", "Not met"),
            Status::MissingInput => self.pick("Chưa nhập đủ", "Incomplete"),
            Status::NotApplicable => self.pick("Không áp dụng", "Not applicable"),
        }
    }
    /// The register's messages about one field of the file, under its control.
    fn field_messages(&self, path: &str) -> Html {
        // "Required" is guidance (the intake says what it waits for), not an error on a field
        // left empty.
        let lines: Vec<String> = self
            .reg
            .diagnostics
            .iter()
            .filter(|d| d.field == path && d.code() != "required")
            .map(|d| self.diag(d))
            .collect();
        html! { <>{ for lines.into_iter().map(|l| html! { <p class="field-error" id={format!("{path}-error")}>{ l }</p> }) }</> }
    }
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Pass => "st-pass",
        Status::MissingEvidence => "st-evidence",
        Status::Fail => "st-fail",
        Status::MissingInput => "st-input",
        Status::NotApplicable => "st-na",
    }
}

/// A text (or date) field of the file, named by its path.
fn text_field(v: &View, path: &str, label: &str, kind: &'static str, disabled: bool) -> Html {
    let invalid =
        v.reg.diagnostics.iter().any(|d| d.field == path && d.severity == Severity::Error && d.code() != "required");
    html! {
        <div class="field">
            <label for={path.to_string()}>{ label.to_string() }</label>
            <input id={path.to_string()} name={path.to_string()} type={kind} value={v.shown(path)} {disabled}
                aria-invalid={invalid.then_some("true")} aria-describedby={invalid.then(|| format!("{path}-error"))} />
            { v.field_messages(path) }
        </div>
    }
}

/// A choice among keys, named by its path; "" is "not given".
fn select_field(v: &View, path: &str, label: &str, options: &[(&str, String)], disabled: bool) -> Html {
    let current = v.shown(path);
    html! {
        <div class="field">
            <label for={path.to_string()}>{ label.to_string() }</label>
            <select id={path.to_string()} name={path.to_string()} data-value={current.clone()} {disabled}>
                { for options.iter().map(|(value, text)| html! {
                    <option value={value.to_string()} selected={current == *value}>{ text.clone() }</option>
                }) }
            </select>
            { v.field_messages(path) }
        </div>
    }
}

/// A field's label from the file's field table.
fn label(v: &View, path: &str) -> String {
    crate::appraisal::fields::label(path)
        .map_or_else(|| path.to_string(), |(vi, en)| if v.vi() { vi } else { en }.into())
}

fn tab(v: &View, key: &str, screen: Screen, label: String) -> Html {
    let current = match (v.s.screen, screen) {
        (Screen::Dossier(_), Screen::Dossier(_)) => true,
        (a, b) => a == b,
    };
    html! {
        <button type="button" class="tab" data-act="show" data-arg={key.to_string()} aria-current={current.then_some("step")} data-testid={format!("tab-{key}")}>{ label }</button>
    }
}

fn storage_banner(v: &View) -> Html {
    match v.s.storage {
        Storage::Failed => html! {
            <div class="banner warn" role="alert" data-testid="storage-failed">
                <p>{ v.pick("Không lưu được tệp thẩm định trên máy này (trình duyệt từ chối hoặc đã hết chỗ). Hãy thường xuyên bấm “Lưu tệp thẩm định” để giữ công việc.", "The appraisal file cannot be kept on this device (the browser refuses, or it is full). Save it with “Save the appraisal file” often to keep your work.") }</p>
            </div>
        },
        Storage::Conflict => html! {
            <div class="banner warn" role="alert" data-testid="storage-conflict">
                <p>{ v.pick("Tệp thẩm định vừa được lưu ở một thẻ (tab) khác. Để không ghi đè lên đó, thẻ này đã ngừng lưu; hãy tải lại trang để làm tiếp với bản mới nhất, hoặc lưu những gì ở đây ra tệp.", "The appraisal file was just saved in another tab. So as not to overwrite it, this tab no longer saves: reload the page to go on with the latest, or save what is here to a file.") }</p>
            </div>
        },
        _ => html! {},
    }
}

fn notice(v: &View) -> Html {
    match &v.s.notice {
        None => html! {},
        Some(Notice::Info(text)) => html! {
            <div class="banner info" role="status" data-testid="notice">
                <p>{ text.clone() }</p>
                <button type="button" class="link" data-act="dismiss">{ v.pick("Đóng", "Dismiss") }</button>
            </div>
        },
        Some(Notice::Problem { title, lines }) => html! {
            <div class="banner problem" role="alert" data-testid="problem">
                <p><strong>{ title.clone() }</strong></p>
                <ul>{ for lines.iter().take(50).map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                { if lines.len() > 50 { html! { <p>{ format!("… {} {}", v.n(lines.len() - 50), v.pick("dòng nữa", "more")) }</p> } } else { html! {} } }
                <button type="button" class="link" data-act="dismiss">{ v.pick("Đóng", "Dismiss") }</button>
            </div>
        },
    }
}

pub fn progress_bar(v: &View, p: &Progress) -> Html {
    let label = if p.opening {
        format!(
            "{} {}/{}",
            v.pick("Đang mở tệp thẩm định đã lưu:", "Opening the saved appraisal:"),
            v.n(p.done),
            v.n(p.total)
        )
    } else {
        format!(
            "{} {}/{} {}",
            v.pick("Đang đọc và kiểm tra:", "Reading and checking:"),
            v.n(p.done),
            v.n(p.total),
            v.pick("tệp", "files")
        )
    };
    html! {
        <div class="progress" data-testid="progress">
            <label for="intake-progress">{ label }</label>
            <progress id="intake-progress" max={p.total.max(1).to_string()} value={p.done.to_string()}></progress>
        </div>
    }
}

pub fn page(v: &View, onfile: Callback<Event>) -> Html {
    let f = &v.w.file;
    let scope = f.body.scope.map(|s| if v.vi() { s.name_vi() } else { s.name_en() });
    let about = [
        f.body.name.clone(),
        f.year.map(|y| format!("{} {y}", v.pick("năm đánh giá", "assessed year"))),
        scope.map(|s| format!("{} {s}", v.pick("hồ sơ", "dossiers"))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let count = v.reg.entries.len();
    html! {
        <>
        <a class="skip" href="#main">{ v.pick("Đến nội dung chính", "Skip to main content") }</a>
        <header>
            <div class="top">
                <div class="brand">
                    <h1>{ v.pick("Tiếp nhận và thẩm định hồ sơ “Đơn vị học tập”", "Receiving and appraising “Learning Unit” dossiers") }</h1>
                    <p>{ if about.is_empty() { v.pick("Dành cho Phòng, Sở GD&ĐT · dữ liệu chỉ ở trên máy này", "For the district and provincial education offices · data stays on this device").to_string() } else { about } }</p>
                </div>
                <nav class="actions" aria-label={v.pick("Thao tác với tệp thẩm định", "Appraisal file actions")}>
                    <button type="button" data-act="new">{ v.pick("Thẩm định mới", "New appraisal") }</button>
                    <input id="open-appraisal" name="open-appraisal" class="file-input" type="file" accept=".json,application/json" data-testid="open-appraisal" onchange={onfile.clone()} />
                    <label for="open-appraisal" class="button">{ v.pick("Mở tệp thẩm định", "Open an appraisal file") }</label>
                    <button type="button" class="primary" data-act="export" data-testid="export-appraisal">{ v.pick("Lưu tệp thẩm định", "Save the appraisal file") }</button>
                    <button type="button" data-act="lang" lang={if v.vi() { "en" } else { "vi" }}>{ v.pick("English", "Tiếng Việt") }</button>
                    <a class="button" href="./" data-testid="to-units">{ v.pick("Về trang tự đánh giá", "To the self-assessment") }</a>
                </nav>
            </div>
            <nav class="tabs" aria-label={v.pick("Các bước thẩm định", "Steps of the appraisal")}>
                { tab(v, "intake", Screen::Intake, format!("1. {} ({})", v.pick("Tiếp nhận", "Intake"), v.n(count))) }
                { tab(v, "council", Screen::Council, format!("2. {}", v.pick("Hội đồng", "Council"))) }
                { tab(v, "dossier", Screen::Dossier(0), format!("3. {}", v.pick("Thẩm định", "Appraisal"))) }
                { tab(v, "papers", Screen::Papers, format!("4. {}", v.pick("Văn bản", "Papers"))) }
                { tab(v, "report", Screen::Report, format!("5. {}", v.pick("Báo cáo năm", "Year's report"))) }
                { tab(v, "registry", Screen::Registry, format!("6. {}", v.pick("Sổ công nhận", "Recognitions"))) }
            </nav>
            { if v.s.update_ready { html! {
                <div class="banner info" role="status">
                    <p>{ v.pick("Đã có phiên bản mới của ứng dụng.", "A new release of the app is ready.") }{ " " }
                    <button type="button" data-act="update">{ v.pick("Tải lại để dùng", "Reload to use it") }</button></p>
                </div>
            } } else { html! {} } }
            { storage_banner(v) }
            { notice(v) }
            { v.s.progress.as_ref().map_or(html! {}, |p| progress_bar(v, p)) }
        </header>
        <main id="main" class="desk">
            { match v.s.screen {
                Screen::Intake => intake::screen(v, onfile),
                Screen::Council => council::screen(v),
                Screen::Dossier(i) => dossier::screen(v, i),
                Screen::Papers => papers::screen(v),
                Screen::Report => report::screen(v, onfile),
                Screen::Registry => registry::screen(v, onfile),
            } }
        </main>
        <footer class="foot">
            <p>{ v.pick("Mọi hồ sơ và kết quả thẩm định chỉ ở trên máy này: không gửi đi đâu. Tệp thẩm định tự lưu sau mỗi thay đổi; “Lưu tệp thẩm định” tạo tệp .json để chép sang máy khác hoặc lưu trữ.", "Every dossier and verdict stays on this device: nothing is sent anywhere. The appraisal file is kept after every change; “Save the appraisal file” makes a .json file to copy to another computer or archive.") }</p>
            <p>{ format!("dvht {} · {}: {}", env!("CARGO_PKG_VERSION"), v.pick("bộ tiêu chí", "rule set"), v.reg.rules.id) }</p>
        </footer>
        </>
    }
}

/// Diagnostics as a list, errors first.
fn messages(v: &View, list: &[&Diagnostic], testid: &'static str) -> Html {
    if list.is_empty() {
        return html! {};
    }
    let mut sorted: Vec<&&Diagnostic> = list.iter().collect();
    sorted.sort_by_key(|d| d.severity != Severity::Error);
    html! {
        <ul class="messages" data-testid={testid}>
            { for sorted.iter().map(|d| html! {
                <li class={if d.severity == Severity::Error { "msg-error" } else { "msg-warning" }}>{ v.diag(d) }</li>
            }) }
        </ul>
    }
}
