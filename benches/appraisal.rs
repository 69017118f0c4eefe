//! The receiving side at scale (appraisal.md §4): a Sở or a provincial Hội Khuyến học takes in
//! 5,000 dossiers — intake (embedding and hashing each), the register (every dossier read,
//! checked and evaluated by the engine, replacements found), the counts, filters and sorting
//! of the screen, and the appraisal file written and read back.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dvht::appraisal::intake::{receive_all, Incoming};
use dvht::appraisal::register::{self, Filter, SortKey, State};
use dvht::appraisal::{self, AppraisalFile, Channel};
use dvht::rules::{Input, Scope, TT24_2023};
use dvht::Env;

#[path = "../tests/common/mod.rs"]
mod common;

/// `n` district-level dossiers of 2025 over every district kind, levels 0, 1 and 2, 2% of
/// another year, 1% sent twice.
pub fn dossiers(n: usize) -> Vec<Incoming> {
    let kinds: Vec<&str> = TT24_2023.kinds_for(Scope::Huyen).map(|k| k.id).collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let kind = kinds[i % kinds.len()];
        let mut f = common::full(kind);
        f.unit.name = Some(format!("Đơn vị học tập số {} ({kind})", if i % 100 == 99 { i - 1 } else { i }));
        match i % 3 {
            0 => f = common::with_count(f, Input::MembersDiscipline, 185), // 92.5%: level 1
            1 => f = common::with_count(f, Input::MembersDiscipline, 100), // level 0
            _ => {}
        }
        if i % 50 == 7 {
            f.year = Some(2024);
        }
        out.push(Incoming {
            name: format!("ho-so-{i:05}.json"),
            bytes: dvht::write(&f).into_bytes(),
            received: Some(common::date(if i % 17 == 0 { "2026-01-16" } else { "2026-01-10" })),
            channel: Some(Channel::Online),
        });
    }
    out
}

fn bench(c: &mut Criterion) {
    let env = Env::new(common::date("2026-01-20"));
    let incoming = dossiers(5_000);
    let mut file = AppraisalFile::new(2025, Scope::Huyen);
    receive_all(&mut file, &incoming);
    let reg = register::build(&file, &env, None);
    let bytes = appraisal::write(&file);
    eprintln!(
        "5,000 files: {} dossiers taken in, {} rejected; appraisal file {:.1} MB",
        file.dossiers.len(),
        file.rejected.len(),
        bytes.len() as f64 / 1e6
    );
    let mut g = c.benchmark_group("5,000 dossiers");
    g.sample_size(10);
    g.bench_function("intake (expand, embed, SHA-256)", |b| {
        b.iter(|| {
            let mut f = AppraisalFile::new(2025, Scope::Huyen);
            receive_all(&mut f, black_box(&incoming));
            f
        })
    });
    g.bench_function("register (read, check, evaluate every dossier; replacements)", |b| {
        b.iter(|| register::build(black_box(&file), &env, None))
    });
    g.bench_function("intake + register (opening 5,000 files)", |b| {
        b.iter(|| {
            let mut f = AppraisalFile::new(2025, Scope::Huyen);
            receive_all(&mut f, black_box(&incoming));
            register::build(&f, &env, None)
        })
    });
    g.bench_function("counts, a filter and a sort by name", |b| {
        b.iter(|| {
            let all = register::counts(&reg, 0..reg.entries.len());
            let mut shown = register::filter(
                &reg,
                &Filter { state: Some(State::Valid), text: Some("don vi".into()), ..Filter::default() },
            );
            register::sort(&reg, &mut shown, SortKey::Name, false);
            (all, shown)
        })
    });
    g.bench_function("write the appraisal file", |b| b.iter(|| appraisal::write(black_box(&file))));
    g.bench_function("read the appraisal file", |b| b.iter(|| appraisal::read(black_box(bytes.as_bytes())).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
