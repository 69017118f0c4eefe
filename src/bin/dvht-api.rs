//! The JavaScript API, for sites that embed the engine without the app (www/api-example.html):
//!
//! ```js
//! import init, { evaluate, validate, ruleset } from './dvht-api.js';
//! await init();
//! const result = evaluate(dossier, '2025-12-01'); // the result object; throws if invalid
//! const messages = validate(dossier);             // [{ severity, field, code, message }]
//! const rules = ruleset();                        // the current rules table (TT24/2023)
//! ```
//!
//! Built by Trunk as an ES module of its own, so the app does not carry these exports.

#[cfg(target_arch = "wasm32")]
mod js {
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
        // Plain objects, not Maps, so the results read like the JSON of `dvht evaluate`.
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    fn dossier(value: JsValue) -> Result<serde_json::Value, JsValue> {
        serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("dossier: {e}")))
    }

    fn today(text: Option<String>) -> Result<dvht::Date, JsValue> {
        match text {
            None => {
                let now = js_sys::Date::new_0();
                Ok(dvht::Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
                    .unwrap_or(dvht::Date::MIN))
            }
            Some(t) => dvht::Date::parse(&t)
                .ok_or_else(|| JsValue::from_str(&format!("today: “{t}” không phải ngày dạng YYYY-MM-DD"))),
        }
    }

    /// The evaluation of a dossier (an object or JSON text). Invalid input throws an Error whose
    /// `problems` lists each message with its field.
    #[wasm_bindgen]
    pub fn evaluate(dossier_value: JsValue, today_text: Option<String>) -> Result<JsValue, JsValue> {
        match dvht::api::evaluate(dossier(dossier_value)?, &dvht::Env::new(today(today_text)?)) {
            Ok(result) => to_js(&result),
            Err(problems) => {
                let text: Vec<String> = problems.iter().map(|p| p.text(dvht::Lang::Vi)).collect();
                let error = js_sys::Error::new(&text.join("\n"));
                let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &to_js(&problems)?);
                Err(error.into())
            }
        }
    }

    /// Every message about a dossier: the errors that stop an evaluation, or its warnings.
    #[wasm_bindgen]
    pub fn validate(dossier_value: JsValue) -> Result<JsValue, JsValue> {
        to_js(&dvht::api::validate(dossier(dossier_value)?, &dvht::Env::new(today(None)?)))
    }

    /// The rules table: unit kinds, inputs, criteria and indicators with their articles.
    #[wasm_bindgen]
    pub fn ruleset() -> Result<JsValue, JsValue> {
        to_js(dvht::rules::current())
    }
}

fn main() {}
