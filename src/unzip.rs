//! The one ZIP reader (PKWARE APPNOTE 6.3), for the `.xlsx` files offices send and for the
//! archives a Phòng or Sở receives dossiers in: the central directory, stored and deflated
//! entries, each checked against its CRC-32 and its size. Deflate is `miniz_oxide`'s (pure Rust,
//! no unsafe code, no C, builds for wasm32 as is), always with a size limit, so a small archive
//! cannot expand into gigabytes. Nothing here panics on any bytes: every offset is checked
//! before it is read; a damaged archive or entry is an [`Error`], and one bad entry does not
//! hide the others.
//!
//! Two ways in: [`Archive::open`] reads the directory and [`Archive::read`] one entry by name
//! (the parts of a workbook); [`read`] (or [`Archive::files`]) every file of an archive, each
//! with its bytes or the reason they cannot be read.

/// The most an entry may expand to: a worksheet of 100,000 rows is well below it, a dossier is
/// a few kilobytes and a report with its dossier a few hundred; anything bigger is not one (and
/// may be a "zip bomb").
pub const ENTRY_LIMIT: usize = 64 << 20;
/// The most all the files of an archive may unpack to, read by [`read`].
pub const TOTAL_LIMIT: usize = 1 << 30;

/// Why an archive, or one of its entries, cannot be read. No words here: `words` says each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No end-of-central-directory record: not a ZIP archive.
    NotZip,
    /// Split over several files (a multi-disk archive).
    MultiDisk,
    /// The archive ends before an entry or the directory does, or its offsets and signatures do
    /// not hold together.
    Truncated,
    /// An entry is encrypted with a password.
    Encrypted,
    /// An entry is compressed with a method other than stored (0) or deflate (8).
    Method(u16),
    /// An entry larger than [`ENTRY_LIMIT`] (or a ZIP64 entry), or, read by [`read`], the files
    /// of the archive together larger than [`TOTAL_LIMIT`].
    TooLarge,
    /// An entry does not inflate to its declared size, or its CRC-32 does not match.
    Corrupt,
    /// No entry has this name ([`Archive::read`]).
    Missing(String),
}

/// One entry of the central directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// With its folders, `/`-separated.
    pub name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    /// Where its local header starts.
    offset: usize,
}

impl Entry {
    /// A folder, not a file.
    pub fn is_dir(&self) -> bool {
        self.name.ends_with('/')
    }
}

/// One file of an archive, as [`read`] gives it: its name (with its folders, `/`-separated)
/// and its bytes, or why they cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub data: Result<Vec<u8>, Error>,
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

/// Whether these bytes begin like a ZIP archive (a local header, or the end record of an empty
/// archive).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Every file of the archive, in the central directory's order; folders are left out. Each
/// file's data is read and checked on its own: a damaged entry is an error beside the others.
pub fn read(bytes: &[u8]) -> Result<Vec<File>, Error> {
    Ok(Archive::open(bytes)?.files())
}

