//! How long the engine takes: the time a re-render waits for after each keystroke.
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const EXAMPLE: &[u8] = include_bytes!("../tests/fixtures/spec-example.json");
const COMPLETE: &[u8] = include_bytes!("../tests/fixtures/complete-thpt.json");

fn bench(c: &mut Criterion) {
    let today = dvht::Date::parse("2025-11-21").unwrap();
    let file = dvht::read(COMPLETE).unwrap();
    let dossier = dvht::check(&file).unwrap();
    c.bench_function("evaluate (checked dossier)", |b| b.iter(|| dvht::evaluate(black_box(&dossier), today)));
    c.bench_function("check + evaluate (what the app does per edit)", |b| {
        b.iter(|| dvht::evaluate(&dvht::check(black_box(&file)).unwrap(), today))
    });
    c.bench_function("read + check + evaluate (dvht evaluate, spec example)", |b| {
        b.iter(|| dvht::evaluate_bytes(black_box(EXAMPLE), today).unwrap())
    });
    c.bench_function("write (export)", |b| b.iter(|| dvht::write(black_box(&file))));
    let result = dvht::evaluate(&dossier, today);
    c.bench_function("result to JSON", |b| b.iter(|| serde_json::to_string(black_box(&result)).unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
