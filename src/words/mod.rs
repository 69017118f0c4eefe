//! Every sentence a user reads, Vietnamese and English side by side: the messages about a
//! dossier, the headline of its result, the titles of its dates.

pub mod appraisal;
pub mod calendar;
pub mod messages;
pub mod roster;
pub mod summary;

pub use messages::{date_vi, field_label};

use crate::rules::Cite;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// English, in a build that has it. The app's first module is built without the `en`
    /// feature: then this is false whatever the value, so every English sentence and table
    /// entry drops out of it (the English app is a module of its own, web/modules.rs).
    pub const fn en(self) -> bool {
        cfg!(feature = "en") && matches!(self, Lang::En)
    }
    pub const fn vi(self) -> bool {
        !self.en()
    }
    /// The Vietnamese or the English of a pair, by this language.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        if self.vi() {
            vi
        } else {
            en
        }
    }
}

pub use crate::rules::en;

/// A ratio as people read it, to one decimal: "91,6%" (Vietnamese) or "91.6%". Rounded down,
/// so a shown percentage never reaches a threshold the ratio misses (89,99% shows as 89,9%,
/// not 90,0% beside "Chưa đạt"). For display only: verdicts use `meets`.
pub fn percent_text(count: u64, total: u64, lang: Lang) -> String {
    if total == 0 {
        return "—".into();
    }
    // Printed as a u64 (no u128 formatting code in the first module): only a count absurdly
    // above its total would not fit, and it shows as the largest.
    let tenths = u64::try_from(u128::from(count) * 1000 / u128::from(total)).unwrap_or(u64::MAX);
    let sep = if lang.vi() { ',' } else { '.' };
    format!("{}{sep}{}%", tenths / 10, tenths % 10)
}

/// A whole number as people write it: "1.500" in Vietnamese, "1,500" in English.
pub fn number(n: u64, lang: Lang) -> String {
    crate::file::edit::grouped(n, if lang.vi() { '.' } else { ',' })
}

/// A fingerprint as people read it aloud: "3F9A-21C0". Grouped by characters, not bytes, so a
/// file that carries any text there still shows.
pub fn fingerprint_text(code: &str) -> String {
    code.chars().collect::<Vec<_>>().chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The same step cited in several articles, briefly: "điểm c khoản 1 Điều 10, 16" or
/// "Articles 10.1c, 16.1c".
pub fn cites_short(cites: &[Cite], lang: Lang) -> String {
    if lang.en() {
        return format!("Articles {}", cites.iter().map(Cite::dotted).collect::<Vec<_>>().join(", "));
    }
    match cites.split_first() {
        Some((first, rest)) if rest.iter().all(|c| (c.khoan, c.diem, c.via) == (first.khoan, first.diem, None)) => {
            let articles: Vec<String> = cites.iter().map(|c| c.dieu.to_string()).collect();
            let diem = if first.diem.is_empty() { String::new() } else { format!("điểm {} ", first.diem) };
            format!("{diem}khoản {} Điều {}", first.khoan, articles.join(", "))
        }
        _ => cites.iter().map(Cite::long_vi).collect::<Vec<_>>().join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_in_both_scopes_is_cited_once() {
        let submits: Vec<Cite> = crate::rules::current().procedures.iter().map(|p| p.submit).collect();
        assert_eq!(cites_short(&submits, Lang::Vi), "điểm c khoản 1 Điều 10, 16");
        assert_eq!(cites_short(&submits, Lang::En), "Articles 10.1c, 16.1c");
        assert_eq!(fingerprint_text("3F9A21C0"), "3F9A-21C0");
        assert_eq!(number(0, Lang::Vi), "0");
        assert_eq!(number(999, Lang::Vi), "999");
        assert_eq!(number(1500, Lang::Vi), "1.500");
        assert_eq!(number(3_865_470_449, Lang::Vi), "3.865.470.449");
        assert_eq!(number(1_000_000, Lang::En), "1,000,000");
        assert_eq!(fingerprint_text("ab€€"), "ab€€");
        assert_eq!(fingerprint_text("ab€€ab€€x"), "ab€€-ab€€-x");
    }
}
