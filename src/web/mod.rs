//! The browser app: a thin Yew layer over the engine.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::{Date, Evaluation, Lang};

/// Today on the user's device (the engine never reads a clock; the edges do).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8).unwrap_or(Date::MIN)
}

/// The bytes of a file the user picked or dropped.
pub async fn file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| "Không đọc được tệp.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[derive(Clone, PartialEq)]
enum Opened {
    Nothing,
    Evaluated(Box<Evaluation>),
    Invalid(Vec<String>),
}

#[function_component(App)]
pub fn app() -> Html {
    let opened = use_state(|| Opened::Nothing);
    let onchange = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let opened = opened.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match file_bytes(file).await {
                    Err(e) => Opened::Invalid(vec![e]),
                    Ok(bytes) => match crate::evaluate_bytes(&bytes, today()) {
                        Ok(r) => Opened::Evaluated(Box::new(r)),
                        Err(problems) => Opened::Invalid(problems.iter().map(|p| p.text(Lang::Vi)).collect()),
                    },
                };
                opened.set(result);
            });
        })
    };
    html! {
        <main>
            <h1>{ "Tự đánh giá “Đơn vị học tập”" }</h1>
            <label for="dossier-file">{ "Mở hồ sơ (.json): " }</label>
            <input id="dossier-file" type="file" accept=".json,application/json" data-testid="dossier-import" {onchange} />
            { match &*opened {
                Opened::Nothing => html! {},
                Opened::Evaluated(r) => html! {
                    <section class="verdict" data-testid="verdict" data-level={r.level.to_string()} aria-live="polite">
                        { if r.level == 0 { "Chưa đạt mức độ nào.".to_string() } else { format!("Đạt mức độ {}.", r.level) } }
                    </section>
                },
                Opened::Invalid(msgs) => html! {
                    <section class="errors" role="alert">
                        <ul>{ for msgs.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                    </section>
                },
            } }
        </main>
    }
}

pub fn start() {
    yew::Renderer::<App>::new().render();
}
