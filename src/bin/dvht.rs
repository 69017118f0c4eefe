//! `dvht`: the engine on the command line, for scripts and for checking many dossiers.
//!
//! The only IO of the project outside the browser: reading the file, the system date,
//! printing. Exit 0 with the result on stdout; exit 2 with a message on stderr otherwise.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use dvht::{assess, Date, Env, Lang};

const USAGE: &str = "\
dvht — tự đánh giá “Đơn vị học tập” theo Thông tư 24/2023/TT-BGDĐT
       (self-assessment of a Learning Unit under Circular 24/2023/TT-BGDĐT)

Cách dùng / Usage:
  dvht evaluate [--today YYYY-MM-DD] [--lang vi|en] FILE.json
        In kết quả đánh giá (JSON) ra stdout. FILE là - để đọc stdin.
        Prints the evaluation result (JSON) on stdout. FILE may be - for stdin.
  dvht documents [--today YYYY-MM-DD] [--html REPORT.html [--embed]] [--docx DOSSIER.docx] FILE.json
        Viết Tờ trình, Báo cáo tự đánh giá và Bản tổng hợp (HTML để công bố, Word để sửa);
        --embed kèm dữ liệu hồ sơ trong HTML để mở lại.
        Writes the request, the self-assessment report and the summary (HTML to publish, Word to
        edit); --embed carries the dossier in the HTML so it can be opened again.
  dvht summary [--year Y] [--scope huyen|tinh] [--csv FILE] [--today YYYY-MM-DD] PATH…
        Tổng hợp nhiều hồ sơ (tệp .json, thư mục, .zip): số đơn vị theo mức độ, đề nghị, loại (JSON).
        Summarises many dossiers (files, folders of .json, .zip): counts by level, request, kind (JSON).
  dvht appraisal evaluate [--today YYYY-MM-DD] [--register REGISTER.json] FILE
        Kiểm tra tệp thẩm định (dvht-appraisal): mức độ của đơn vị và của Hội đồng, kết luận, Hội đồng, thời hạn (JSON).
        Checks an appraisal file: each unit's and the council's level, the outcome, the council, the dates (JSON).
  dvht appraisal documents [--today D] [--register R] [--html F] [--docx F] [--xlsx F] [--report F] FILE
        Viết văn bản trả lời, Tờ trình, Báo cáo thẩm định, Bản tổng hợp, dự thảo Quyết định, báo cáo năm.
        Writes the letters, the submission to the Chủ tịch UBND, the year's report (HTML, Word, Excel, JSON).
  dvht ruleset      In bộ tiêu chí TT24/2023 (JSON) / prints the rule set as JSON
  dvht --version
  dvht --help

Mã thoát / Exit status: 0 thành công / success; 2 tệp hoặc tham số không hợp lệ / invalid file or arguments.
“Hôm nay” mặc định là ngày hiện tại ở Việt Nam (UTC+7) / “today” defaults to the current date in Vietnam (UTC+7).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", message.trim_end());
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => print(USAGE),
        Some("-V" | "--version") => print(&format!("dvht {}\n", env!("CARGO_PKG_VERSION"))),
        Some("evaluate") => evaluate(&args[1..]),
        Some("documents") => documents(&args[1..]),
        Some("summary") => summary(&args[1..]),
        Some("appraisal") => match args.get(1).map(String::as_str) {
            Some("evaluate") => appraisal_evaluate(&args[2..]),
            Some("documents") => appraisal_documents(&args[2..]),
            _ => Err(format!("Cần “dvht appraisal evaluate FILE” hoặc “dvht appraisal documents …”.\n\n{USAGE}")),
        },
        Some("ruleset") => {
            let json = serde_json::to_string_pretty(dvht::rules::current()).map_err(|e| e.to_string())?;
            print(&format!("{json}\n"))
        }
        Some(other) => Err(format!("Lệnh không hợp lệ: “{other}”. Chạy “dvht --help” để xem cách dùng.")),
    }
}

fn evaluate(args: &[String]) -> Result<(), String> {
    let mut today = None;
    let mut lang = Lang::Vi;
    let mut path = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--today" => {
                let value = it.next().ok_or("--today cần một ngày dạng YYYY-MM-DD.")?;
                today = Some(
                    Date::parse(value)
                        .ok_or_else(|| format!("--today: “{value}” không phải ngày hợp lệ dạng YYYY-MM-DD."))?,
                );
            }
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("vi") => Lang::Vi,
                    Some("en") => Lang::En,
                    _ => return Err("--lang nhận vi hoặc en.".into()),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            file => {
                if path.replace(file).is_some() {
                    return Err("Chỉ đánh giá một tệp mỗi lần.".into());
                }
            }
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp hồ sơ cần đánh giá.\n\n{USAGE}"))?;
    let bytes = read_input(path)?;
    let env = Env::new(today.unwrap_or_else(today_in_vietnam));
    let assessed = dvht::read(&bytes).map(|file| assess(&file, &env));
    match assessed.and_then(|a| a.evaluation.ok_or(a.problems)) {
        Ok(result) => {
            let json = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
            print(&format!("{json}\n"))
        }
        Err(problems) => {
            let mut out = format!("{path}: hồ sơ không hợp lệ / invalid dossier\n");
            for p in &problems {
                out.push_str(&format!("{}\n", problem_line(p, lang)));
            }
            Err(out)
        }
    }
}

