//! The engine and the app in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts the app into the page, acts as a user would (setting a control and firing
//! its `input` event, clicking a button) and reads the DOM after `yew::scheduler::flush()`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &[u8] = include_bytes!("fixtures/spec-example.json");
const COMPLETE: &[u8] = include_bytes!("fixtures/complete-thpt.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn js(code: &str) {
    js_sys::Function::new_no_args(code).call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

struct Mounted {
    handle: Option<yew::AppHandle<dvht::web::App>>,
    root: web_sys::Element,
}

impl Mounted {
    async fn new() -> Mounted {
        // A test that failed left its app behind: clear it, so ids are unique again.
        let left = document().query_selector_all(".test-root").unwrap();
        for i in 0..left.length() {
            left.get(i).unwrap().dyn_into::<web_sys::Element>().unwrap().remove();
        }
        let root = document().create_element("div").unwrap();
        root.set_class_name("test-root");
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<dvht::web::App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        let app = Mounted { handle: Some(handle), root };
        // Nothing stored yet: the start page; these tests begin a new dossier from it.
        if app.root.query_selector("[data-testid=start-new]").unwrap().is_some() {
            app.click("[data-testid=start-new]").await;
        }
        app
    }
    /// Mounted as a first visit sees it, on the start page.
    async fn at_start() -> Mounted {
        let root = document().create_element("div").unwrap();
        root.set_class_name("test-root");
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<dvht::web::App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted { handle: Some(handle), root }
    }
    fn find(&self, id: &str) -> Option<web_sys::HtmlElement> {
        self.root.query_selector(&format!("[id='{id}']")).ok().flatten().and_then(|e| e.dyn_into().ok())
    }
    fn has(&self, id: &str) -> bool {
        self.find(id).is_some()
    }
    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
    fn value(&self, id: &str) -> String {
        let el = self.find(id).unwrap_or_else(|| panic!("no control {id}"));
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.value()
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.value()
        } else {
            el.dyn_ref::<web_sys::HtmlTextAreaElement>().unwrap().value()
        }
    }
    /// Types into a control (input, select or textarea) as a user would.
    async fn set(&self, id: &str, value: &str) {
        let el = self.find(id).unwrap_or_else(|| panic!("no control {id}"));
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(value);
        } else {
            el.dyn_ref::<web_sys::HtmlTextAreaElement>().unwrap().set_value(value);
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    /// Picks a radio button of a group, as a user clicking it.
    async fn choose(&self, path: &str, value: &str) {
        self.click(&format!("input[name='{path}'][value='{value}']")).await;
    }
    async fn click(&self, selector: &str) {
        let el: web_sys::HtmlElement =
            self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
        el.click();
        yew::scheduler::flush().await;
    }
    fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.root.query_selector(selector).unwrap()?.get_attribute(name)
    }
    fn unmount(mut self) {
        self.handle.take().unwrap().destroy();
        self.root.remove();
    }
}

fn fresh_storage() {
    storage().clear().unwrap();
    js("window.confirm = () => true;");
}

/// Stores a dossier as the open draft, as an earlier visit would have.
fn stored(bytes: &[u8], with_all_evidence: bool) {
    let mut file = dvht::read(bytes).unwrap();
    if with_all_evidence {
        for id in dvht::rules::TT24_2023.indicator_ids(dvht::Scope::Tinh) {
            if file.evidence_for(id).is_empty() {
                dvht::file::edit::add_evidence(&mut file, id);
            }
        }
    }
    let d = dvht::file::draft::Draft::new("dtest", file);
    storage().set_item("dvht.draft.dtest", &dvht::file::draft::encode(&d)).unwrap();
    storage().set_item("dvht.current", "dtest").unwrap();
}

