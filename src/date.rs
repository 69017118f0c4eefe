//! Calendar dates without a clock or a time zone: what the Circular's deadlines need.
//!
//! Days are counted with the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`),
//! so every operation is exact integer arithmetic and cannot panic.

use std::fmt;

/// A calendar date. Always a real date: the only constructors check it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// 0001-01-01, the first date an ISO `YYYY-MM-DD` can hold.
    pub const MIN: Date = Date { year: 1, month: 1, day: 1 };

    /// The date, if it exists (years 1–9999, the range an ISO `YYYY-MM-DD` can hold).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            b[range].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
        };
        let year = num(0..4)?;
        let month = num(5..7)?;
        let day = num(8..10)?;
        Date::new(year as i32, month as u8, day as u8)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12; // March = 0
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it is within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Bound first so the arithmetic below cannot overflow.
        if !(-719_162..=2_932_896).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// The date `days` days later (earlier if negative), if it exists.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The same day `months` months later; where that month is shorter, its last day
    /// (the way Bộ luật Dân sự 2015, Điều 148.1 ends a period counted in months).
    pub fn add_months_clamped(self, months: u32) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u8;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "25-01-01",
            "2025/01/01",
            "2025-01-01 ",
            "+025-01-01",
            "2025-01-0a",
            "0000-01-01",
            "",
            "２０２５-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn epoch_days_round_trip_over_the_whole_range() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2024-03-01").days_since_epoch() - d("2024-02-28").days_since_epoch(), 2);
        assert_eq!(d("2025-03-01").days_since_epoch() - d("2025-02-28").days_since_epoch(), 1);
        for days in (-719_162..=2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(-719_162), Date::new(1, 1, 1));
        assert_eq!(Date::from_days_since_epoch(2_932_896), Date::new(9999, 12, 31));
        assert_eq!(Date::from_days_since_epoch(2_932_897), None);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), None);
        assert_eq!(d("9999-12-31").add_days(1), None);
        assert_eq!(d("2024-01-01").add_days(i64::MAX), None);
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(d("2024-02-29").add_months_clamped(12), Some(d("2025-02-28")));
        assert_eq!(d("2024-01-31").add_months_clamped(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-10-31").add_months_clamped(4), Some(d("2026-02-28")));
        assert_eq!(d("2025-02-10").add_months_clamped(12), Some(d("2026-02-10")));
        assert_eq!(d("9999-06-01").add_months_clamped(12), None);
    }
}
