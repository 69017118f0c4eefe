//! The appraisal file kept on this device, saved after every change like a unit's draft.
//!
//! A Sở's file holds thousands of dossiers (5,000 make 26 MB), more than `localStorage` holds
//! (5 MB in all, shared with the units' drafts), so it lives in IndexedDB, in two parts
//! (`appraisal::head`, `appraisal::payload`): the head — everything but the dossiers' texts,
//! a few hundred bytes a dossier — rewritten after each change of the council's work, a moment
//! after the last one; each dossier's payload written once, when it is taken in. The side files
//! (the register of recognitions, the Phòng reports) are kept beside it.
//!
//! Several tabs, one truth: a revision token in `localStorage` (`dvht.appraisal.rev`) says who
//! saved last. A tab saves only over the token it last read or wrote; when another tab has
//! saved in between, this one stops saving (it never overwrites the other's work) and says so.
//! Where the browser refuses storage, the screen says the file must be saved by hand, and asks
//! before the page is left with changes not saved anywhere.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::state::Storage;
use super::work;
use crate::web::browser;

const DB: &str = "dvht-appraisal";
const KV: &str = "kv";
const PAYLOADS: &str = "payloads";
const REV: &str = "dvht.appraisal.rev";
/// A save waits this long after a change, so typing a note is one save.
const DEBOUNCE_MS: i32 = 250;

type Listener = Box<dyn Fn(Storage, Option<String>)>;

