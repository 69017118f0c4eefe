//! How long importing a member list takes: a 2,000-row workbook (written by openpyxl) and the
//! same list as CSV, read, previewed and applied, then counted.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dvht::roster::{self, import};

const LARGE: &[u8] = include_bytes!("../tests/fixtures/roster/large-2000.xlsx");

fn bench(c: &mut Criterion) {
    let rules = dvht::rules::current();
    let import_all = |bytes: &[u8]| {
        let p = import::preview_bytes(rules, bytes);
        let mut r = roster::Roster::default();
        import::apply(&mut r, &p, import::Mode::Replace);
        r
    };
    let list = import_all(LARGE);
    assert_eq!(list.members.len(), 2000);
    let csv = roster::table::export_csv(rules, &list);
    c.bench_function("import 2,000 rows, .xlsx (read + preview + apply)", |b| b.iter(|| import_all(black_box(LARGE))));
    c.bench_function("import 2,000 rows, .csv (read + preview + apply)", |b| b.iter(|| import_all(black_box(&csv))));
    c.bench_function("tally 2,000 members", |b| b.iter(|| roster::tally(rules, black_box(&list), Some(2025))));
    c.bench_function("export 2,000 rows as .xlsx", |b| b.iter(|| roster::table::export_xlsx(rules, black_box(&list))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