#[wasm_bindgen_test]
fn the_engine_gives_the_same_result_in_the_browser() {
    let today = dvht::Date::parse("2025-11-21").unwrap();
    let r = dvht::evaluate_bytes(EXAMPLE, today).unwrap();
    assert_eq!((r.level, r.level_ignoring_evidence), (0, 1));
    assert_eq!(r.deadlines.days_left, 55);
    assert_eq!(dvht::evaluate_bytes(COMPLETE, today).unwrap().level, 2);
    let first = dvht::write(&dvht::read(EXAMPLE).unwrap());
    assert_eq!(dvht::write(&dvht::read(first.as_bytes()).unwrap()), first);
    assert!(dvht::web::today().year() >= 2024);
}

#[wasm_bindgen_test]
async fn choosing_a_kind_asks_only_what_applies() {
    fresh_storage();
    let app = Mounted::new().await;
    assert_eq!(app.attr("[data-testid=verdict]", "data-state").as_deref(), Some("invalid"));
    assert!(!app.has("counts.members"), "nothing is asked before the kind");
    app.set("unit.kind", "ubnd_xa").await;
    assert_eq!(app.value("unit.kind"), "ubnd_xa");
    assert!(app.has("counts.members"));
    assert!(!app.has("counts.learners"), "a commune has no learners (Điều 2.8)");
    assert!(app.has("facts.state_budget_for_training"), "public: 1.3 applies");
    assert!(app.has("ind-2.4"));
    assert!(!app.has("ind-3.4"));
    assert!(app.text().contains("Không áp dụng cho loại đơn vị này: 3.4"));
    // An enterprise: no state budget (1.3), no language (2.4).
    app.set("unit.kind", "kinh_te_huyen").await;
    assert!(!app.has("facts.state_budget_for_training"));
    assert!(!app.has("ind-2.4"));
    // The kinds offered follow the scope (Điều 2.3 or 2.4).
    let offered = |app: &Mounted| app.root.query_selector_all("[id='unit.kind'] option").unwrap().length();
    assert_eq!(offered(&app), 1 + 11);
    // A provincial school: learners, and its public answer left for the user (issue 11).
    app.choose("unit.scope", "tinh").await;
    assert_eq!(offered(&app), 1 + 14);
    assert_eq!(app.value("unit.kind"), "", "a district kind is not a provincial one");
    app.set("unit.kind", "thpt").await;
    assert!(app.has("counts.learners"));
    assert!(app.has("facts.digital_level"));
    assert_eq!(app.attr("[id='unit.public']", "value").as_deref(), Some("true"));
    let checked: web_sys::HtmlInputElement = app.find("unit.public").unwrap().dyn_into().unwrap();
    assert!(!checked.checked(), "nothing is answered for the user");
    app.unmount();
}

