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
