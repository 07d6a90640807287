fn main() {
    for q in std::env::args().skip(1) {
        match acta::query::parse::parse(&q) {
            Ok(s) => println!("OK  {q}\n    => {s}\n    {:?}", s.body),
            Err(e) => println!("ERR {q}\n{e}"),
        }
    }
}