#[wasm_bindgen_test]
async fn changing_the_kind_hides_values_without_deleting_them() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "thpt").await;
    app.set("counts.learners", "900").await;
    app.set("facts.digital_level", "good").await;
    app.set("unit.kind", "co_quan_ubnd_tinh").await;
    assert!(!app.has("counts.learners"));
    app.set("unit.kind", "thpt").await;
    assert_eq!(app.value("counts.learners"), "900");
    assert_eq!(app.value("facts.digital_level"), "good");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_verdict_follows_the_figures_at_the_threshold() {
    fresh_storage();
    stored(COMPLETE, true);
    let app = Mounted::new().await;
    assert_eq!(app.attr("[data-testid=verdict]", "data-level").as_deref(), Some("2"));
    // 95% of 120 is 114: one fewer drops level 2 (Điều 13.2 via 7.2.đ), level 1 stays.
    app.set("counts.members_advanced_worker", "113").await;
    assert_eq!(app.attr("[data-testid=verdict]", "data-level").as_deref(), Some("1"));
    assert!(
        app.text().contains("để đạt mức độ 2 cần thêm 1 thành viên đạt “Lao động tiên tiến” (chỉ tiêu 2.5)"),
        "{}",
        app.text()
    );
    assert_eq!(app.attr("[data-level='2'][data-status]", "data-status").as_deref(), Some("Pass"));
    let badge = app.root.query_selector("#ind-2\\.5 [data-level='2']").unwrap().unwrap().text_content().unwrap();
    assert_eq!(badge, "Mức độ 2: Chưa đạt (thiếu 1 thành viên)");
    app.set("counts.members_advanced_worker", "114").await;
    assert_eq!(app.attr("[data-testid=verdict]", "data-level").as_deref(), Some("2"));
    // 90% of 120 is 108: below it, no level at all.
    app.set("counts.members_advanced_worker", "107").await;
    assert_eq!(app.attr("[data-testid=verdict]", "data-level").as_deref(), Some("0"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn every_change_is_saved_and_restored() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "ubnd_xa").await;
    app.set("unit.name", "UBND xã Tân Tiến").await;
    app.set("counts.members", "1.200").await;
    let id = storage().get_item("dvht.current").unwrap().expect("the open draft is remembered");
    let record = storage().get_item(&format!("dvht.draft.{id}")).unwrap().unwrap();
    let draft = dvht::file::draft::decode(&record).unwrap();
    assert_eq!(draft.file.unit.name.as_deref(), Some("UBND xã Tân Tiến"));
    assert_eq!(draft.file.values.count(dvht::rules::Input::Members), Some(1200));
    app.unmount();
    let again = Mounted::new().await;
    assert_eq!(again.value("unit.name"), "UBND xã Tân Tiến");
    assert_eq!(again.value("counts.members"), "1.200", "what was typed comes back as typed");
    again.unmount();
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_is_kept_and_explained() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "ubnd_xa").await;
    app.set("counts.members", "12,5").await;
    assert_eq!(app.attr("[id='counts.members']", "aria-invalid").as_deref(), Some("true"));
    let error = app.find("counts.members-error").expect("a message under the field");
    assert!(error.text_content().unwrap().contains("số nguyên"), "{:?}", error.text_content());
    app.unmount();
    let again = Mounted::new().await;
    assert_eq!(again.value("counts.members"), "12,5", "nothing typed is lost");
    again.unmount();
}