fn documents(args: &[String]) -> Result<(), String> {
    let mut today = None;
    let (mut html, mut docx, mut path) = (None, None, None);
    let mut embed = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| it.next().cloned().ok_or_else(|| format!("{flag} cần một giá trị."));
        match arg.as_str() {
            "--today" => {
                let v = value("--today")?;
                today = Some(
                    Date::parse(&v).ok_or_else(|| format!("--today: “{v}” không phải ngày hợp lệ dạng YYYY-MM-DD."))?,
                );
            }
            "--html" => html = Some(value("--html")?),
            "--embed" => embed = true,
            "--docx" => docx = Some(value("--docx")?),
            flag if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp hồ sơ.\n\n{USAGE}"))?;
    if html.is_none() && docx.is_none() {
        return Err("Cần --html hoặc --docx (hoặc cả hai).".into());
    }
    let bytes = read_input(&path)?;
    let invalid = |problems: Vec<dvht::Diagnostic>| {
        let lines: Vec<String> = problems.iter().map(|p| problem_line(p, Lang::Vi)).collect();
        format!("{path}: hồ sơ không hợp lệ / invalid dossier\n{}", lines.join("\n"))
    };
    let file = dvht::read(&bytes).map_err(invalid)?;
    let a = assess(&file, &Env::new(today.unwrap_or_else(today_in_vietnam)));
    let docs = dvht::documents::build(&file, &a).ok_or_else(|| invalid(a.problems.clone()))?;
    let title = dvht::documents::title(&file, &a);
    if let Some(out) = html {
        // The dossier rides along only when asked (`--embed`): a published page shows, it
        // does not carry notes or where each document is kept.
        let page = dvht::documents::html::standalone(&docs, embed.then_some(&file), &title);
        std::fs::write(&out, page).map_err(|e| format!("{out}: không ghi được tệp ({e})."))?;
    }
    if let Some(out) = docx {
        std::fs::write(&out, dvht::documents::docx::write(&docs, &title))
            .map_err(|e| format!("{out}: không ghi được tệp ({e})."))?;
    }
    Ok(())
}

/// `--today YYYY-MM-DD`.
fn today_arg(value: Option<&String>) -> Result<Date, String> {
    let value = value.ok_or("--today cần một ngày dạng YYYY-MM-DD.")?;
    Date::parse(value).ok_or_else(|| format!("--today: “{value}” không phải ngày hợp lệ dạng YYYY-MM-DD."))
}

/// Every `.json` file under a folder, in name order (folders first walked, then files).
fn json_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<std::path::PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            out.push(path);
        }
    }
    Ok(())
}

fn summary(args: &[String]) -> Result<(), String> {
    use dvht::appraisal::summary::{Options, Summary};
    let mut options = Options::default();
    let (mut csv, mut today, mut paths) = (None, None, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--year" => {
                let v = it.next().ok_or("--year cần một năm, ví dụ 2025.")?;
                options.year = Some(v.parse().map_err(|_| format!("--year: “{v}” không phải một năm."))?);
            }
            "--scope" => {
                let v = it.next().ok_or("--scope nhận huyen hoặc tinh.")?;
                options.scope =
                    Some(dvht::Scope::from_key(v).ok_or_else(|| format!("--scope: “{v}”: chỉ nhận huyen hoặc tinh."))?);
            }
            "--csv" => csv = Some(it.next().ok_or("--csv cần tên tệp.")?.clone()),
            "--today" => today = Some(today_arg(it.next())?),
            flag if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            path => paths.push(path.to_string()),
        }
    }
    if paths.is_empty() {
        return Err(format!("Thiếu tệp hoặc thư mục hồ sơ.\n\n{USAGE}"));
    }
    let env = Env::new(today.unwrap_or_else(today_in_vietnam));
    let mut s = Summary::new(options);
    for path in &paths {
        let p = std::path::Path::new(path);
        let mut files = Vec::new();
        if p.is_dir() {
            if let Err(e) = json_files(p, &mut files) {
                s.unreadable(path, format!("không đọc được thư mục ({e})."));
            }
        } else {
            files.push(p.to_path_buf());
        }
        for f in files {
            let name = f.display().to_string();
            match std::fs::read(&f) {
                Ok(bytes) => s.add(&name, &bytes, &env),
                Err(e) => s.unreadable(&name, format!("không đọc được tệp ({e}).")),
            }
        }
    }
    if let Some(out) = csv {
        let sheet = dvht::documents::appraisal::tables::summary_units(dvht::rules::current(), &s);
        std::fs::write(&out, dvht::sheets::csv::write(&sheet))
            .map_err(|e| format!("{out}: không ghi được tệp ({e})."))?;
    }
    let json = serde_json::to_string_pretty(&s.to_json(&|d| d.text(Lang::Vi))).map_err(|e| e.to_string())?;
    print(&format!("{json}\n"))?;
    if s.read_any() {
        Ok(())
    } else {
        Err("Không đọc được tệp hồ sơ nào.".into())
    }
}

