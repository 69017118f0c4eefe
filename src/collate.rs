//! Vietnamese text as an office sorts, searches and matches it, without Unicode tables:
//! the alphabet's order (a ă â b c d đ e ê g … ư v x y), tones after letters, case, spacing,
//! composed or decomposed marks and the old or new place of the tone ("thuỷ", "thủy") all
//! ignored where they should be. Only the Vietnamese letters are known; any other character
//! sorts by its code point after them. The receiving side sorts, searches and matches units by
//! it; the member list's import matches the headers of a sheet by [`fold`].

/// A letter in lower case, by the simple case mapping of Unicode, for the scripts an office
/// here meets: Latin with every Vietnamese letter (Basic Latin, Latin-1, Latin Extended-A, Ơ,
/// Ư and Latin Extended Additional), Greek and Cyrillic; anything else is left as it is. Kept
/// here rather than `char::to_lowercase` because that brings Unicode's whole case tables
/// (about 10 KiB gzipped) into the app's first module (issue 12); a test holds it to the
/// standard library's mapping on every character it covers.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let even = u.is_multiple_of(2);
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => u + 1,
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        0x130 => 0x69,
        0x1A0 | 0x1AF => u + 1,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The text in lower case, as [`lower_char`] maps each character.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// A letter of the scripts [`lower_char`] knows (either case), or any alphabetic ASCII one.
pub fn is_letter(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphabetic()
        || matches!(u, 0xC0..=0x17F | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1E00..=0x1EFF | 0x391..=0x3CE | 0x400..=0x45F)
            && c != '×'
            && c != '÷'
}

/// The letters in the order of the Vietnamese alphabet; f, j, w and z (loan words) after.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's',
    't', 'u', 'ư', 'v', 'x', 'y', 'f', 'j', 'w', 'z',
];

/// Each vowel with its five tones: ngang, huyền, sắc, hỏi, ngã, nặng.
const TONED: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// A letter without its tone, and the tone (0 none, 1–5 huyền, sắc, hỏi, ngã, nặng).
fn untone(c: char) -> (char, u8) {
    for row in TONED {
        if let Some(tone) = row.chars().position(|t| t == c) {
            return (row.chars().next().unwrap_or(c), tone as u8);
        }
    }
    (c, 0)
}

/// A decomposed mark: the tone it is, or the letter it makes of `base`.
fn mark(base: char, m: char) -> Option<Result<u8, char>> {
    Some(match (m, base) {
        ('\u{300}', _) => Ok(1),
        ('\u{301}', _) => Ok(2),
        ('\u{309}', _) => Ok(3),
        ('\u{303}', _) => Ok(4),
        ('\u{323}', _) => Ok(5),
        ('\u{306}', 'a') => Err('ă'),
        ('\u{302}', 'a') => Err('â'),
        ('\u{302}', 'e') => Err('ê'),
        ('\u{302}', 'o') => Err('ô'),
        ('\u{31b}', 'o') => Err('ơ'),
        ('\u{31b}', 'u') => Err('ư'),
        _ => return None,
    })
}

/// A combining diacritical mark (text in decomposed form).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The words of a text, each as its letters without tones (lower case) and its tone.
fn words(text: &str) -> Vec<(Vec<char>, u8)> {
    let mut out: Vec<(Vec<char>, u8)> = Vec::new();
    let mut word: Vec<char> = Vec::new();
    let mut tone = 0u8;
    let flush = |out: &mut Vec<(Vec<char>, u8)>, word: &mut Vec<char>, tone: &mut u8| {
        if !word.is_empty() {
            out.push((std::mem::take(word), *tone));
        }
        *tone = 0;
    };
    for c in text.chars() {
        if let Some(&last) = word.last() {
            match mark(last, c) {
                Some(Ok(t)) => {
                    tone = tone.max(t);
                    continue;
                }
                Some(Err(letter)) => {
                    word.pop();
                    word.push(letter);
                    continue;
                }
                None => {}
            }
        }
        if is_mark(c) {
            // A mark that makes no Vietnamese letter of the one before it (or has none): left
            // out, as the letter it sits on is read without it.
            continue;
        }
        if c.is_alphanumeric() {
            let (base, t) = untone(lower_char(c));
            tone = tone.max(t);
            word.push(base);
        } else {
            flush(&mut out, &mut word, &mut tone);
        }
    }
    flush(&mut out, &mut word, &mut tone);
    out
}

