//! A dossier carried by a standalone HTML report (Điều 21.3, công bố công khai): the report
//! holds the dossier as a JSON data block, so the app, and a Phòng or Sở receiving the report,
//! can open the dossier again. The writer is `documents::html::standalone`.

/// The id of the element that carries the dossier inside a standalone report.
pub const DOSSIER_ID: &str = "dvht-dossier";

/// The dossier a standalone report carries, as JSON text, if this page carries one.
pub fn carried_dossier(html: &str) -> Option<&str> {
    let marker = format!("id=\"{DOSSIER_ID}\">");
    let start = html.find(&marker)? + marker.len();
    let end = start + html[start..].find("</script>")?;
    Some(&html[start..end])
}
