//! A JSON number's text to the nearest `f64`, correctly rounded (ties to even), as the
//! standard library's `str::parse::<f64>` reads it. Ours because the standard library's parser
//! carries a 21 KB table of powers of five (its fast path), about 15 KiB of the app's first
//! module gzipped (issue 12), for numbers a dossier holds only when it is wrong (a count typed
//! as 12.5) or in a field the app keeps without reading. Exact big-integer arithmetic: the
//! digits over a power of ten, 66 quotient bits and whether anything remains. A test holds it
//! to the standard library's result on random and hard cases.

/// A natural number, 32 bits a limb, least significant first, without leading zero limbs.
struct Big(Vec<u32>);

impl Big {
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self * m + add`.
    fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn pow10(&mut self, mut e: u32) {
        while e > 0 {
            let step = e.min(9);
            self.mul_add(10u32.pow(step), 0);
            e -= step;
        }
    }

    fn bits(&self) -> u32 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as u32 - top.leading_zeros())
    }

    fn shl(&self, by: u32) -> Big {
        let (limbs, bits) = ((by / 32) as usize, by % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 { limb } else { (limb << bits) | carry });
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    fn less_than(&self, other: &Big) -> bool {
        if self.0.len() != other.0.len() {
            return self.0.len() < other.0.len();
        }
        for (a, b) in self.0.iter().rev().zip(other.0.iter().rev()) {
            if a != b {
                return a < b;
            }
        }
        false
    }

    /// `self - other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = v as u32;
            borrow = i64::from(v < 0);
        }
        self.trim();
    }
}

/// At most this many significant digits are used; any further ones only say whether the value
/// is above what those give. 767 are enough to tell any two halfway points between doubles apart.
const MAX_DIGITS: usize = 800;