impl<'a> Archive<'a> {
    /// Reads the central directory.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, Error> {
        const EOCD: u32 = 0x0605_4b50;
        const CENTRAL: u32 = 0x0201_4b50;
        // The end record is the last 22 bytes, unless a comment (up to 65,535 bytes) follows it.
        let last = bytes.len().checked_sub(22).ok_or(Error::NotZip)?;
        let first = last.saturating_sub(0xFFFF);
        let end = (first..=last).rev().find(|&at| u32_at(bytes, at) == Some(EOCD)).ok_or(Error::NotZip)?;
        let disk = u16_at(bytes, end + 4).ok_or(Error::Truncated)?;
        let cd_disk = u16_at(bytes, end + 6).ok_or(Error::Truncated)?;
        if disk != 0 || cd_disk != 0 {
            return Err(Error::MultiDisk);
        }
        let count = usize::from(u16_at(bytes, end + 10).ok_or(Error::Truncated)?);
        let mut at = u32_at(bytes, end + 16).ok_or(Error::Truncated)? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(Error::Truncated);
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or(Error::Truncated);
            let word = |off: usize| u32_at(bytes, at + off).ok_or(Error::Truncated);
            let (flags, method) = (field(8)?, field(10)?);
            let (crc, compressed, size) = (word(16)?, word(20)?, word(24)?);
            let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
            let offset = word(42)?;
            let name_at = at + 46;
            let raw = bytes.get(name_at..name_at + usize::from(name_len)).ok_or(Error::Truncated)?;
            // Bit 11 says the name is UTF-8; most tools (Office among them) write UTF-8 without
            // saying so; anything else is read as the one-byte code page it was written in.
            let name = match std::str::from_utf8(raw) {
                Ok(n) => n.to_string(),
                Err(_) if flags & 0x0800 != 0 => String::from_utf8_lossy(raw).into_owned(),
                Err(_) => raw.iter().map(|&b| char::from(b)).collect(),
            }
            .replace('\\', "/");
            entries.push(Entry { name, method, flags, crc, compressed, size, offset: offset as usize });
            at = name_at + usize::from(name_len) + usize::from(extra_len) + usize::from(comment_len);
        }
        Ok(Archive { bytes, entries })
    }

    /// Whether the archive has an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| same_name(&e.name, name))
    }

    /// The contents of the entry named `name` (as OPC compares part names), inflated and
    /// checked.
    pub fn read(&self, name: &str) -> Result<Vec<u8>, Error> {
        let e = self.entries.iter().find(|e| same_name(&e.name, name)).ok_or_else(|| Error::Missing(name.into()))?;
        self.extract(e)
    }

    /// Every file of the archive, as [`read`] gives them: folders left out, each file's data
    /// or its error, and no more than [`TOTAL_LIMIT`] in all.
    pub fn files(&self) -> Vec<File> {
        let mut total = 0usize;
        let mut out = Vec::with_capacity(self.entries.len());
        for e in self.entries.iter().filter(|e| !e.is_dir()) {
            let data = if total.saturating_add(e.size as usize) > TOTAL_LIMIT {
                Err(Error::TooLarge)
            } else {
                self.extract(e)
            };
            if let Ok(d) = &data {
                total += d.len();
            }
            out.push(File { name: e.name.clone(), data });
        }
        out
    }

    /// An entry's contents, inflated, never beyond its declared size, and checked against it
    /// and its CRC-32.
    fn extract(&self, e: &Entry) -> Result<Vec<u8>, Error> {
        const LOCAL: u32 = 0x0403_4b50;
        if e.flags & 0x0001 != 0 {
            return Err(Error::Encrypted);
        }
        // ZIP64 sizes, or more than this reader takes.
        if e.compressed == u32::MAX || e.size == u32::MAX || e.size as usize > ENTRY_LIMIT {
            return Err(Error::TooLarge);
        }
        let b = self.bytes;
        if u32_at(b, e.offset) != Some(LOCAL) {
            return Err(Error::Truncated);
        }
        // The local header's own name and extra lengths; its sizes may be zero (a data
        // descriptor follows the data), so the directory's are used.
        let name_len = usize::from(u16_at(b, e.offset + 26).ok_or(Error::Truncated)?);
        let extra_len = usize::from(u16_at(b, e.offset + 28).ok_or(Error::Truncated)?);
        let start = e.offset + 30 + name_len + extra_len;
        let end = start.checked_add(e.compressed as usize).ok_or(Error::Truncated)?;
        let data = b.get(start..end).ok_or(Error::Truncated)?;
        let out = match e.method {
            0 => data.to_vec(),
            // More output than the directory declares is as damaged as less: the limit is the
            // declared size (at most ENTRY_LIMIT), so a bomb stops there.
            8 => {
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, e.size as usize).map_err(|_| Error::Corrupt)?
            }
            m => return Err(Error::Method(m)),
        };
        if out.len() != e.size as usize || crate::zip::crc32(&out) != e.crc {
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

    #[test]
    fn a_split_archive_is_refused() {
        let mut zip = crate::zip::store(&[("a.json", b"{}".to_vec())]);
        let end = zip.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
        zip[end + 4] = 1;
        assert_eq!(read(&zip), Err(Error::MultiDisk));
        assert!(looks_like_zip(&zip) && !looks_like_zip(b"{}"));
    }

    /// An archive with deflated entries, as common tools write it (local headers, data, central
    /// directory), built here with miniz_oxide's compressor.
    fn deflated(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in files {
            let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
            let offset = out.len() as u32;
            let mut common = Vec::new();
            common.extend_from_slice(&20u16.to_le_bytes());
            common.extend_from_slice(&0x0800u16.to_le_bytes());
            common.extend_from_slice(&8u16.to_le_bytes());
            common.extend_from_slice(&[0, 0, 0x21, 0]);
            common.extend_from_slice(&crate::zip::crc32(data).to_le_bytes());
            common.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            common.extend_from_slice(&(data.len() as u32).to_le_bytes());
            common.extend_from_slice(&(name.len() as u16).to_le_bytes());
            common.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            out.extend_from_slice(&common);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&packed);
            central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            central.extend_from_slice(&20u16.to_le_bytes());
            central.extend_from_slice(&common);
            central.extend_from_slice(&[0; 6]);
            central.extend_from_slice(&0u32.to_le_bytes());
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        let cd_size = central.len() as u32;
        out.extend(central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&cd_size.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(b"\x05\x00hello");
        out
    }

    #[test]
    fn reads_stored_and_deflated_entries() {
        let json = "{\"unit\": {\"name\": \"Trường THPT Nguyễn Trãi\"}}".repeat(20);
        let z = deflated(&[("hồ sơ/a.json", json.as_bytes()), ("b.txt", b"")]);
        let entries = read(&z).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "hồ sơ/a.json");
        assert_eq!(entries[0].data.as_deref(), Ok(json.as_bytes()));
        assert_eq!(entries[1].data.as_deref(), Ok(&b""[..]));
        // The project's own writer stores; its archives read back too, folders left out.
        let stored = crate::zip::store(&[("d/", Vec::new()), ("x.json", b"{}".to_vec())]);
        let entries = read(&stored).unwrap();
        assert_eq!(entries, vec![File { name: "x.json".into(), data: Ok(b"{}".to_vec()) }]);
    }

    #[test]
    fn damage_is_an_error_never_a_panic() {
        let z = deflated(&[("a.json", b"{\"a\": 1}"), ("b.json", b"{\"b\": 2}")]);
        assert_eq!(read(b"not a zip"), Err(Error::NotZip));
        assert_eq!(read(&[]), Err(Error::NotZip));
        // A flipped byte in the first entry's data: that entry is damaged, the other reads.
        let mut bad = z.clone();
        bad[40] ^= 0xFF;
        let entries = read(&bad).unwrap();
        assert_eq!(entries[0].data, Err(Error::Corrupt));
        assert_eq!(entries[1].data.as_deref(), Ok(&b"{\"b\": 2}"[..]));
        // Every truncation and every single-byte change: a result, never a panic.
        for cut in 0..z.len() {
            let _ = read(&z[..cut]);
        }
        for i in 0..z.len() {
            let mut b = z.clone();
            b[i] = b[i].wrapping_add(0x55);
            let _ = read(&b);
        }
    }

    #[test]
    fn a_zip_tool_archive_reads() {
        // Python's zipfile, deflated, as another tool would write it.
        let dir = std::env::temp_dir().join(format!("dvht-unzip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.zip");
        let ok = std::process::Command::new("python3")
            .args(["-c", "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); z.writestr('thư mục/ư.json','{\"x\": \"' + 'ư'*500 + '\"}'); z.writestr('e/', ''); z.close()"])
            .arg(&path)
            .status()
            .expect("python3");
        assert!(ok.success());
        let entries = read(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].name, "thư mục/ư.json");
        let text = String::from_utf8(entries[0].data.clone().unwrap()).unwrap();
        assert_eq!(text, format!("{{\"x\": \"{}\"}}", "ư".repeat(500)));
    }
}