thread_local! {
    static DATABASE: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The revision token this tab last read or wrote.
    static SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Another tab saved over this one's revision, or the app stopped: nothing is saved now.
    static STOPPED: Cell<bool> = const { Cell::new(false) };
    static DIRTY: Cell<bool> = const { Cell::new(false) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

fn tell(s: Storage, reason: Option<String>) {
    LISTENER.with(|l| {
        if let Some(l) = l.borrow().as_ref() {
            l(s, reason);
        }
    });
}

/// What the browser said, in a few words.
fn reason(e: &JsValue) -> String {
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok().filter(|x| !x.is_undefined());
    // A request's error event: its target's `error`; an exception: itself.
    let error = get(e, "target").and_then(|t| get(&t, "error")).unwrap_or_else(|| e.clone());
    let name = get(&error, "name").and_then(|n| n.as_string());
    let message = get(&error, "message").and_then(|n| n.as_string());
    match (name, message) {
        (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
        (Some(n), _) => n,
        _ => e.as_string().unwrap_or_else(|| "IndexedDB".into()),
    }
}

/// Waits `ms` milliseconds (and lets the browser draw and take input meanwhile).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn request(r: Result<IdbRequest, JsValue>) -> Result<JsValue, String> {
    let r = r.map_err(|e| reason(&e))?;
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        r.set_onsuccess(Some(&resolve));
        r.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.map_err(|e| reason(&e))?;
    r.result().map_err(|e| reason(&e))
}

async fn complete(tx: &IdbTransaction) -> Result<(), String> {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(done).await.map(|_| ()).map_err(|e| reason(&e))
}

async fn database() -> Result<IdbDatabase, String> {
    if let Some(db) = DATABASE.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or("window")?
        .indexed_db()
        .map_err(|e| reason(&e))?
        .ok_or_else(|| "IndexedDB".to_string())?;
    let open = factory.open_with_u32(DB, 1).map_err(|e| reason(&e))?;
    // The first open makes the two stores.
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(KV);
            let _ = db.create_object_store(PAYLOADS);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(Ok(open.clone().into())).await;
    open.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result?.dyn_into().map_err(|e| reason(&e))?;
    DATABASE.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn transaction(db: &IdbDatabase, write: bool) -> Result<IdbTransaction, String> {
    let stores = js_sys::Array::of2(&JsValue::from_str(KV), &JsValue::from_str(PAYLOADS));
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    db.transaction_with_str_sequence_and_mode(&stores, mode).map_err(|e| reason(&e))
}

/// What this device keeps: the head, the payloads in order, the register of recognitions and
/// the Phòng reports, as their files' texts.
pub struct Loaded {
    pub head: String,
    pub payloads: Vec<String>,
    pub register: Option<String>,
    pub reports: Vec<String>,
}

/// Reads what this device keeps (`None`: nothing yet), and the revision it is at.
pub async fn load() -> Result<Option<Loaded>, String> {
    SEEN.with(|s| *s.borrow_mut() = browser::get(REV));
    let db = database().await?;
    let tx = transaction(&db, false)?;
    let kv = tx.object_store(KV).map_err(|e| reason(&e))?;
    let payloads = tx.object_store(PAYLOADS).map_err(|e| reason(&e))?;
    let head = request(kv.get(&JsValue::from_str("head"))).await?;
    let Some(head) = head.as_string() else { return Ok(None) };
    // Keys are the dossiers' places in the file: getAll gives them in order.
    let all = request(payloads.get_all()).await?;
    let payloads: Vec<String> =
        all.dyn_into::<js_sys::Array>().map(|a| a.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
    let register = request(kv.get(&JsValue::from_str("register"))).await?.as_string();
    let reports = request(kv.get(&JsValue::from_str("reports"))).await?;
    let reports = reports
        .dyn_into::<js_sys::Array>()
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Ok(Some(Loaded { head, payloads, register, reports }))
}

/// Tells `listener` how saving goes.
pub fn listen(listener: impl Fn(Storage, Option<String>) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Box::new(listener)));
    // Another tab saved: this one stops, rather than overwrite it later.
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::StorageEvent)>::new(|e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(REV) && e.new_value() != SEEN.with(|s| s.borrow().clone()) {
            STOPPED.with(|s| s.set(true));
            tell(Storage::Conflict, None);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Whether what the page holds is kept anywhere but in the page (saving works, or the file was
/// exported since the last change).
pub fn kept() -> bool {
    let saving = !STOPPED.with(Cell::get) && !FAILED.with(Cell::get);
    saving || !work::with(|w| w.unexported)
}

/// Stops every later save (after a panic, or once another tab has saved).
pub fn stop() {
    STOPPED.with(|s| s.set(true));
}

/// Saves a moment after the last change (see the module's note).
pub fn request_save() {
    DIRTY.with(|d| d.set(true));
    if RUNNING.with(Cell::get) || STOPPED.with(Cell::get) {
        return;
    }
    RUNNING.with(|r| r.set(true));
    wasm_bindgen_futures::spawn_local(async {
        loop {
            sleep(DEBOUNCE_MS).await;
            if !DIRTY.with(|d| d.replace(false)) || STOPPED.with(Cell::get) {
                break;
            }
            match save().await {
                Ok(()) => {
                    if FAILED.with(|f| f.replace(false)) {
                        tell(Storage::Saved, None);
                    }
                }
                Err(Saving::Conflict) => {
                    STOPPED.with(|s| s.set(true));
                    tell(Storage::Conflict, None);
                    break;
                }
                Err(Saving::Failed(why)) => {
                    FAILED.with(|f| f.set(true));
                    tell(Storage::Failed, Some(why));
                }
            }
        }
        RUNNING.with(|r| r.set(false));
    });
}

enum Saving {
    Conflict,
    Failed(String),
}

/// Payloads are made a slice at a time, so a large intake's save does not block input.
const SLICE_MS: f64 = 30.0;
/// Payloads written in one transaction.
const PAYLOADS_PER_TRANSACTION: usize = 200;

async fn save() -> Result<(), Saving> {
    let seen = SEEN.with(|s| s.borrow().clone());
    if browser::get(REV) != seen {
        return Err(Saving::Conflict);
    }
    let (head, replaced, generation, from, count, side) = work::raw(|w| {
        let side = w.side_changed.then(|| {
            let register = w.known.as_ref().map(crate::appraisal::recognitions::write);
            let reports: Vec<String> = w.reports.iter().map(crate::appraisal::report::write).collect();
            (register, reports)
        });
        (crate::appraisal::head(&w.file), w.replaced, w.generation, w.unstored_from, w.file.dossiers.len(), side)
    });
    let from = if replaced { 0 } else { from.min(count) };
    let mut payloads = Vec::with_capacity(count - from);
    let mut slice = js_sys::Date::now();
    for i in from..count {
        let Some(p) = work::raw(|w| w.file.dossiers.get(i).map(crate::appraisal::payload)) else { break };
        payloads.push(p);
        if js_sys::Date::now() - slice > SLICE_MS {
            sleep(0).await;
            slice = js_sys::Date::now();
        }
    }
    // Payloads a few hundred at a time, each batch its own transaction, so the browser draws
    // and takes input between them; the head last. After a replacement the old head goes
    // first, so a save cut short never pairs the old head with the new payloads.
    let write = async {
        let db = database().await?;
        let put = |store: &web_sys::IdbObjectStore, key: &JsValue, value: &JsValue| {
            store.put_with_key(value, key).map(|_| ()).map_err(|e| reason(&e))
        };
        for (n, batch) in payloads.chunks(PAYLOADS_PER_TRANSACTION).enumerate() {
            let tx = transaction(&db, true)?;
            let store = tx.object_store(PAYLOADS).map_err(|e| reason(&e))?;
            if replaced && n == 0 {
                tx.object_store(KV)
                    .map_err(|e| reason(&e))?
                    .delete(&JsValue::from_str("head"))
                    .map_err(|e| reason(&e))?;
                store.clear().map_err(|e| reason(&e))?;
            }
            let first = from + n * PAYLOADS_PER_TRANSACTION;
            for (i, p) in batch.iter().enumerate() {
                put(&store, &JsValue::from(first + i), &JsValue::from_str(p))?;
            }
            complete(&tx).await?;
        }
        let tx = transaction(&db, true)?;
        let kv = tx.object_store(KV).map_err(|e| reason(&e))?;
        if replaced && payloads.is_empty() {
            tx.object_store(PAYLOADS).map_err(|e| reason(&e))?.clear().map_err(|e| reason(&e))?;
        }
        put(&kv, &JsValue::from_str("head"), &JsValue::from_str(&head))?;
        if let Some((register, reports)) = &side {
            let register = register.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
            put(&kv, &JsValue::from_str("register"), &register)?;
            let list: js_sys::Array = reports.iter().map(|r| JsValue::from_str(r)).collect();
            put(&kv, &JsValue::from_str("reports"), &list)?;
        }
        complete(&tx).await
    };
    write.await.map_err(Saving::Failed)?;
    // Written: the next save starts after these (unless the file was replaced meanwhile).
    work::raw(|w| {
        if w.generation == generation {
            w.replaced = false;
            w.unstored_from = count;
        }
        if side.is_some() {
            w.side_changed = false;
        }
    });
    let token = format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e9) as u64);
    if browser::put(REV, &token) {
        SEEN.with(|s| *s.borrow_mut() = Some(token));
    }
    Ok(())
}