/// The options shared by the `appraisal` commands, the file and its register.
struct AppraisalArgs {
    env: Env,
    path: String,
    file: dvht::appraisal::AppraisalFile,
    known: Option<dvht::appraisal::recognitions::Recognitions>,
    outputs: Vec<(String, String)>,
}

fn appraisal_args(args: &[String], outputs: &[&str]) -> Result<AppraisalArgs, String> {
    let (mut today, mut register, mut path, mut out) = (None, None, None, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--today" => today = Some(today_arg(it.next())?),
            "--register" => register = Some(it.next().ok_or("--register cần tên tệp sổ theo dõi công nhận.")?.clone()),
            flag if outputs.contains(&flag) => {
                out.push((flag.to_string(), it.next().ok_or_else(|| format!("{flag} cần tên tệp."))?.clone()))
            }
            flag if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            file => {
                if path.replace(file.to_string()).is_some() {
                    return Err("Chỉ một tệp thẩm định mỗi lần.".into());
                }
            }
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp thẩm định.\n\n{USAGE}"))?;
    let invalid = |what: &str, p: &str, problems: Vec<dvht::Diagnostic>| {
        let lines: Vec<String> = problems.iter().map(|d| problem_line(d, Lang::Vi)).collect();
        format!("{p}: {what} không hợp lệ / invalid\n{}", lines.join("\n"))
    };
    let file = dvht::appraisal::read(&read_input(&path)?).map_err(|e| invalid("tệp thẩm định", &path, e))?;
    let known = match register {
        Some(r) => Some(
            dvht::appraisal::recognitions::read(&read_input(&r)?)
                .map_err(|e| invalid("sổ theo dõi công nhận", &r, e))?,
        ),
        None => None,
    };
    Ok(AppraisalArgs { env: Env::new(today.unwrap_or_else(today_in_vietnam)), path, file, known, outputs: out })
}

fn appraisal_evaluate(args: &[String]) -> Result<(), String> {
    let a = appraisal_args(args, &[])?;
    let reg = dvht::appraisal::review(&a.file, &a.env, a.known.as_ref());
    let json = serde_json::to_string_pretty(&reg.to_json()).map_err(|e| e.to_string())?;
    let _ = &a.path;
    print(&format!("{json}\n"))
}

fn appraisal_documents(args: &[String]) -> Result<(), String> {
    use dvht::documents::{appraisal as papers, docx, html};
    let a = appraisal_args(args, &["--html", "--docx", "--xlsx", "--report"])?;
    if a.outputs.is_empty() {
        return Err("Cần --html, --docx, --xlsx hoặc --report.".into());
    }
    let reg = dvht::appraisal::review(&a.file, &a.env, a.known.as_ref());
    let mut docs = papers::letters(&a.file, &reg);
    docs.extend(papers::submission(&a.file, &reg, &a.env).unwrap_or_default());
    let report = dvht::appraisal::report::from_register(&a.file, &reg, a.known.as_ref());
    docs.extend(papers::year_report(
        reg.rules,
        &report,
        a.file.body.parent.as_deref(),
        a.file.body.signer_title.as_deref(),
    ));
    let title = papers::title(&a.file, &reg);
    for (flag, out) in &a.outputs {
        let bytes = match flag.as_str() {
            "--html" => html::standalone_papers(&docs, &title).into_bytes(),
            "--docx" => docx::write(&docs, &title),
            "--xlsx" => {
                let mut sheets = papers::tables::intake(&a.file, &reg);
                sheets.extend(papers::tables::report(reg.rules, &report));
                dvht::sheets::xlsx::write(&sheets)
            }
            _ => dvht::appraisal::report::write(&report).into_bytes(),
        };
        std::fs::write(out, bytes).map_err(|e| format!("{out}: không ghi được tệp ({e})."))?;
    }
    Ok(())
}

/// "  - [counts.members] Tổng số Thành viên …": the sentence names the field by its label; the
/// path in brackets is for scripts and for finding it in the file.
fn problem_line(p: &dvht::Diagnostic, lang: Lang) -> String {
    if p.field.is_empty() {
        format!("  - {}", p.text(lang))
    } else {
        format!("  - [{}] {}", p.field, p.text(lang))
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    result.map_err(|e| format!("{path}: không đọc được tệp ({e})."))?;
    Ok(bytes)
}

/// Vietnam has one time zone, UTC+7, and no daylight saving.
fn today_in_vietnam() -> Date {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (seconds + 7 * 3600) / 86_400;
    Date::from_days_since_epoch(days as i64).unwrap_or(Date::MIN)
}

fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`dvht evaluate f | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    Ok(())
}