/// The nearest `f64` to the JSON number `text` (`-?digits[.digits][(e|E)[+-]digits]`); `None`
/// if it is not such a number or is beyond `f64`'s range (it would round to infinity).
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !(fraction.is_empty() || all_digits(fraction)) || mantissa.ends_with('.') {
        return None;
    }
    // The exponent, saturated: anything beyond a few thousand is out of range or zero anyway.
    let mut exp10: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (sign, digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, &e[1..]),
                Some(b'+') => (1, &e[1..]),
                _ => (1, e),
            };
            if !all_digits(digits) {
                return None;
            }
            sign * digits.bytes().fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(1 << 40))
        }
    };
    exp10 -= fraction.len() as i64;
    let signed = |v: f64| if negative { -v } else { v };

    // The significant digits: leading zeros dropped, trailing zeros moved into the exponent.
    let digits = whole.bytes().chain(fraction.bytes()).skip_while(|&b| b == b'0').collect::<Vec<u8>>();
    let kept = digits.iter().rposition(|&b| b != b'0').map_or(0, |i| i + 1);
    exp10 += (digits.len() - kept) as i64;
    let mut digits = &digits[..kept];
    if digits.is_empty() {
        return Some(signed(0.0));
    }
    // value = digits × 10^exp10, with 10^(n + exp10 - 1) <= value < 10^(n + exp10).
    let n = digits.len() as i64;
    if n + exp10 - 1 > 309 {
        return None;
    }
    if n + exp10 <= -324 {
        // Below 10^-324, under half the smallest subnormal (4.9e-324): zero.
        return Some(signed(0.0));
    }
    let mut beyond = false;
    if digits.len() > MAX_DIGITS {
        beyond = digits[MAX_DIGITS..].iter().any(|&b| b != b'0');
        exp10 += (digits.len() - MAX_DIGITS) as i64;
        digits = &digits[..MAX_DIGITS];
    }
    let mut num = Big(Vec::new());
    for &d in digits {
        num.mul_add(10, u32::from(d - b'0'));
    }
    if beyond {
        // One more digit, 1: above the digits kept, below the next value they could show.
        num.mul_add(10, 1);
        exp10 -= 1;
    }
    let mut den = Big(vec![1]);
    if exp10 >= 0 {
        num.pow10(exp10 as u32);
    } else {
        den.pow10((-exp10) as u32);
    }

    // q = floor(num × 2^s / den) with 2^63 < q < 2^65; value = (q + rest) × 2^-s.
    let s = 64 - (i64::from(num.bits()) - i64::from(den.bits()));
    let (mut rem, den) = if s >= 0 { (num.shl(s as u32), den) } else { (num, den.shl((-s) as u32)) };
    let mut q: u128 = 0;
    for i in (0..=65).rev() {
        let step = den.shl(i);
        if !rem.less_than(&step) {
            rem.sub(&step);
            q |= 1 << i;
        }
    }
    let sticky = !rem.0.is_empty();

    // Round q × 2^-s to 53 significant bits, or fewer below the normal range.
    let width = 128 - q.leading_zeros() as i64; // 64 or 65
    let top = width - 1 - s; // value in [2^top, 2^(top+1))
    if top > 1023 {
        return None;
    }
    let mut lsb = (top - 52).max(-1074);
    let shift = lsb + s; // bits of q below the last kept one: at least 11
    if shift > width {
        return Some(signed(0.0));
    }
    let mut m = q >> shift;
    let dropped = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if dropped > half || (dropped == half && (sticky || m & 1 == 1)) {
        m += 1;
        if m == 1 << 53 {
            m >>= 1;
            lsb += 1;
        }
    }
    let bits = if m >= 1 << 52 {
        let biased = lsb + 1075;
        if biased >= 2047 {
            return None;
        }
        ((biased as u64) << 52) | (m as u64 & ((1 << 52) - 1))
    } else {
        m as u64 // subnormal (or zero): the exponent field is 0
    };
    Some(signed(f64::from_bits(bits)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let std = text.parse::<f64>().ok().filter(|f| f.is_finite());
        let ours = parse_f64(text);
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{text}: ours {ours:?}, std {std:?}");
    }

    #[test]
    fn reads_as_the_standard_library_reads() {
        for text in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1",
            "1.5",
            "0.1",
            "0.3",
            "1e2",
            "1E-2",
            "1e+2",
            "123.456e-7",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "2e308",
            "4.9e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.5e-324",
            "1e-324",
            "3e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "2.225073858507201e-308",
            // 2^53 + 1: halfway, to even; and just above halfway.
            "9007199254740993",
            "9007199254740993.0000000000000000000000000000001",
            "9007199254740995",
            "18446744073709551616",
            "123456789012345678901234567890",
            "1e-400",
            "1e400",
            "0e999999999999999999",
            "1e-99999999999999999999999",
            "1e99999999999999999999999",
            "00.5",
            "0.000000000000000000000000001",
            "7.2057594037927933e16",
            "4503599627370496.5",
            "4503599627370497.5",
            "1.00000000000000011102230246251565",
        ] {
            check(text);
        }
        // 2^-1075 (half the smallest subnormal) written out exactly, then a hair above it.
        let half_min = format!("{:.1100}", 2f64.powi(-1074) / 2.0);
        check(&half_min);
        check(&format!("{half_min}1"));
        // More digits than the parser keeps, the deciding one far out.
        let long = format!("9007199254740993{}", "0".repeat(900));
        check(&long);
        check(&format!("{long}1"));
        check(&format!("0.{}9007199254740993{}1e-3", "0".repeat(300), "0".repeat(900)));
    }

    #[test]
    fn reads_random_numbers_as_the_standard_library_reads() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let bits = next();
            let f = f64::from_bits(bits);
            if f.is_finite() {
                check(&format!("{f:e}"));
                check(&format!("{f:.30e}"));
            }
            // Exactly halfway between two doubles, m × 2^p and (m + 1) × 2^p, and a hair above:
            // (2m + 1) × 2^(p-1), an integer, or (2m + 1) × 5^k / 10^k for p = 1 - k.
            let m = u128::from((1u64 << 52) | (next() >> 12));
            let p = (next() % 100) as i32 - 30;
            let odd = 2 * m + 1;
            if p >= 1 {
                let n = odd << (p - 1);
                check(&n.to_string());
                check(&format!("{n}.0000001"));
            } else {
                let k = (1 - p) as u32;
                let n = odd * 5u128.pow(k);
                check(&format!("{n}e-{k}"));
                check(&format!("{n}0000001e-{}", k + 7));
            }
            let digits = 1 + (next() % 40) as usize;
            let mut text: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            if next() % 2 == 0 {
                text.insert(1 + (next() as usize % digits), '.');
                if text.ends_with('.') {
                    text.push('5');
                }
            }
            let e = (next() % 700) as i64 - 350;
            check(&format!("{text}e{e}"));
        }
    }

    #[test]
    fn refuses_what_is_not_a_json_number() {
        for text in ["", "-", "1.", ".5", "1e", "1e+", "a", "1x", "--1", "1.2.3"] {
            assert_eq!(parse_f64(text), None, "{text}");
        }
    }
}
