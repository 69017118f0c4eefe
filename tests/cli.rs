//! `dvht evaluate` as scripts use it (dossier-format.md, "The command line").

mod common;
use common::*;
use dvht::rules::{Input, Scope};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dvht(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dvht"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dvht-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn result(out: &Output) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn failure(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout when invalid");
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn complete_incomplete_and_invalid_dossiers_of_every_kind() {
    for scope in Scope::ALL {
        for kind in kinds(scope) {
            let complete = temp_file(&format!("{kind}-complete.json"), dvht::write(&full(kind)).as_bytes());
            let r = result(&dvht(&["evaluate", "--today", "2025-12-01", complete.to_str().unwrap()], None));
            assert_eq!((r["level"].as_u64(), r["scope"].as_str()), (Some(2), Some(scope.key())), "{kind}");
            assert_eq!(r["deadlines"]["days_left"], 45);

            let mut f = full(kind);
            f.values.set(Input::Members, None);
            f.evidence.clear();
            let incomplete = temp_file(&format!("{kind}-incomplete.json"), dvht::write(&f).as_bytes());
            let r = result(&dvht(&["evaluate", "--today", "2025-12-01", incomplete.to_str().unwrap()], None));
            assert_eq!((r["level"].as_u64(), r["level_ignoring_evidence"].as_u64()), (Some(0), Some(0)), "{kind}");
            assert_eq!(r["levels"][0]["criteria"][1]["indicators"][0]["status"], "missing_input", "{kind}");
            assert_eq!(r["levels"][0]["criteria"][0]["indicators"][0]["status"], "missing_evidence", "{kind}");

            let invalid = with_count(full(kind), Input::MembersDigital, 201);
            let invalid = temp_file(&format!("{kind}-invalid.json"), dvht::write(&invalid).as_bytes());
            let err = failure(&dvht(&["evaluate", invalid.to_str().unwrap()], None));
            assert!(err.contains("counts.members_digital") && err.contains("lớn hơn"), "{kind}: {err}");
        }
    }
}

#[test]
fn the_spec_example_from_a_file_and_from_stdin() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spec-example.json");
    let from_file = dvht(&["evaluate", "--today", "2025-11-21", path], None);
    let r = result(&from_file);
    assert_eq!(r["level"], 0);
    assert_eq!(r["deadlines"]["days_left"], 55);
    let bytes = std::fs::read(path).unwrap();
    let from_stdin = dvht(&["evaluate", "--today", "2025-11-21", "-"], Some(&bytes));
    assert_eq!(from_stdin.stdout, from_file.stdout);
    // Without --today the system date is used: the result differs at most in the two fields.
    let mut now = result(&dvht(&["evaluate", path], None));
    let mut fixed = r;
    for r in [&mut now, &mut fixed] {
        r["deadlines"]["days_left"] = serde_json::Value::Null;
        r["validity"]["valid_on_today"] = serde_json::Value::Null;
    }
    assert_eq!(now, fixed);
}

#[test]
fn invalid_input_is_reported_on_stderr_with_exit_2() {
    let err = failure(&dvht(&["evaluate", "-"], Some(b"{\"format\": \"dvht-dossier\", \"version\": 1, \"unit\": {\"scope\": \"tinh\", \"kind\": \"ubnd_xa\"}, \"year\": 2025}")));
    assert!(err.contains("unit.kind") && err.contains("cấp tỉnh"), "{err}");
    let err = failure(&dvht(&["evaluate", "--lang", "en", "-"], Some(b"not json")));
    assert!(err.contains("not valid JSON"), "{err}");
    let err = failure(&dvht(&["evaluate", "/nonexistent/dossier.json"], None));
    assert!(err.contains("không đọc được"), "{err}");
    let err = failure(&dvht(&["evaluate", "--today", "2025-02-30", "x.json"], None));
    assert!(err.contains("--today"), "{err}");
    failure(&dvht(&["evaluate"], None));
    failure(&dvht(&["evaluate", "a.json", "b.json"], None));
    failure(&dvht(&["frobnicate"], None));
    failure(&dvht(&["evaluate", "--nope", "a.json"], None));
}

#[test]
fn any_bytes_give_exit_0_or_2_never_a_crash() {
    let mut seed: u64 = 0x2024_0126;
    for i in 0..40 {
        let len = (i * 37) % 300;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let out = dvht(&["evaluate", "-"], Some(&bytes));
        assert_eq!(out.status.code(), Some(2), "{bytes:?}");
    }
    // A truncated dossier.
    let example = include_bytes!("fixtures/spec-example.json");
    for cut in [1, 10, 100, 500, 1000] {
        assert_eq!(dvht(&["evaluate", "-"], Some(&example[..cut])).status.code(), Some(2));
    }
}

#[test]
fn help_version_and_ruleset() {
    let out = dvht(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("dvht evaluate [--today YYYY-MM-DD]"));
    assert!(String::from_utf8_lossy(&dvht(&["--version"], None).stdout).starts_with("dvht "));
    let rules: serde_json::Value = serde_json::from_slice(&dvht(&["ruleset"], None).stdout).unwrap();
    assert_eq!(rules["id"], "TT24/2023");
    assert_eq!(rules["indicators"].as_array().unwrap().len(), 62);
    assert_eq!(rules["kinds"].as_array().unwrap().len(), 25);
}