fn weight(c: char) -> u32 {
    match ALPHABET.iter().position(|a| *a == c) {
        Some(i) => 100 + i as u32,
        None if c.is_ascii_digit() => 10 + (c as u32 - '0' as u32),
        None => 1000 + c as u32,
    }
}

/// A sort key: the letters first (in the alphabet's order, word by word), then the tones.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Key {
    letters: Vec<u32>,
    tones: Vec<u8>,
}

pub fn key(text: &str) -> Key {
    let mut k = Key::default();
    for (letters, tone) in words(text) {
        if !k.letters.is_empty() {
            k.letters.push(1);
        }
        k.letters.extend(letters.into_iter().map(weight));
        k.tones.push(tone);
    }
    k
}

/// The text as a search matches it: lower case, no tones, no marks (ă â → a, đ → d …), one
/// space between words. "Trường THPT Nguyễn Trãi" → "truong thpt nguyen trai".
pub fn fold(text: &str) -> String {
    let base = |c: char| match c {
        'ă' | 'â' => 'a',
        'đ' => 'd',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        c => c,
    };
    words(text)
        .into_iter()
        .map(|(letters, _)| letters.into_iter().map(base).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_as_the_standard_library_has_it_where_it_knows_the_script() {
        let mut known = 0;
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            let ours = lower_char(c);
            if is_letter(c) || c.is_ascii() {
                // İ is the one capital whose lower case is two characters (i and a dot).
                if c != 'İ' {
                    assert_eq!(vec![ours], std, "{c:?} U+{:04X}", c as u32);
                }
                known += 1;
            } else {
                assert!(ours == c || vec![ours] == std, "{c:?} U+{:04X} mapped to {ours:?}", c as u32);
            }
        }
        assert!(known > 700, "{known}");
        for row in TONED {
            for c in row.chars() {
                let upper: String = c.to_uppercase().collect();
                assert_eq!(lower(&upper), c.to_string(), "{upper}");
                assert!(is_letter(c) && upper.chars().all(is_letter), "{c}");
            }
        }
        assert_eq!(lower("ĐOÀN THANH NIÊN Ở XÃ ƯU ĐIỂM"), "đoàn thanh niên ở xã ưu điểm");
        assert_eq!(lower("ПРИВЕТ Ωμέγα 1,2"), "привет ωμέγα 1,2");
        assert!(!is_letter('×') && !is_letter('1') && !is_letter(' ') && !is_letter('中'));
    }

    #[test]
    fn names_sort_in_the_vietnamese_alphabet() {
        let mut names =
            vec!["Trường Đông", "Trường Dương", "trường Ân", "Trường An", "Trường Ăn", "Trường Bắc", "Trường Ẩn"];
        names.sort_by_key(|n| key(n));
        assert_eq!(
            names,
            ["Trường An", "Trường Ăn", "trường Ân", "Trường Ẩn", "Trường Bắc", "Trường Dương", "Trường Đông"]
        );
        // Tones only break ties: "Ma" < "Mà" < "Mạ" < "Mai".
        let mut names = vec!["Mai", "Mạ", "Mà", "Ma"];
        names.sort_by_key(|n| key(n));
        assert_eq!(names, ["Ma", "Mà", "Mạ", "Mai"]);
    }

    #[test]
    fn the_same_name_however_it_is_typed() {
        let composed = "Trường THPT Nguyễn Trãi";
        let decomposed = "Tru\u{31b}o\u{31b}\u{300}ng THPT Nguye\u{302}\u{303}n Tra\u{303}i";
        assert_ne!(composed, decomposed);
        assert_eq!(key(composed), key(decomposed));
        assert_eq!(key(composed), key("  trường   thpt NGUYỄN trãi "));
        assert_eq!(key("Thủy Nguyên"), key("Thuỷ Nguyên"));
        assert_ne!(key("Trường An"), key("Trường Ân"));
        assert_eq!(fold(composed), "truong thpt nguyen trai");
        assert_eq!(fold(decomposed), "truong thpt nguyen trai");
        assert_eq!(fold("Đoàn – Hội ĐỒNG"), "doan hoi dong");
        // A mark that makes no Vietnamese letter is left out, not a break between words.
        assert_eq!(fold("Mu\u{308}ller i\u{306}n"), "muller in");
        assert_eq!(key("Mu\u{308}ller"), key("Muller"));
    }
}
