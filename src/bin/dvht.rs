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
  dvht documents [--today YYYY-MM-DD] [--html REPORT.html] [--docx DOSSIER.docx] FILE.json
        Viết Tờ trình, Báo cáo tự đánh giá và Bản tổng hợp (HTML để công bố, Word để sửa).
        Writes the request, the self-assessment report and the summary (HTML to publish, Word to edit).
  dvht ruleset      In bộ tiêu chí TT24/2023 (JSON) / prints the rule set as JSON
  dvht --version
  dvht --help

FILE có thể là báo cáo HTML dvht đã xuất: hồ sơ đi kèm trong đó được đọc.
FILE may be a report dvht published as HTML: the dossier it carries is read.
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
        out.push_str(&format!("  - {}\n", p.text(lang)));
    }
    out
}

fn documents(args: &[OsString]) -> Result<(), String> {
    let mut today = None;
    let (mut html, mut docx, mut path): (Option<PathBuf>, Option<PathBuf>, Option<&OsString>) = (None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| it.next().map(PathBuf::from).ok_or_else(|| format!("{flag} cần một giá trị."));
        match arg.to_str() {
            Some("--today") => today = Some(parse_today(&text_value("--today", it.next())?)?),
            Some("--html") => html = Some(value("--html")?),
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
        let page = dvht::documents::html::standalone(&docs, &file, &title);
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
    }
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