// ── Issue 10: the command line at the edges ──────────────────────────────────────────────

/// Runs dvht with arguments that need not be UTF-8.
#[cfg(unix)]
fn dvht_os(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvht")).args(args).stdin(Stdio::null()).output().unwrap()
}

#[cfg(unix)]
fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
#[cfg(unix)]
fn a_file_name_that_is_not_utf8_is_read_and_named() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_file("x", b"").parent().unwrap().to_path_buf();
    let name = std::ffi::OsStr::from_bytes(b"h\xf4 s\xff.json");
    let path = dir.join(name);
    std::fs::write(&path, include_bytes!("fixtures/spec-example.json")).unwrap();
    let r = result(&dvht_os(&[os("evaluate"), os("--today"), os("2025-11-21"), path.as_os_str()]));
    assert_eq!(r["level"], 0);
    // An invalid file with such a name: its name is shown as well as it can be.
    std::fs::write(&path, b"{}").unwrap();
    let out = dvht_os(&[os("evaluate"), path.as_os_str()]);
    let err = failure(&out);
    assert!(err.contains("h\u{FFFD} s\u{FFFD}.json"), "{err}");
}

#[test]
fn input_is_read_up_to_its_limit_not_forever() {
    // /dev/zero never ends: it used to be read until memory ran out.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dvht"))
        .args(["evaluate", "/dev/zero"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("still reading /dev/zero after a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let err = failure(&child.wait_with_output().unwrap());
    assert!(err.contains("16 MB"), "{err}");
    // The same through stdin (the writer may find the pipe closed early: that is the point).
    let mut child = Command::new(env!("CARGO_BIN_EXE_dvht"))
        .args(["evaluate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b' '; 1 << 20];
        for _ in 0..40 {
            if stdin.write_all(&block).is_err() {
                break;
            }
        }
    });
    let err = failure(&child.wait_with_output().unwrap());
    writer.join().unwrap();
    assert!(err.contains("16 MB"), "{err}");
}

#[test]
fn documents_are_never_written_over_their_own_dossier_or_each_other() {
    let bytes = dvht::write(&full("thpt"));
    let dossier = temp_file("own.json", bytes.as_bytes());
    let d = dossier.to_str().unwrap();
    for args in [
        vec!["documents", "--html", d, d],
        vec!["documents", "--docx", d, d],
        vec!["documents", "--html", &format!("{}/./own.json", dossier.parent().unwrap().display()), d],
    ] {
        let err = failure(&dvht(&args, None));
        assert!(err.contains("own.json") && err.contains("ghi đè"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(&dossier).unwrap(), bytes, "{args:?}: the dossier is untouched");
    }
    // Through a second name (a hard link) too.
    let link = dossier.with_file_name("own-link.json");
    let _ = std::fs::remove_file(&link);
    std::fs::hard_link(&dossier, &link).unwrap();
    failure(&dvht(&["documents", "--html", link.to_str().unwrap(), d], None));
    assert_eq!(std::fs::read_to_string(&dossier).unwrap(), bytes);
    // The two outputs cannot be one file.
    let same = dossier.with_file_name("both.out");
    let err =
        failure(&dvht(&["documents", "--html", same.to_str().unwrap(), "--docx", same.to_str().unwrap(), d], None));
    assert!(err.contains("both.out"), "{err}");
    assert!(!same.exists());
}

#[test]
fn a_published_report_is_read_as_the_dossier_it_carries() {
    let dossier = temp_file("carried.json", dvht::write(&full("thpt")).as_bytes());
    let report = dossier.with_file_name("carried.html");
    let out = dvht(
        &["documents", "--today", "2025-12-01", "--html", report.to_str().unwrap(), dossier.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // Published without its data (the default), the report carries no dossier, and says so.
    let refused = failure(&dvht(&["evaluate", report.to_str().unwrap()], None));
    assert!(refused.contains("--embed"), "{refused}");
    let out = dvht(
        &[
            "documents",
            "--today",
            "2025-12-01",
            "--html",
            report.to_str().unwrap(),
            "--embed",
            dossier.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let from_json = dvht(&["evaluate", "--today", "2025-12-01", dossier.to_str().unwrap()], None);
    let from_html = dvht(&["evaluate", "--today", "2025-12-01", report.to_str().unwrap()], None);
    assert_eq!(result(&from_html), result(&from_json));
    // And its documents again, from the report.
    let again = dossier.with_file_name("again.docx");
    let out = dvht(&["documents", "--docx", again.to_str().unwrap(), report.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&again).unwrap().len() > 10_000);
}

#[test]
fn a_repeated_key_is_reported_in_the_result() {
    let text = dvht::write(&full("thpt")).replacen("\"kind\": \"thpt\",", "\"kind\": \"thcs\", \"kind\": \"thpt\",", 1);
    assert!(text.contains("\"thcs\""));
    let r = result(&dvht(&["evaluate", "--today", "2025-12-01", "-"], Some(text.as_bytes())));
    assert_eq!(r["level"], 2, "the later value is the one used");
    let dup: Vec<&serde_json::Value> =
        r["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "duplicate_key").collect();
    assert_eq!(dup.len(), 1, "{}", r["diagnostics"]);
    assert_eq!(dup[0]["field"], "unit.kind");
    assert_eq!(dup[0]["severity"], "warning");
}
