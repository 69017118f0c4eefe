//! `dvht`: the engine on the command line, for scripts and for checking many dossiers.
//!
//! The only IO of the project outside the browser: reading the file, the system date,
//! printing. Exit 0 with the result on stdout; exit 2 with a message on stderr otherwise.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use dvht::diagnostic::Limit;
use dvht::file::limits;
use dvht::{assess, Date, Diagnostic, Env, Lang};

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

FILE.json có thể là báo cáo HTML dvht đã xuất kèm dữ liệu hồ sơ: hồ sơ đi kèm trong đó được đọc.
FILE.json may be a report dvht published with its data (--embed): the dossier it carries is read.
Mã thoát / Exit status: 0 thành công / success; 2 tệp hoặc tham số không hợp lệ / invalid file or arguments.
“Hôm nay” mặc định là ngày hiện tại ở Việt Nam (UTC+7) / “today” defaults to the current date in Vietnam (UTC+7).
";

fn main() -> ExitCode {
    // Arguments as the system gives them: a file name need not be UTF-8.
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", message.trim_end());
            ExitCode::from(2)
        }
    }
}

/// A file name as it can be shown (bytes that are not UTF-8 as U+FFFD).
fn shown(path: &OsStr) -> String {
    path.to_string_lossy().into_owned()
}

/// An option's value, which must be text.
fn text_value(flag: &str, value: Option<&OsString>) -> Result<String, String> {
    let value = value.ok_or_else(|| format!("{flag} cần một giá trị / needs a value."))?;
    value.to_str().map(str::to_string).ok_or_else(|| format!("{flag}: “{}” không phải văn bản UTF-8.", shown(value)))
}

fn parse_today(value: &str) -> Result<Date, String> {
    Date::parse(value).ok_or_else(|| format!("--today: “{value}” không phải ngày hợp lệ dạng YYYY-MM-DD."))
}

fn run(args: &[OsString]) -> Result<(), String> {
    let command = args.first().map(|a| a.to_str().ok_or_else(|| shown(a)));
    match command {
        None | Some(Ok("-h" | "--help" | "help")) => print(USAGE),
        Some(Ok("-V" | "--version")) => print(&format!("dvht {}\n", env!("CARGO_PKG_VERSION"))),
        Some(Ok("evaluate")) => evaluate(&args[1..]),
        Some(Ok("documents")) => documents(&args[1..]),
        Some(Ok("summary")) => summary(&args[1..]),
        Some(Ok("appraisal")) => match args.get(1).and_then(|a| a.to_str()) {
            Some("evaluate") => appraisal_evaluate(&args[2..]),
            Some("documents") => appraisal_documents(&args[2..]),
            _ => Err(format!("Cần “dvht appraisal evaluate FILE” hoặc “dvht appraisal documents …”.\n\n{USAGE}")),
        },
        Some(Ok("ruleset")) => {
            let json = serde_json::to_string_pretty(dvht::rules::current()).map_err(|e| e.to_string())?;
            print(&format!("{json}\n"))
        }
        Some(Ok(other)) => Err(format!("Lệnh không hợp lệ: “{other}”. Chạy “dvht --help” để xem cách dùng.")),
        Some(Err(other)) => Err(format!("Lệnh không hợp lệ: “{other}”. Chạy “dvht --help” để xem cách dùng.")),
    }
}

