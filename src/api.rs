//! What the JavaScript API does (`src/bin/dvht-api.rs` only converts values): evaluate a
//! dossier, list what is wrong with one, give the rules. A dossier comes as a JSON value, or
//! as JSON text inside a string.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::engine::{assess, Env};
use crate::file::DossierFile;
use crate::Evaluation;

/// A dossier from a value: JSON text inside a string is read as a file is (the same limits, the
/// same warnings); any other value is read as the file's JSON.
fn dossier_file(dossier: Value) -> Result<(DossierFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    match dossier {
        Value::String(text) => crate::file::read_with_warnings(text.as_bytes()),
        other => Ok((crate::file::read_value(other)?, Vec::new())),
    }
}

/// `evaluate(dossier, today)`: the result, or every problem that stops it. What reading found
/// (a key given twice, a number kept as text) comes first among its warnings.
pub fn evaluate(dossier: Value, env: &Env) -> Result<Evaluation, Vec<Diagnostic>> {
    let (file, warnings) = dossier_file(dossier)?;
    let a = assess(&file, env);
    let mut result = a.evaluation.ok_or(a.problems)?;
    result.diagnostics.splice(0..0, warnings);
    Ok(result)
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
        // Text is read as a file is: a key given twice is said, the later value kept.
        let twice = EXAMPLE.replacen("\"year\": 2025", "\"year\": 2024, \"year\": 2025", 1);
        assert_ne!(twice, EXAMPLE);
        let w = validate(Value::String(twice), &today);
        assert_eq!((w[0].field.as_str(), w[0].code()), ("year", "duplicate_key"));
        // Objects too deep for a file are refused as a file's would be.
        let mut deep = Value::Null;
        for _ in 0..40 {
            deep = Value::Array(vec![deep]);
        }
        let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
        v["unit"]["x"] = deep;
        assert_eq!(validate(v, &today)[0].code(), "over_limit");
        // A valid dossier: its warnings, none of them errors.
        let w = validate(serde_json::from_str(EXAMPLE).unwrap(), &today);
        assert!(!w.is_empty() && w.iter().all(|d| d.severity != crate::Severity::Error));
    }
}
