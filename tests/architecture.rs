//! The promises of ARCHITECTURE.md that a reading of the source can check: each layer imports
//! only from the layers below it, and no code outside `src/rules/` names a rule set.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers, bottom up; a module may use its own layer and those below.
const LAYERS: [(&str, u8); 19] = [
    ("date", 0),
    ("order", 0),
    ("sha256", 0),
    ("zip", 0),
    ("unzip", 0),
    ("sheets", 0),
    ("collate", 0),
    ("rules", 1),
    ("diagnostic", 2),
    ("file", 3),
    ("roster", 3),
    ("engine", 4),
    ("appraisal", 5),
    ("words", 6),
    ("documents", 7),
    ("api", 8),
    ("roster_app", 8),
    ("web", 9),
    ("appraisal_web", 9),
];

/// What `lib.rs` re-exports, by the module it comes from.
const FACADE: [(&str, &str); 19] = [
    ("Date", "date"),
    ("Diagnostic", "diagnostic"),
    ("Message", "diagnostic"),
    ("Severity", "diagnostic"),
    ("check", "engine"),
    ("Dossier", "engine"),
    ("evaluate", "engine"),
    ("Evaluation", "engine"),
    ("Status", "engine"),
    ("assess", "engine"),
    ("Assessment", "engine"),
    ("Env", "engine"),
    ("read", "file"),
    ("write", "file"),
    ("DossierFile", "file"),
    ("Lang", "words"),
    ("Level", "rules"),
    ("RuleSet", "rules"),
    ("Scope", "rules"),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top module a source file belongs to (`src/file/json.rs` → `file`).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::x` a file names, as the module it comes from, outside `#[cfg(test)]` code.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    // Comments may name anything.
    let code: String = code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        // `use crate::{a, b::c}` names several.
        let names: Vec<String> = if let Some(group) = rest.strip_prefix('{') {
            // The names at the group's own depth: `{a::x, b::{y, z}}` → a, b.
            let (mut depth, mut names, mut current) = (0, Vec::new(), String::new());
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => names.push(std::mem::take(&mut current)),
                    c => current.push(c),
                }
            }
            names.push(current);
            names.iter().map(|n| n.trim().split("::").next().unwrap_or("").to_string()).collect()
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
            vec![rest[..end].to_string()]
        };
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            let module = FACADE.iter().find(|(n, _)| *n == name).map_or(name.clone(), |(_, m)| m.to_string());
            out.insert(module);
        }
    }
    out
}

#[test]
fn each_layer_imports_only_from_those_below() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut upward = Vec::new();
    let mut arrows = BTreeSet::new();
    for path in &files {
        let from = module_of(path);
        let Some(from_layer) = layer(&from) else { continue }; // lib.rs and bin/ are the edges
        for to in imports(&std::fs::read_to_string(path).unwrap()) {
            let Some(to_layer) = layer(&to) else { continue };
            if to != from {
                arrows.insert(format!("{from} → {to}"));
            }
            if to_layer > from_layer {
                upward.push(format!("{} uses {to}", path.display()));
            }
        }
    }
    println!("{} arrows: {}", arrows.len(), arrows.iter().cloned().collect::<Vec<_>>().join(", "));
    assert!(upward.is_empty(), "imports that point upward:\n{}", upward.join("\n"));
}

#[test]
fn no_code_outside_the_rules_names_a_rule_set() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let rules = src().join("rules");
    let named: Vec<String> = files
        .iter()
        .filter(|p| !p.starts_with(&rules))
        .filter(|p| std::fs::read_to_string(p).unwrap().contains("TT24_2023"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(named.is_empty(), "rule sets are reached through the registry, not by name: {named:?}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The scanner itself: a façade name resolves to its module, a group is split.
    let found = imports("use crate::{date::Date, rules::{self, Input}};\nlet x = crate::Lang::Vi; crate::check(&f);");
    assert_eq!(found, ["date", "engine", "rules", "words"].into_iter().map(String::from).collect());
    assert_eq!(module_of(&src().join("file").join("json.rs")), "file");
}