fn evaluate(args: &[OsString]) -> Result<(), String> {
    let mut today = None;
    let mut lang = Lang::Vi;
    let mut path: Option<&OsString> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--today") => {
                let value = it.next().ok_or("--today cần một ngày dạng YYYY-MM-DD.")?;
                today = Some(parse_today(&text_value("--today", Some(value))?)?);
            }
            Some("--lang") => {
                lang = match it.next().and_then(|l| l.to_str()) {
                    Some("vi") => Lang::Vi,
                    Some("en") => Lang::En,
                    _ => return Err("--lang nhận vi hoặc en.".into()),
                }
            }
            Some(flag) if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            _ => {
                if path.replace(arg).is_some() {
                    return Err("Chỉ đánh giá một tệp mỗi lần.".into());
                }
            }
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp hồ sơ cần đánh giá.\n\n{USAGE}"))?;
    let bytes = read_input(path, lang)?;
    let env = Env::new(today.unwrap_or_else(today_in_vietnam));
    let assessed = dvht::file::read_with_warnings(&bytes).map(|(file, warnings)| (assess(&file, &env), warnings));
    match assessed.and_then(|(a, warnings)| a.evaluation.map(|e| (e, warnings)).ok_or(a.problems)) {
        Ok((mut result, warnings)) => {
            // What reading found (a repeated key, a number kept as text) comes first.
            result.diagnostics.splice(0..0, warnings);
            let json = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
            print(&format!("{json}\n"))
        }
        Err(problems) => Err(invalid(path, &problems, lang)),
    }
}

fn invalid(path: &OsStr, problems: &[Diagnostic], lang: Lang) -> String {
    let mut out = format!("{}: hồ sơ không hợp lệ / invalid dossier\n", shown(path));
    for p in problems {
        out.push_str(&format!("{}\n", problem_line(p, lang)));
    }
    out
}

fn documents(args: &[OsString]) -> Result<(), String> {
    let mut today = None;
    let (mut html, mut docx, mut path): (Option<PathBuf>, Option<PathBuf>, Option<&OsString>) = (None, None, None);
    let mut embed = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| it.next().map(PathBuf::from).ok_or_else(|| format!("{flag} cần một giá trị."));
        match arg.to_str() {
            Some("--today") => today = Some(parse_today(&text_value("--today", it.next())?)?),
            Some("--html") => html = Some(value("--html")?),
            Some("--embed") => embed = true,
            Some("--docx") => docx = Some(value("--docx")?),
            Some(flag) if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp hồ sơ.\n\n{USAGE}"))?;
    if html.is_none() && docx.is_none() {
        return Err("Cần --html hoặc --docx (hoặc cả hai).".into());
    }
    // Never write over the dossier being read, nor one output over the other.
    let outputs: Vec<&PathBuf> = html.iter().chain(docx.iter()).collect();
    for out in &outputs {
        if path != "-" && same_file(out, Path::new(path)) {
            return Err(format!(
                "{}: không ghi đè lên hồ sơ đang đọc ({}). Hãy chọn tên tệp khác.\n{}: refusing to overwrite the dossier being read.",
                out.display(),
                shown(path),
                out.display()
            ));
        }
    }
    if let [a, b] = outputs[..] {
        if same_file(a, b) {
            return Err(format!(
                "{}: --html và --docx không thể ghi đè cùng một tệp.\n{}: --html and --docx cannot write the same file.",
                a.display(),
                a.display()
            ));
        }
    }
    let bytes = read_input(path, Lang::Vi)?;
    let file = dvht::read(&bytes).map_err(|p| invalid(path, &p, Lang::Vi))?;
    let a = assess(&file, &Env::new(today.unwrap_or_else(today_in_vietnam)));
    let docs = dvht::documents::build(&file, &a).ok_or_else(|| invalid(path, &a.problems, Lang::Vi))?;
    let title = dvht::documents::title(&file, &a);
    if let Some(out) = html {
        // The dossier rides along only when asked (`--embed`): a published page shows, it
        // does not carry notes or where each document is kept.
        let published = dvht::documents::build_public(&file, &a).unwrap_or_default();
        let page = dvht::documents::html::standalone(&published, embed.then_some(&file), &title);
        std::fs::write(&out, page).map_err(|e| format!("{}: không ghi được tệp ({e}).", out.display()))?;
    }
    if let Some(out) = docx {
        std::fs::write(&out, dvht::documents::docx::write(&docs, &title))
            .map_err(|e| format!("{}: không ghi được tệp ({e}).", out.display()))?;
    }
    Ok(())
}

/// Whether two paths name one file: the same device and inode when both exist (a second name,
/// a link), else the same canonical folder and name.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
        #[cfg(not(unix))]
        {
            let _ = (x, y);
            return std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok();
        }
    }
    let place = |p: &Path| {
        let folder = p.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(folder).ok()?.join(p.file_name()?))
    };
    place(a).is_some_and(|pa| Some(pa) == place(b))
}

