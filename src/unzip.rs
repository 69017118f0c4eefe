//! A ZIP reader (PKWARE APPNOTE 6.3) for the archives a Phòng or Sở receives dossiers in:
//! stored and deflated entries, found through the central directory, each checked against its
//! CRC-32 and its size. Deflate is `miniz_oxide`'s (pure Rust, no unsafe code). Never panics:
//! a damaged archive or entry is an [`Error`], and one bad entry does not hide the others.

/// Why an archive, or one of its entries, cannot be read. No words here: `words` says each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// No end-of-central-directory record: not a ZIP file.
    NotZip,
    /// Offsets, sizes or signatures that do not hold together, or a CRC that does not match.
    Damaged,
    /// Encrypted with a password.
    Encrypted,
    /// A compression method other than stored (0) or deflate (8).
    Method(u16),
    /// Larger than [`MAX_ENTRY`] (or a ZIP64 entry), or the archive than [`MAX_TOTAL`].
    TooLarge,
    /// Split over several files.
    MultiDisk,
}

/// The largest entry read: a dossier is a few kilobytes, a report with its dossier a few
/// hundred; anything bigger is not one (and may be a "zip bomb").
pub const MAX_ENTRY: usize = 64 << 20;
/// The most an archive may unpack to in all.
pub const MAX_TOTAL: usize = 1 << 30;

/// One file of an archive: its name (with its folders, `/`-separated) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub data: Result<Vec<u8>, Error>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Whether these bytes begin like a ZIP archive.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Every file of the archive, in the central directory's order; folders are left out.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, Error> {
    const EOCD: u32 = 0x0605_4b50;
    const CENTRAL: u32 = 0x0201_4b50;
    // The end record is the last 22 bytes, unless a comment (up to 65535 bytes) follows it.
    let last = bytes.len().checked_sub(22).ok_or(Error::NotZip)?;
    let first = last.saturating_sub(0xFFFF);
    let end = (first..=last).rev().find(|&at| u32_at(bytes, at) == Some(EOCD)).ok_or(Error::NotZip)?;
    let disk = u16_at(bytes, end + 4).ok_or(Error::Damaged)?;
    let cd_disk = u16_at(bytes, end + 6).ok_or(Error::Damaged)?;
    if disk != 0 || cd_disk != 0 {
        return Err(Error::MultiDisk);
    }
    let count = usize::from(u16_at(bytes, end + 10).ok_or(Error::Damaged)?);
    let mut at = u32_at(bytes, end + 16).ok_or(Error::Damaged)? as usize;
    let mut out = Vec::with_capacity(count);
    let mut total = 0usize;
    for _ in 0..count {
        if u32_at(bytes, at) != Some(CENTRAL) {
            return Err(Error::Damaged);
        }
        let field16 = |off: usize| u16_at(bytes, at + off).ok_or(Error::Damaged);
        let field32 = |off: usize| u32_at(bytes, at + off).ok_or(Error::Damaged);
        let flags = field16(8)?;
        let method = field16(10)?;
        let crc = field32(16)?;
        let compressed = field32(20)?;
        let size = field32(24)?;
        let name_len = usize::from(field16(28)?);
        let extra_len = usize::from(field16(30)?);
        let comment_len = usize::from(field16(32)?);
        let local = field32(42)? as usize;
        let raw_name = bytes.get(at + 46..at + 46 + name_len).ok_or(Error::Damaged)?;
        // Bit 11: the name is UTF-8; most tools write UTF-8 without saying so.
        let name = match std::str::from_utf8(raw_name) {
            Ok(n) => n.to_string(),
            Err(_) if flags & 0x0800 != 0 => String::from_utf8_lossy(raw_name).into_owned(),
            Err(_) => raw_name.iter().map(|&b| char::from(b)).collect(),
        }
        .replace('\\', "/");
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        let data = entry(bytes, local, flags, method, crc, compressed, size, total);
        if let Ok(d) = &data {
            total += d.len();
        }
        out.push(Entry { name, data });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn entry(
    bytes: &[u8],
    local: usize,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    total: usize,
) -> Result<Vec<u8>, Error> {
    const LOCAL: u32 = 0x0403_4b50;
    if flags & 0x0001 != 0 {
        return Err(Error::Encrypted);
    }
    // ZIP64 sizes, or more than this reader takes.
    if compressed == u32::MAX || size == u32::MAX || size as usize > MAX_ENTRY {
        return Err(Error::TooLarge);
    }
    if total.saturating_add(size as usize) > MAX_TOTAL {
        return Err(Error::TooLarge);
    }
    if u32_at(bytes, local) != Some(LOCAL) {
        return Err(Error::Damaged);
    }
    let name_len = usize::from(u16_at(bytes, local + 26).ok_or(Error::Damaged)?);
    let extra_len = usize::from(u16_at(bytes, local + 28).ok_or(Error::Damaged)?);
    let start = local + 30 + name_len + extra_len;
    let raw = bytes.get(start..start.checked_add(compressed as usize).ok_or(Error::Damaged)?).ok_or(Error::Damaged)?;
    let data = match method {
        0 => raw.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(raw, size as usize).map_err(|_| Error::Damaged)?,
        m => return Err(Error::Method(m)),
    };
    if data.len() != size as usize || crate::zip::crc32(&data) != crc {
        return Err(Error::Damaged);
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(entries, vec![Entry { name: "x.json".into(), data: Ok(b"{}".to_vec()) }]);
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
        assert_eq!(entries[0].data, Err(Error::Damaged));
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
