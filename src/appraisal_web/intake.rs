//! Taking files in (Điều 10.2a, 16.2a): from the file picker (many files at once, or a
//! folder), or dropped (files, folders — walked with `webkitGetAsEntry` — and `.zip`
//! archives, which the engine opens). Each file's pieces are filed by `appraisal::intake` and
//! each dossier prepared by the engine (`register::Prepared`) a slice of time at a time, so the
//! progress bar moves and input is never blocked for long; one bad file never stops the others.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::storage::sleep;
use super::work;
use crate::appraisal::intake::{self, Taken};
use crate::appraisal::Channel;
use crate::Date;

/// A file to take in, named by its path inside what was picked or dropped.
pub struct Picked {
    pub name: String,
    pub file: web_sys::File,
}

fn relative_path(file: &web_sys::File) -> String {
    let path = js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty());
    path.unwrap_or_else(|| file.name())
}

/// The files of a picker (a folder picker's with their paths).
pub fn from_list(list: &web_sys::FileList) -> Vec<Picked> {
    (0..list.length()).filter_map(|i| list.get(i)).map(|file| Picked { name: relative_path(&file), file }).collect()
}

/// What was dropped, taken while the drop event lasts (its items are gone afterwards): the
/// entries, walked later by [`walk`], or the plain files where entries are not offered.
pub enum Dropped {
    Entries(Vec<web_sys::FileSystemEntry>),
    Files(Vec<Picked>),
}

pub fn dropped(data: &web_sys::DataTransfer) -> Dropped {
    let items = data.items();
    let entries: Vec<web_sys::FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|it| it.kind() == "file")
        .filter_map(|it| it.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.is_empty() {
        Dropped::Files(data.files().map(|f| from_list(&f)).unwrap_or_default())
    } else {
        Dropped::Entries(entries)
    }
}

/// A callback API as a promise: `call` is given the success and error callbacks.
async fn callback(call: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// Every file under the dropped entries (folders walked), with its path; what cannot be read
/// is listed with the browser's reason.
pub async fn walk(entries: Vec<web_sys::FileSystemEntry>) -> (Vec<Picked>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        let name = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_file() {
            let Ok(fe) = entry.dyn_into::<web_sys::FileSystemFileEntry>() else { continue };
            match callback(|ok, err| fe.file_with_callback_and_callback(ok, err)).await {
                Ok(f) => match f.dyn_into::<web_sys::File>() {
                    Ok(file) => files.push(Picked { name, file }),
                    Err(_) => unreadable.push((name, String::new())),
                },
                Err(e) => unreadable.push((name, format!("{e:?}"))),
            }
        } else if entry.is_directory() {
            let Ok(dir) = entry.dyn_into::<web_sys::FileSystemDirectoryEntry>() else { continue };
            let reader = dir.create_reader();
            // A reader gives its entries a batch at a time, until an empty one.
            loop {
                match callback(|ok, err| {
                    let _ = reader.read_entries_with_callback_and_callback(ok, err);
                })
                .await
                {
                    Ok(batch) => {
                        let batch: js_sys::Array = batch.dyn_into().unwrap_or_default();
                        if batch.length() == 0 {
                            break;
                        }
                        stack.extend(batch.iter().filter_map(|e| e.dyn_into::<web_sys::FileSystemEntry>().ok()));
                    }
                    Err(e) => {
                        unreadable.push((name.clone(), format!("{e:?}")));
                        break;
                    }
                }
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    (files, unreadable)
}

/// What an intake did.
#[derive(Default)]
pub struct Outcome {
    pub taken: Taken,
    /// Files the browser could not read, with its reason.
    pub unreadable: Vec<(String, String)>,
}

/// Slices of work this long, then the browser draws and takes input.
const SLICE_MS: f64 = 30.0;
/// Files read at once.
const BATCH: usize = 24;
/// Larger than any archive of dossiers an office sends; past it the browser may not cope.
const MAX_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// Yields to the browser once a slice of time is used, telling the progress bar.
struct Slicer<'a> {
    start: f64,
    total: usize,
    progress: &'a dyn Fn(usize, usize),
}

impl Slicer<'_> {
    async fn tick(&mut self, done: usize) {
        if js_sys::Date::now() - self.start > SLICE_MS {
            (self.progress)(done, self.total);
            sleep(0).await;
            self.start = js_sys::Date::now();
        }
    }
}

/// Dossiers checked by the engine in one step.
const STEP: usize = 16;

/// Checks the dossiers taken in and not yet checked, a step at a time.
async fn prepare(slicer: &mut Slicer<'_>, done: usize) {
    while work::raw(|w| w.prepared.advance(&w.file, &w.env, w.known.as_ref(), STEP)) > 0 {
        slicer.tick(done).await;
    }
}

/// Takes `files` in, received on `received` by `channel`, telling `progress` how many of them
/// are done; the caller rebuilds the register at the end.
pub async fn take_in(
    files: Vec<Picked>,
    received: Option<Date>,
    channel: Option<Channel>,
    progress: impl Fn(usize, usize),
) -> Outcome {
    let mut out = Outcome::default();
    let total = files.len();
    let mut slicer = Slicer { start: js_sys::Date::now(), total, progress: &progress };
    let mut done = 0;
    let mut unchecked = 0;
    for batch in files.chunks(BATCH) {
        let reads: js_sys::Array = batch
            .iter()
            .map(|p| {
                if p.file.size() > MAX_BYTES {
                    js_sys::Promise::reject(&"size".into())
                } else {
                    p.file.array_buffer()
                }
            })
            .collect();
        let settled = JsFuture::from(js_sys::Promise::all_settled(&reads)).await.unwrap_or_default();
        let settled: js_sys::Array = settled.dyn_into().unwrap_or_default();
        for (p, result) in batch.iter().zip(settled.iter()) {
            let get = |k: &str| js_sys::Reflect::get(&result, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
            let value = get("value");
            done += 1;
            if !value.is_instance_of::<js_sys::ArrayBuffer>() {
                let why = get("reason");
                out.unreadable.push((p.name.clone(), why.as_string().unwrap_or_else(|| format!("{why:?}"))));
                continue;
            }
            let bytes = js_sys::Uint8Array::new(&value).to_vec();
            // An archive's pieces are filed a few at a time too.
            for piece in intake::expand(&p.name, &bytes) {
                let before = out.taken.dossiers.len();
                work::raw(|w| intake::receive_piece(&mut w.file, piece, received, channel, &mut out.taken));
                unchecked += out.taken.dossiers.len() - before;
                // The new dossiers, checked by the engine a step at a time.
                if unchecked >= STEP {
                    prepare(&mut slicer, done).await;
                    unchecked = 0;
                }
                slicer.tick(done).await;
            }
        }
    }
    prepare(&mut slicer, done).await;
    progress(total, total);
    out
}