/// `--today YYYY-MM-DD`.
fn today_arg(value: Option<&OsString>) -> Result<Date, String> {
    parse_today(&text_value("--today", value)?)
}

/// Every `.json` file under a folder, in name order (folders first walked, then files).
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
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

fn summary(args: &[OsString]) -> Result<(), String> {
    use dvht::appraisal::summary::{Options, Summary};
    let mut options = Options::default();
    let (mut csv, mut today, mut paths): (Option<PathBuf>, _, Vec<PathBuf>) = (None, None, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--year") => {
                let v = text_value("--year", it.next())?;
                options.year = Some(v.parse().map_err(|_| format!("--year: “{v}” không phải một năm."))?);
            }
            Some("--scope") => {
                let v = text_value("--scope", it.next())?;
                options.scope = Some(
                    dvht::Scope::from_key(&v).ok_or_else(|| format!("--scope: “{v}”: chỉ nhận huyen hoặc tinh."))?,
                );
            }
            Some("--csv") => csv = Some(PathBuf::from(it.next().ok_or("--csv cần tên tệp.")?)),
            Some("--today") => today = Some(today_arg(it.next())?),
            Some(flag) if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        return Err(format!("Thiếu tệp hoặc thư mục hồ sơ.\n\n{USAGE}"));
    }
    let env = Env::new(today.unwrap_or_else(today_in_vietnam));
    let mut s = Summary::new(options);
    for p in &paths {
        let mut files = Vec::new();
        if p.is_dir() {
            if let Err(e) = json_files(p, &mut files) {
                s.unreadable(&p.display().to_string(), format!("không đọc được thư mục ({e})."));
            }
        } else {
            files.push(p.clone());
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
            .map_err(|e| format!("{}: không ghi được tệp ({e}).", out.display()))?;
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
    file: dvht::appraisal::AppraisalFile,
    known: Option<dvht::appraisal::recognitions::Recognitions>,
    outputs: Vec<(String, PathBuf)>,
}

fn appraisal_args(args: &[OsString], outputs: &[&str]) -> Result<AppraisalArgs, String> {
    let (mut today, mut register, mut path, mut out): (_, Option<PathBuf>, Option<&OsString>, Vec<(String, PathBuf)>) =
        (None, None, None, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--today") => today = Some(today_arg(it.next())?),
            Some("--register") => {
                register = Some(PathBuf::from(it.next().ok_or("--register cần tên tệp sổ theo dõi công nhận.")?))
            }
            Some(flag) if outputs.contains(&flag) => {
                out.push((flag.to_string(), PathBuf::from(it.next().ok_or_else(|| format!("{flag} cần tên tệp."))?)))
            }
            Some(flag) if flag.starts_with("--") => return Err(format!("Tùy chọn không hợp lệ: “{flag}”.\n\n{USAGE}")),
            _ => {
                if path.replace(arg).is_some() {
                    return Err("Chỉ một tệp thẩm định mỗi lần.".into());
                }
            }
        }
    }
    let path = path.ok_or_else(|| format!("Thiếu tệp thẩm định.\n\n{USAGE}"))?;
    // Never write over a file being read, nor one output over another.
    let inputs: Vec<&Path> =
        std::iter::once(Path::new(path)).filter(|p| *p != Path::new("-")).chain(register.as_deref()).collect();
    for (i, (flag, o)) in out.iter().enumerate() {
        if let Some(input) = inputs.iter().find(|p| same_file(o, p)) {
            return Err(format!(
                "{}: không ghi đè lên tệp đang đọc ({}). Hãy chọn tên tệp khác.\n{}: refusing to overwrite a file being read.",
                o.display(),
                input.display(),
                o.display()
            ));
        }
        if let Some((other, _)) = out[..i].iter().find(|(_, p)| same_file(o, p)) {
            return Err(format!(
                "{}: {other} và {flag} không thể ghi đè cùng một tệp.\n{}: {other} and {flag} cannot write the same file.",
                o.display(),
                o.display()
            ));
        }
    }
    let invalid = |what: &str, p: &OsStr, problems: Vec<Diagnostic>| {
        let lines: Vec<String> = problems.iter().map(|d| problem_line(d, Lang::Vi)).collect();
        format!("{}: {what} không hợp lệ / invalid\n{}", shown(p), lines.join("\n"))
    };
    let file = dvht::appraisal::read(&read_all(path)?).map_err(|e| invalid("tệp thẩm định", path, e))?;
    let known = match register {
        Some(r) => Some(
            dvht::appraisal::recognitions::read(&read_all(r.as_os_str())?)
                .map_err(|e| invalid("sổ theo dõi công nhận", r.as_os_str(), e))?,
        ),
        None => None,
    };
    Ok(AppraisalArgs { env: Env::new(today.unwrap_or_else(today_in_vietnam)), file, known, outputs: out })
}

