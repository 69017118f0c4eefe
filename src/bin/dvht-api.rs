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
//!
//! It survives anything a script passes: a value is checked as it is walked, iteratively and
//! within the limits of a dossier file (depth, cycles, values, keys, text, and what JSON cannot
//! hold: functions, symbols, BigInts, NaN, Infinity) before anything reaches the engine, and no
//! script it touches (a getter, a proxy) can throw through it. Every error is an `Error` whose
//! `problems` lists each message with the field it concerns; the next call works as ever.

#[cfg(target_arch = "wasm32")]
mod js {
    use dvht::diagnostic::{Expected, Limit, Message};
    use dvht::file::limits::{self, MAX_DEPTH, MAX_FILE_BYTES, MAX_KEYS, MAX_TEXT_CHARS, MAX_VALUES};
    use dvht::Diagnostic;
    use serde::Serialize;
    use serde_json::{Map, Number, Value as Json};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        // What the walk asks of JavaScript, each able to throw (a proxy can), each caught.
        #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
        fn is_array(value: &JsValue) -> Result<bool, JsValue>;
        #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
        fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    }

    fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
        // Plain objects, not Maps, so the results read like the JSON of `dvht evaluate`.
        value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| error(&[], &e.to_string()))
    }

    /// An `Error` whose `problems` lists each message (an empty list for a failure of dvht's
    /// own, which has no field).
    fn error(problems: &[Diagnostic], fallback: &str) -> JsValue {
        let text: Vec<String> = problems.iter().map(|p| p.text(dvht::Lang::Vi)).collect();
        let text = if text.is_empty() { fallback.to_string() } else { text.join("\n") };
        let e = js_sys::Error::new(&text);
        let list = problems
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or_else(|_| js_sys::Array::new().into());
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("problems"), &list);
        e.into()
    }

    fn problem(field: &str, m: Message) -> Diagnostic {
        Diagnostic::error(dvht::rules::current(), field, m)
    }

    /// A container being walked.
    struct Frame {
        value: JsValue,
        /// The keys of an object; `None` for a list.
        keys: Option<js_sys::Array>,
        len: u32,
        next: u32,
        items: Vec<Json>,
        map: Map<String, Json>,
        key: String,
    }

    impl Frame {
        fn path(&self, out: &mut String) {
            match self.keys {
                None => out.push_str(&format!("[{}]", self.next.saturating_sub(1))),
                Some(_) => *out = if out.is_empty() { self.key.clone() } else { format!("{out}.{}", self.key) },
            }
        }
    }

    fn path(stack: &[Frame]) -> String {
        let mut out = String::new();
        for f in stack {
            f.path(&mut out);
        }
        out
    }

    enum Step {
        Leaf(Json),
        Open(Frame),
        Bad(Message),
    }

    /// One value: a leaf, a container to walk, or why JSON cannot hold it.
    fn step(v: &JsValue, stack: &[Frame]) -> Step {
        if v.is_null() || v.is_undefined() {
            return Step::Leaf(Json::Null);
        }
        if let Some(b) = v.as_bool() {
            return Step::Leaf(Json::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            if !n.is_finite() {
                return Step::Bad(Message::NotFinite { found: format!("{n}").replace("inf", "Infinity") });
            }
            // Whole numbers as integers, as JSON text would read.
            let json = if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
                Json::from(n as i64)
            } else {
                Number::from_f64(n).map_or(Json::Null, Json::Number)
            };
            return Step::Leaf(json);
        }
        if v.is_string() {
            // Measured before it is copied: UTF-16 units are at most twice the characters.
            let units = v.unchecked_ref::<js_sys::JsString>().length() as usize;
            if units > 2 * MAX_TEXT_CHARS {
                return Step::Bad(limits::over(Limit::TextChars));
            }
            let text = v.as_string().unwrap_or_default();
            if !limits::text_fits(&text) {
                return Step::Bad(limits::over(Limit::TextChars));
            }
            return Step::Leaf(Json::String(text));
        }
        if v.is_bigint() {
            return Step::Bad(Message::NotJsonValue { found: "BigInt".into() });
        }
        if v.is_symbol() {
            return Step::Bad(Message::NotJsonValue { found: "Symbol".into() });
        }
        if v.is_function() {
            return Step::Bad(Message::NotJsonValue { found: "function".into() });
        }
        if stack.len() + 1 > MAX_DEPTH {
            return Step::Bad(limits::over(Limit::Depth));
        }
        if stack.iter().any(|f| f.value == *v) {
            return Step::Bad(Message::Cyclic);
        }
        let unreadable = || {
            Step::Bad(Message::NotJsonValue {
                found: "một đối tượng không đọc được / an unreadable object".into()
            })
        };
        let frame = |keys: Option<js_sys::Array>, len: u32| Frame {
            value: v.clone(),
            keys,
            len,
            next: 0,
            items: Vec::new(),
            map: Map::new(),
            key: String::new(),
        };
        match is_array(v) {
            Ok(true) => {
                let len = js_sys::Reflect::get(v, &JsValue::from_str("length")).ok().and_then(|l| l.as_f64());
                match len {
                    // Past the limit of values long before its end, however long it claims to be.
                    Some(len) => Step::Open(frame(None, len.clamp(0.0, f64::from(u32::MAX)) as u32)),
                    None => unreadable(),
                }
            }
            Ok(false) => match object_keys(v) {
                Ok(keys) if keys.length() as usize > MAX_KEYS => Step::Bad(limits::over(Limit::Keys)),
                Ok(keys) => {
                    let len = keys.length();
                    Step::Open(frame(Some(keys), len))
                }
                Err(_) => unreadable(),
            },
            Err(_) => unreadable(),
        }
    }

    /// A JavaScript value as JSON, walked without recursion; every problem names its field.
    fn to_json(root: &JsValue) -> Result<Json, Vec<Diagnostic>> {
        let mut errors: Vec<Diagnostic> = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut values = 0usize;
        let mut todo = Some(root.clone());
        let mut done: Option<Json> = None;
        loop {
            if let Some(v) = todo.take() {
                values += 1;
                if values > MAX_VALUES {
                    errors.push(problem(&path(&stack), limits::over(Limit::Values)));
                    return Err(errors);
                }
                match step(&v, &stack) {
                    Step::Leaf(json) => done = Some(json),
                    Step::Open(frame) => stack.push(frame),
                    Step::Bad(m) => {
                        errors.push(problem(&path(&stack), m));
                        // Enough said: a file has no more than this many problems worth reading.
                        if errors.len() >= 100 {
                            return Err(errors);
                        }
                        done = Some(Json::Null);
                    }
                }
            }
            if let Some(json) = done.take() {
                match stack.last_mut() {
                    None => return if errors.is_empty() { Ok(json) } else { Err(errors) },
                    Some(f) if f.keys.is_none() => f.items.push(json),
                    Some(f) => {
                        let key = std::mem::take(&mut f.key);
                        f.map.insert(key, json);
                    }
                }
            }
            let Some(f) = stack.last_mut() else { return Err(errors) };
            if f.next < f.len {
                let i = f.next;
                f.next += 1;
                let key: JsValue = match &f.keys {
                    None => JsValue::from(i),
                    Some(keys) => {
                        let key = keys.get(i).as_string().unwrap_or_default();
                        if !limits::text_fits(&key) {
                            errors.push(problem(&path(&stack), limits::over(Limit::TextChars)));
                            return Err(errors);
                        }
                        let k = JsValue::from_str(&key);
                        f.key = key;
                        k
                    }
                };
                // A getter may throw: that property is unreadable, the walk goes on.
                match js_sys::Reflect::get(&f.value, &key) {
                    Ok(v) => todo = Some(v),
                    Err(_) => {
                        let m = Message::NotJsonValue {
                            found: "một thuộc tính không đọc được / an unreadable property".into(),
                        };
                        errors.push(problem(&path(&stack), m));
                        done = Some(Json::Null);
                    }
                }
            } else if let Some(f) = stack.pop() {
                done = Some(match f.keys {
                    None => Json::Array(f.items),
                    Some(_) => Json::Object(f.map),
                });
            }
        }
    }

    /// A dossier as an object, or as JSON text (measured before it is copied).
    fn dossier(value: &JsValue) -> Result<Json, Vec<Diagnostic>> {
        if value.is_string() {
            if value.unchecked_ref::<js_sys::JsString>().length() as usize > MAX_FILE_BYTES {
                return Err(vec![problem("", limits::over(Limit::FileBytes))]);
            }
            return Ok(Json::String(value.as_string().unwrap_or_default()));
        }
        to_json(value)
    }

    fn today(value: &JsValue) -> Result<dvht::Env, Vec<Diagnostic>> {
        if value.is_null() || value.is_undefined() {
            return Ok(dvht::Env::new(dvht::web::today()));
        }
        match value.as_string() {
            Some(t) => match dvht::Date::parse(&t) {
                Some(d) => Ok(dvht::Env::new(d)),
                None => Err(vec![problem("today", Message::BadDate { found: t.chars().take(40).collect() })]),
            },
            None => Err(vec![problem("today", Message::WrongType { expected: Expected::Text })]),
        }
    }

    /// The evaluation of a dossier (an object or JSON text). Invalid input throws an Error whose
    /// `problems` lists each message with its field.
    #[wasm_bindgen]
    pub fn evaluate(dossier_value: JsValue, today_text: JsValue) -> Result<JsValue, JsValue> {
        let env = today(&today_text).map_err(|p| error(&p, ""))?;
        let value = dossier(&dossier_value).map_err(|p| error(&p, ""))?;
        match dvht::api::evaluate(value, &env) {
            Ok(result) => to_js(&result),
            Err(problems) => Err(error(&problems, "")),
        }
    }

    /// Every message about a dossier: the errors that stop an evaluation, or its warnings.
    #[wasm_bindgen]
    pub fn validate(dossier_value: JsValue) -> Result<JsValue, JsValue> {
        let env = dvht::Env::new(dvht::web::today());
        match dossier(&dossier_value) {
            Ok(value) => to_js(&dvht::api::validate(value, &env)),
            Err(problems) => to_js(&problems),
        }
    }

    /// The rules table: unit kinds, inputs, criteria and indicators with their articles.
    #[wasm_bindgen]
    pub fn ruleset() -> Result<JsValue, JsValue> {
        to_js(dvht::rules::current())
    }
}

fn main() {}
