//! What the JavaScript API does (`src/bin/dvht-api.rs` only converts values): evaluate a
//! dossier, list what is wrong with one, give the rules. A dossier comes as a JSON value, or
//! as JSON text inside a string.

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Message};
use crate::engine::{assess, Env};
use crate::Evaluation;

fn dossier_value(dossier: Value) -> Result<Value, Vec<Diagnostic>> {
    match dossier {
        Value::String(text) => {
            let text = text.trim_start_matches('\u{feff}');
            if text.trim().is_empty() {
                return Err(vec![Diagnostic::error(crate::rules::current(), "", Message::EmptyFile)]);
            }
            serde_json::from_str(text).map_err(|e| {
                let m = Message::NotJson { line: e.line(), column: e.column() };
                vec![Diagnostic::error(crate::rules::current(), "", m)]
            })
        }
        other => Ok(other),
    }
}

/// `evaluate(dossier, today)`: the result, or every problem that stops it.
pub fn evaluate(dossier: Value, env: &Env) -> Result<Evaluation, Vec<Diagnostic>> {
    let file = crate::file::read_value(dossier_value(dossier)?)?;
    let a = assess(&file, env);
    a.evaluation.ok_or(a.problems)
}

/// `validate(dossier)`: the errors that stop an evaluation, or else its warnings and notes.
pub fn validate(dossier: Value, env: &Env) -> Vec<Diagnostic> {
    match evaluate(dossier, env) {
        Ok(result) => result.diagnostics,
        Err(problems) => problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../tests/fixtures/spec-example.json");

    #[test]
    fn objects_and_text_give_the_same_result() {
        let today = Env::new(crate::Date::parse("2025-11-21").unwrap());
        let from_text = evaluate(Value::String(EXAMPLE.into()), &today).unwrap();
        let from_object = evaluate(serde_json::from_str(EXAMPLE).unwrap(), &today).unwrap();
        assert_eq!(from_text, from_object);
        assert_eq!((from_text.level, from_text.level_ignoring_evidence), (0, 1));
    }

    #[test]
    fn validation_names_the_fields() {
        let today = Env::new(crate::Date::parse("2025-11-21").unwrap());
        let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
        v["counts"]["members_digital"] = serde_json::json!(500);
        let problems = validate(v, &today);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "counts.members_digital");
        assert_eq!(validate(Value::String("{oops".into()), &today)[0].code(), "not_json");
        assert_eq!(validate(Value::String(" ".into()), &today)[0].code(), "empty_file");
        // A valid dossier: its warnings, none of them errors.
        let w = validate(serde_json::from_str(EXAMPLE).unwrap(), &today);
        assert!(!w.is_empty() && w.iter().all(|d| d.severity != crate::Severity::Error));
    }
}
