//! What acta reads from a file, before extraction: its format and text,
//! with page breaks marked. `cargo run --example read -- FILE...`
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match acta::ingest::read::read(&bytes) {
            Ok(r) => {
                println!(
                    "== {path}: {} ({}), {} page(s)",
                    r.format.as_str(),
                    r.encoding,
                    r.pages.len()
                );
                let mut from = 0;
                for (n, &start) in r.pages.iter().enumerate().skip(1) {
                    print!("{}", &r.text[from..start]);
                    println!("\n--- page {} ---", n + 1);
                    from = start;
                }
                println!("{}", &r.text[from..]);
            }
            Err(e) => println!("== {path}: {e}"),
        }
    }
}
