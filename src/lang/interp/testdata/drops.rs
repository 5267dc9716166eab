struct G(&'static str);
impl Drop for G { fn drop(&mut self) { println!("drop {}", self.0); } }
struct Pair { a: G, b: G }
impl Drop for Pair { fn drop(&mut self) { println!("drop pair"); } }
fn consume(g: G) { println!("consume {}", g.0); }
fn make(n: &'static str) -> G { G(n) }
fn pass_through(g: G) -> G { g }
fn main() {
    let _a = G("a");
    let b = G("b");
    consume(b);
    let _ = make("temp-underscore");
    make("temp-stmt");
    let c = pass_through(G("c"));
    let mut d = G("d1");
    d = G("d2");
    println!("assigned");
    {
        let _inner = G("inner");
        let _p = Pair { a: G("pa"), b: G("pb") };
    }
    let v = vec![G("v1"), G("v2"), G("v3")];
    for g in v { println!("loop {}", g.0); }
    let w = vec![G("w1"), G("w2")];
    for g in &w { println!("borrow {}", g.0); }
    let opt = Some(G("opt"));
    if let Some(g) = opt { println!("took {}", g.0); }
    let t = (G("t1"), G("t2"));
    let (x, _) = t;
    println!("x = {}", x.0);
    let len = make("len-temp").0.len();
    println!("len {}", len);
    let boxed: Box<G> = Box::new(G("boxed"));
    drop(boxed);
    let mut holder = vec![G("h1")];
    holder.push(G("h2"));
    let popped = holder.pop();
    println!("popped {}", popped.as_ref().map(|g| g.0).unwrap_or("none"));
    holder.clear();
    println!("cleared");
    let closure_owned = G("captured");
    let f = move || { let g = &closure_owned; println!("closure sees {}", g.0) };
    f();
    drop(f);
    let _c = c;
    println!("end of main {}", d.0);
}