#[wasm_bindgen_test]
async fn a_storage_failure_is_explained_and_work_goes_on() {
    fresh_storage();
    let app = Mounted::new().await;
    js("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    app.set("unit.kind", "ubnd_xa").await;
    app.set("counts.members", "40").await;
    js("Storage.prototype.setItem = window.__setItem;");
    let alert = app.root.query_selector("[role=alert]").unwrap().expect("an explanation");
    assert!(alert.text_content().unwrap().contains("Lưu ra tệp"));
    assert_eq!(app.value("counts.members"), "40", "the form keeps working");
    assert!(app.has("ind-2.1"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn adding_evidence_codes_it_and_moves_the_focus_to_its_title() {
    fresh_storage();
    stored(EXAMPLE, false);
    let app = Mounted::new().await;
    app.click("[data-act='add-ev'][data-arg='2.3']").await;
    assert_eq!(app.value("evidence.2.3[0].code"), "H2.03.01");
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "evidence.2.3[0].title");
    app.set("evidence.2.3[0].title", "Danh sách tập huấn chuyển đổi số").await;
    assert_eq!(
        app.attr("[data-level='1'][data-status]", "data-status").as_deref(),
        Some("Pass"),
        "1.1 keeps its evidence"
    );
    app.click("[data-act='rm-ev'][data-arg='2.3|0']").await;
    assert!(!app.has("evidence.2.3[0].code"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_words_not_the_data() {
    fresh_storage();
    stored(EXAMPLE, false);
    let app = Mounted::new().await;
    assert!(app.text().contains("Kết quả tự đánh giá"));
    app.click("[data-act='lang']").await;
    assert!(app.text().contains("Result"));
    assert!(app.text().contains("Criterion 2: Learning results of the unit's members"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(app.value("counts.members"), "120");
    app.click("[data-act='lang']").await;
    assert!(app.text().contains("Tiêu chí 2"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_unreadable_stored_draft_is_listed_and_kept() {
    fresh_storage();
    stored(EXAMPLE, false);
    storage()
        .set_item("dvht.draft.broken", "{\"storage\": 1, \"dossier\": {\"format\": \"dvht-dossier\", \"version\": 7}}")
        .unwrap();
    let app = Mounted::new().await;
    app.click("[data-act='drafts']").await;
    let list = app.root.query_selector("[data-testid=drafts]").unwrap().expect("the drafts list");
    let text = list.text_content().unwrap();
    assert!(text.contains("Trường THPT Nguyễn Trãi · 2025"), "{text}");
    assert!(text.contains("Bản nháp không đọc được"), "{text}");
    assert!(text.contains("\"version\": 7"), "its text is shown, to be copied: {text}");
    // Editing the open draft never touches it.
    app.click("[data-act='close-drafts']").await;
    app.set("unit.name", "THPT Nguyễn Trãi").await;
    assert!(storage().get_item("dvht.draft.broken").unwrap().is_some());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_dossier_whose_fingerprint_is_not_ascii_opens_and_shows_it() {
    // "ab€€" is 8 bytes but 4 characters: slicing it by bytes used to stop the app.
    fresh_storage();
    let text = String::from_utf8_lossy(COMPLETE).replacen(
        "\"notes\"",
        "\"final\": {\"date\": \"2026-01-05\", \"fingerprint\": \"ab€€\"},\n  \"notes\"",
        1,
    );
    assert!(text.contains("ab€€"));
    stored(text.as_bytes(), false);
    let app = Mounted::new().await;
    assert!(app.attr("[data-testid=finalised]", "role").is_some(), "the finalised banner is shown");
    assert!(app.text().contains("ab€€"), "the fingerprint as the file has it");
    assert_eq!(app.attr("[data-testid=verdict]", "data-state").as_deref(), Some("evaluated"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_first_visit_starts_on_the_start_page_and_nothing_is_answered_for_the_user() {
    fresh_storage();
    let app = Mounted::at_start().await;
    assert!(app.text().contains("Tự đánh giá “Đơn vị học tập” trong bốn bước"));
    assert!(app.attr("[data-testid=open-example]", "data-act").is_some());
    app.click("[data-testid=start-new]").await;
    app.set("unit.kind", "thpt").await;
    // A school's công lập / ngoài công lập starts unanswered and is listed until chosen.
    let public = app.root.query_selector("input[name='unit.public']:checked").unwrap();
    assert!(public.is_none(), "no answer is pre-selected");
    assert_eq!(app.attr("[data-testid=verdict]", "data-state").as_deref(), Some("invalid"));
    assert!(app.text().contains("công lập hay ngoài công lập"));
    app.choose("unit.public", "false").await;
    assert!(!app.has("facts.state_budget_for_training"), "a private school has no 1.3");
    app.unmount();
}

#[wasm_bindgen_test]
async fn evidence_pasted_from_a_spreadsheet_and_a_deletion_undone() {
    fresh_storage();
    stored(EXAMPLE, false);
    let app = Mounted::new().await;
    let area: web_sys::HtmlTextAreaElement = app.find("evidence-paste").unwrap().dyn_into().unwrap();
    area.set_value("H2.01.01\tBiên bản đánh giá viên chức\t58/BB\t20/12/2025\tHội đồng\tVăn phòng\nHC.02\tQuy chế\t\t\t\t\t2.2, 2.3");
    app.click("[data-act='paste']").await;
    assert_eq!(app.value("evidence.2.1[0].title"), "Biên bản đánh giá viên chức");
    assert_eq!(app.value("evidence.2.1[0].date"), "2025-12-20");
    assert_eq!(app.value("evidence.2.3[0].code"), "HC.02");
    assert!(app.text().contains("Đã thêm 3 minh chứng."));
    // Removing asks nothing twice and can be taken back.
    app.click("[data-act='rm-ev'][data-arg='2.3|0']").await;
    assert!(!app.has("evidence.2.3[0].code"));
    assert!(app.text().contains("Đã xóa minh chứng “Quy chế”."));
    app.click("[data-testid=undo] [data-act='undo']").await;
    assert_eq!(app.value("evidence.2.3[0].code"), "HC.02");
    app.unmount();
}

#[wasm_bindgen_test]
async fn text_to_fix_is_named_never_asked_for_again() {
    fresh_storage();
    stored(EXAMPLE, false);
    let app = Mounted::new().await;
    app.set("counts.members_digital", "12,5").await;
    let fix = app.root.query_selector("[data-testid=to-fix]").unwrap().expect("a list of what to fix");
    let text = fix.text_content().unwrap();
    assert!(text.contains("Cần sửa") && text.contains("Số Thành viên được đào tạo"), "{text}");
    app.set("counts.members_digital", "4294967296").await;
    assert!(app.text().contains("quá lớn"));
    app.set("counts.members", "1500").await;
    assert_eq!(app.value("counts.members"), "1500", "the control keeps what was typed");
    app.unmount();
}

// ── Issue 10 ────────────────────────────────────────────────────────────────────────────────

fn storage_refuses(refuses: bool) {
    if refuses {
        js("window.__setItem = window.__setItem || Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    } else {
        js("if (window.__setItem) Storage.prototype.setItem = window.__setItem;");
    }
}

#[wasm_bindgen_test]
async fn the_storage_warning_goes_once_saving_works_again() {
    fresh_storage();
    let app = Mounted::new().await;
    storage_refuses(true);
    app.set("unit.kind", "ubnd_xa").await;
    storage_refuses(false);
    let alert = |app: &Mounted| {
        app.root
            .query_selector("[role=alert]")
            .unwrap()
            .map(|a| a.text_content().unwrap_or_default())
            .unwrap_or_default()
    };
    assert!(alert(&app).contains("Lưu ra tệp"), "the failure is explained");
    app.set("counts.members", "41").await;
    assert!(!alert(&app).contains("Lưu ra tệp"), "saving works again: {}", alert(&app));
    let id = storage().get_item("dvht.current").unwrap().unwrap();
    let draft = dvht::file::draft::decode(&storage().get_item(&format!("dvht.draft.{id}")).unwrap().unwrap()).unwrap();
    assert_eq!(draft.file.values.count(dvht::rules::Input::Members), Some(41));
    assert!(app.attr("[data-testid=save-state]", "class").is_some(), "the usual save state is back");
    app.unmount();
}

/// Runs an async JavaScript body and waits for its value.
async fn js_await(body: &str) -> wasm_bindgen::JsValue {
    let f = js_sys::Function::new_no_args(&format!("return (async () => {{ {body} }})();"));
    let promise: js_sys::Promise = f.call0(&wasm_bindgen::JsValue::NULL).unwrap().dyn_into().unwrap();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap()
}

fn stored_draft() -> dvht::file::draft::Draft {
    let id = storage().get_item("dvht.current").unwrap().expect("a current draft");
    dvht::file::draft::decode(&storage().get_item(&format!("dvht.draft.{id}")).unwrap().unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn after_a_panic_nothing_typed_before_it_is_lost() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "ubnd_xa").await;
    app.set("unit.name", "UBND xã Tân Tiến").await;
    app.set("counts.members", "1.200").await;
    // What the panic hook shows (a real panic would end the test run: see tests/e2e).
    dvht::web::panic::show("panicked at src/web/view/form.rs:1:1: a test");
    let dialog = document().query_selector("[data-testid=crash]").unwrap().expect("the user is told");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    let text = dialog.text_content().unwrap();
    assert!(text.contains("dvht gặp lỗi") && text.contains("không bị ghi đè"), "{text}");
    assert!(text.contains("a test"), "the details are there to be reported");
    assert!(app.root.query_selector(".app[inert]").unwrap().is_some(), "the form takes no more input");
    // The offered file is the dossier as last saved.
    let link = dialog.query_selector("a[download]").unwrap().expect("a file to save");
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    let js = "return await (await fetch(document.querySelector('[data-testid=crash] a[download]').href)).text();";
    let offered = js_await(js).await.as_string().unwrap();
    let file = dvht::read(offered.as_bytes()).expect("a dossier file");
    assert_eq!(file.unit.name.as_deref(), Some("UBND xã Tân Tiến"));
    assert_eq!(file.values.count(dvht::rules::Input::Members), Some(1200));
    assert_eq!(offered, dvht::write(&file), "the canonical bytes");
    // Whatever the broken app does next is not saved over the last good draft.
    app.set("unit.name", "sau lỗi").await;
    assert_eq!(stored_draft().file.unit.name.as_deref(), Some("UBND xã Tân Tiến"));
    assert!(dialog.query_selector("a[href]:not([download])").unwrap().is_some(), "a reload link");
    dvht::web::panic::clear();
    app.unmount();
}

/// What another tab's save looks like to this one: the record written, then the event.
fn another_tab_saves(d: &dvht::file::draft::Draft, announce: bool) {
    let key = format!("dvht.draft.{}", d.id);
    let text = dvht::file::draft::encode(d);
    let old = storage().get_item(&key).unwrap();
    storage().set_item(&key, &text).unwrap();
    if announce {
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(&key));
        init.set_old_value(old.as_deref());
        init.set_new_value(Some(&text));
        let e = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&e).unwrap();
    }
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_shown_not_overwritten() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "ubnd_xa").await;
    app.set("unit.name", "Tab một").await;
    // Tab 2 changes the head of the unit and saves.
    let mut theirs = stored_draft();
    theirs.file.unit.head = Some("Người ở thẻ hai".into());
    theirs.rev += 1;
    another_tab_saves(&theirs, true);
    yew::scheduler::flush().await;
    assert_eq!(app.value("unit.head"), "Người ở thẻ hai", "this tab shows the newer version");
    assert!(app.text().contains("thẻ (tab) khác"), "and says so");
    // This tab's next change builds on it: nothing of either is lost.
    app.set("counts.members", "40").await;
    let both = stored_draft();
    assert_eq!(both.file.unit.head.as_deref(), Some("Người ở thẻ hai"));
    assert_eq!(both.file.values.count(dvht::rules::Input::Members), Some(40));
    assert_eq!(both.rev, theirs.rev + 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn two_tabs_changing_one_draft_at_once_keep_both() {
    fresh_storage();
    let app = Mounted::new().await;
    app.set("unit.kind", "ubnd_xa").await;
    app.set("unit.name", "Bản chung").await;
    let id = storage().get_item("dvht.current").unwrap().unwrap();
    // Tab 2 saves, and this tab types before it hears of it.
    let mut theirs = stored_draft();
    theirs.file.unit.head = Some("Người ở thẻ hai".into());
    theirs.rev += 1;
    another_tab_saves(&theirs, false);
    app.set("counts.members", "55").await;
    yew::scheduler::flush().await;
    // Tab 2's save is intact...
    let key = format!("dvht.draft.{id}");
    let kept = dvht::file::draft::decode(&storage().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(kept.file.unit.head.as_deref(), Some("Người ở thẻ hai"));
    assert_eq!(kept.file.values.count(dvht::rules::Input::Members), None);
    // ...and this tab's work goes on in a draft of its own, which it says.
    let mine = stored_draft();
    assert_ne!(mine.id, id);
    assert_eq!(mine.file.values.count(dvht::rules::Input::Members), Some(55));
    assert_eq!(mine.file.unit.name.as_deref(), Some("Bản chung"));
    assert!(app.text().contains("bản nháp riêng"), "{}", app.text());
    assert_eq!(app.value("counts.members"), "55");
    app.unmount();
}

// ── Issue 14 ────────────────────────────────────────────────────────────────────────────────

/// A draft whose counts come from a list of 20 members, 18 of them “Công dân học tập”
/// (90%: level 1 exactly; level 2 needs 19), as an earlier import would have left it.
fn stored_with_list() {
    let mut file = dvht::read(COMPLETE).unwrap();
    let mut list = dvht::roster::Roster::default();
    for input in dvht::roster::member_columns(dvht::rules::current()) {
        list.record(input);
    }
    for i in 1..=20 {
        let mut m = dvht::roster::Member::named(format!("Người số {i}"));
        for input in dvht::roster::member_columns(dvht::rules::current()) {
            m.yes.set(input, i <= 18 || input != dvht::rules::Input::MembersLearningCitizen);
        }
        list.members.push(m);
    }
    file.roster = Some(list);
    dvht::roster::use_list(&mut file, true);
    let mut d = dvht::file::draft::Draft::new("dtest", file);
    for id in dvht::rules::TT24_2023.indicator_ids(dvht::Scope::Tinh) {
        if d.file.evidence_for(id).is_empty() {
            dvht::file::edit::add_evidence(&mut d.file, id);
        }
    }
    storage().set_item("dvht.draft.dtest", &dvht::file::draft::encode(&d)).unwrap();
    storage().set_item("dvht.current", "dtest").unwrap();
}

#[wasm_bindgen_test]
async fn counts_from_the_list_are_shown_not_typed_and_a_list_module_that_cannot_load_is_said() {
    fresh_storage();
    stored_with_list();
    let app = Mounted::new().await;
    assert_eq!(app.value("counts.members"), "20");
    assert_eq!(app.value("counts.members_learning_citizen"), "18");
    let input: web_sys::HtmlInputElement = app.find("counts.members").unwrap().dyn_into().unwrap();
    assert!(input.read_only() && input.name().is_empty(), "shown, not an edit");
    assert!(app.text().contains("Tính từ danh sách Thành viên"));
    assert_eq!(app.attr("[data-testid=verdict]", "data-level").as_deref(), Some("1"));
    // The panel, who is missing and the switch back to typed counts are drawn by the
    // spreadsheet module (dvht-sheets), which this harness does not serve: tests/e2e/roster.test.mjs
    // covers them on the built site. Here its fetch fails, as offline before a first visit
    // cached it: the card says so and offers to try again, instead of loading for good.
    let card = || app.root.query_selector("[data-testid=roster]").unwrap().expect("the member list's card");
    for _ in 0..100 {
        if card().query_selector("[data-act=roster-retry]").unwrap().is_some() {
            break;
        }
        js_await("await new Promise((r) => setTimeout(r, 50));").await;
        yew::scheduler::flush().await;
    }
    let said = card().text_content().unwrap();
    assert!(said.contains("Không tải được phần danh sách.") && said.contains("Thử lại"), "{said}");
    app.click("[data-act=roster-retry]").await;
    for _ in 0..20 {
        js_await("await new Promise((r) => setTimeout(r, 50));").await;
        yew::scheduler::flush().await;
    }
    assert!(
        card().query_selector("[data-act=roster-retry]").unwrap().is_some(),
        "still offered after a second failure"
    );
    // A change elsewhere is saved with the list (the draft keeps the names on the device), and
    // the computed counts are not written over the typed ones.
    app.set("unit.name", "THPT có danh sách").await;
    let saved = storage().get_item("dvht.draft.dtest").unwrap().unwrap();
    let d = dvht::file::draft::decode(&saved).unwrap();
    assert_eq!(d.file.unit.name.as_deref(), Some("THPT có danh sách"), "saved after the change");
    assert_eq!(d.file.roster.as_ref().unwrap().members.len(), 20);
    assert_eq!(d.file.values.count(dvht::rules::Input::Members), Some(120), "the typed count, kept");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_exported_file_names_no_one_unless_ticked() {
    fresh_storage();
    stored_with_list();
    let app = Mounted::new().await;
    // The checkbox near "Lưu ra tệp" is there because the draft has a list, and starts unticked.
    let tick: web_sys::HtmlInputElement = app.find("export-roster").unwrap().dyn_into().unwrap();
    assert!(!tick.checked());
    app.click("#export-roster").await;
    assert!(app.find("export-roster").unwrap().dyn_into::<web_sys::HtmlInputElement>().unwrap().checked());
    app.unmount();
}