fn appraisal_evaluate(args: &[OsString]) -> Result<(), String> {
    let a = appraisal_args(args, &[])?;
    let reg = dvht::appraisal::review(&a.file, &a.env, a.known.as_ref());
    let json = serde_json::to_string_pretty(&reg.to_json()).map_err(|e| e.to_string())?;
    print(&format!("{json}\n"))
}

fn appraisal_documents(args: &[OsString]) -> Result<(), String> {
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
        std::fs::write(out, bytes).map_err(|e| format!("{}: không ghi được tệp ({e}).", out.display()))?;
    }
    Ok(())
}

/// "  - [counts.members] Tổng số Thành viên …": the sentence names the field by its label; the
/// path in brackets is for scripts and for finding it in the file.
fn problem_line(p: &Diagnostic, lang: Lang) -> String {
    if p.field.is_empty() {
        format!("  - {}", p.text(lang))
    } else {
        format!("  - [{}] {}", p.field, p.text(lang))
    }
}

/// The bytes of the dossier at `path` (`-`: stdin), read up to the size limit of a file and no
/// further; a report dvht published (HTML) gives the dossier it carries.
fn read_input(path: &OsStr, lang: Lang) -> Result<Vec<u8>, String> {
    let limit = limits::MAX_FILE_BYTES as u64;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes)).map(|_| ())
    };
    result.map_err(|e| format!("{}: không đọc được tệp ({e}).", shown(path)))?;
    if bytes.len() as u64 > limit {
        let too_big = Diagnostic::error(dvht::rules::current(), "", limits::over(Limit::FileBytes));
        return Err(format!("{}: {}", shown(path), too_big.text(lang)));
    }
    if bytes.trim_ascii_start().starts_with(b"<") {
        let text = String::from_utf8_lossy(&bytes);
        if let Some(json) = dvht::documents::html::carried_dossier(&text) {
            return Ok(json.as_bytes().to_vec());
        }
        return Err(format!(
            "{}: báo cáo HTML này không kèm dữ liệu hồ sơ; hãy xuất lại với “dvht documents --html … --embed”.\n{}: this HTML report carries no dossier; publish it again with --embed.",
            shown(path),
            shown(path)
        ));
    }
    Ok(bytes)
}

/// The bytes of an appraisal file or a register at `path` (`-`: stdin). These hold many
/// dossiers, so the size limit of one dossier file does not apply to them.
fn read_all(path: &OsStr) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    result.map_err(|e| format!("{}: không đọc được tệp ({e}).", shown(path)))?;
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
