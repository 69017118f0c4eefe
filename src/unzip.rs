//! A minimal ZIP reader (PKWARE APPNOTE 6.3), for the `.xlsx` files offices send: the central
//! directory, stored and deflated entries, each checked against its CRC-32. Deflate is
//! `miniz_oxide`'s (pure Rust, no unsafe code, no C, builds for wasm32 as is), always with a
//! size limit, so a small archive cannot expand into gigabytes. Nothing here panics on any
//! bytes: every offset is checked before it is read.

/// The most an entry may expand to: a worksheet of 100,000 rows is well below it.
pub const ENTRY_LIMIT: usize = 64 << 20;

/// Why an archive or an entry cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No end-of-central-directory record: not a ZIP archive.
    NotZip,
    /// The archive ends before an entry or the directory does.
    Truncated,
    /// An entry is encrypted.
    Encrypted,
    /// An entry is compressed with a method other than stored (0) or deflate (8).
    Method(u16),
    /// An entry expands beyond [`ENTRY_LIMIT`].
    TooLarge,
    /// An entry does not inflate, or its CRC-32 does not match.
    Corrupt,
    /// No entry has this name.
    Missing(String),
}

/// One entry of the central directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    /// Where its local header starts.
    offset: usize,
}

/// An archive opened for reading: its directory, over the bytes.
#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    pub entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Part names as OPC compares them: case-insensitive, without a leading slash, `/` separated.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim_start_matches('/').replace('\\', "/");
    norm(a).eq_ignore_ascii_case(&norm(b))
}

impl<'a> Archive<'a> {
    /// Reads the central directory.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, Error> {
        // The end record is 22 bytes plus a comment of at most 65,535.
        let min = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (min..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(0x0605_4b50))
            .ok_or(Error::NotZip)?;
        let count = usize::from(u16_at(bytes, end + 10).ok_or(Error::Truncated)?);
        let mut at = u32_at(bytes, end + 16).ok_or(Error::Truncated)? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(Error::Truncated);
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or(Error::Truncated);
            let word = |off: usize| u32_at(bytes, at + off).ok_or(Error::Truncated);
            let (flags, method) = (field(8)?, field(10)?);
            let (crc, compressed, size) = (word(16)?, word(20)?, word(24)?);
            let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
            let offset = word(42)?;
            let name_at = at + 46;
            let name = bytes.get(name_at..name_at + usize::from(name_len)).ok_or(Error::Truncated)?;
            entries.push(Entry {
                // Office writes UTF-8 names; anything else is kept readable.
                name: String::from_utf8_lossy(name).into_owned(),
                method,
                flags,
                crc,
                compressed: compressed as usize,
                size: size as usize,
                offset: offset as usize,
            });
            at = name_at + usize::from(name_len) + usize::from(extra_len) + usize::from(comment_len);
        }
        Ok(Archive { bytes, entries })
    }

    /// Whether the archive has an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| same_name(&e.name, name))
    }

    /// The contents of the entry named `name`, inflated and checked.
    pub fn read(&self, name: &str) -> Result<Vec<u8>, Error> {
        let e = self.entries.iter().find(|e| same_name(&e.name, name)).ok_or_else(|| Error::Missing(name.into()))?;
        if e.flags & 1 != 0 {
            return Err(Error::Encrypted);
        }
        if e.size > ENTRY_LIMIT {
            return Err(Error::TooLarge);
        }
        let b = self.bytes;
        if u32_at(b, e.offset) != Some(0x0403_4b50) {
            return Err(Error::Truncated);
        }
        // The local header's own name and extra lengths; its sizes may be zero (a data
        // descriptor follows the data), so the directory's are used.
        let name_len = usize::from(u16_at(b, e.offset + 26).ok_or(Error::Truncated)?);
        let extra_len = usize::from(u16_at(b, e.offset + 28).ok_or(Error::Truncated)?);
        let start = e.offset + 30 + name_len + extra_len;
        let data = b.get(start..start.checked_add(e.compressed).ok_or(Error::Truncated)?).ok_or(Error::Truncated)?;
        let out = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, ENTRY_LIMIT).map_err(|err| {
                match err.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Error::TooLarge,
                    _ => Error::Corrupt,
                }
            })?,
            m => return Err(Error::Method(m)),
        };
        if out.len() != e.size || crate::zip::crc32(&out) != e.crc {
            return Err(Error::Corrupt);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_writer_stores() {
        let zip = crate::zip::store(&[("a.txt", b"hello".to_vec()), ("xl/B.xml", "<x>ư</x>".as_bytes().to_vec())]);
        let a = Archive::open(&zip).unwrap();
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.read("a.txt").unwrap(), b"hello");
        assert_eq!(a.read("/xl/b.xml").unwrap(), "<x>ư</x>".as_bytes(), "part names ignore case and a leading /");
        assert_eq!(a.read("c"), Err(Error::Missing("c".into())));
    }

    #[test]
    fn reads_deflated_entries_python_wrote() {
        // zipfile.ZipFile(…, "w", ZIP_DEFLATED), with a comment, writing "ạ" × 1000.
        let dir = std::env::temp_dir().join(format!("dvht-unzip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.zip");
        let out = std::process::Command::new("python3")
            .args(["-c", "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n  z.comment=b'hi'\n  z.writestr('d/x.xml','ạ'*1000)\n  z.writestr('e.txt','')"])
            .arg(&path)
            .output()
            .expect("python3");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&path).unwrap();
        let a = Archive::open(&bytes).unwrap();
        assert_eq!(String::from_utf8(a.read("d/x.xml").unwrap()).unwrap(), "ạ".repeat(1000));
        assert_eq!(a.read("e.txt").unwrap(), b"");
        assert!(bytes.len() < 600, "3,000 bytes deflated: {}", bytes.len());
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        assert_eq!(Archive::open(b"").unwrap_err(), Error::NotZip);
        assert_eq!(Archive::open(b"PK\x03\x04 not really").unwrap_err(), Error::NotZip);
        let zip = crate::zip::store(&[("a.txt", b"hello".to_vec())]);
        // Every truncation and every flipped byte: an error or a result, never a panic.
        for cut in 0..zip.len() {
            if let Ok(a) = Archive::open(&zip[..cut]) {
                let _ = a.read("a.txt");
            }
        }
        for i in 0..zip.len() {
            let mut z = zip.clone();
            z[i] ^= 0x55;
            if let Ok(a) = Archive::open(&z) {
                let _ = a.read("a.txt");
            }
        }
        // The data changed under its CRC.
        let mut z = zip.clone();
        let at = z.windows(5).position(|w| w == b"hello").unwrap();
        z[at] = b'j';
        assert_eq!(Archive::open(&z).unwrap().read("a.txt"), Err(Error::Corrupt));
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        // 100 MiB of zeros deflate to about 100 KiB: refused by the limit, not inflated.
        let zeros = vec![0u8; 100 << 20];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 6);
        let mut zip = crate::zip::store(&[("z", packed.clone())]);
        // Mark the entry deflated (method 8) in both headers, with a small declared size.
        let local = 0;
        zip[local + 8] = 8;
        let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        zip[central + 10] = 8;
        assert!(matches!(Archive::open(&zip).unwrap().read("z"), Err(Error::TooLarge | Error::Corrupt)));
    }
}
