/**
 * `Box<dyn Any + Send>` panic payloads that are not strings (`panic_any(UserType)`), and
 * `resume_unwind` keeping a string payload's message.
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('panic payloads', () => {
  it('downcasts a panic_any payload to its own user type only', () => {
    const out = stdoutOf(`#[derive(Debug)]
struct Custom { code: u32 }
#[derive(Debug)]
enum Why { Bad(u8) }
${MAIN}    let p = tokio::spawn(async { std::panic::panic_any(Custom { code: 9 }) }).await.unwrap_err().into_panic();
    println!("{} {} {:?}", p.is::<Custom>(), p.is::<Why>(), p.downcast_ref::<Custom>().map(|c| c.code));
    println!("{:?} {:?}", p.downcast_ref::<String>(), p.downcast_ref::<&str>());
    match p.downcast::<Why>() {
        Ok(_) => println!("why?"),
        Err(p) => println!("still custom: {:?}", p.downcast::<Custom>().map(|c| c.code).ok()),
    }
    let p = tokio::spawn(async { std::panic::panic_any(Why::Bad(3)) }).await.unwrap_err().into_panic();
    println!("{:?}", p.downcast_ref::<Why>());
}
`);
    expect(out).toBe('true false Some(9)\nNone None\nstill custom: Some(9)\nSome(Bad(3))\n');
  });

  it('resume_unwind of a string payload keeps its message', () => {
    const out = stdoutOf(`${MAIN}    let boom = tokio::spawn(async { panic!("boom") }).await.unwrap_err().into_panic();
    let again = tokio::spawn(async move { std::panic::resume_unwind(boom) }).await.unwrap_err();
    println!("{}", again);
}
`);
    expect(out).toMatch(/^task \d+ panicked with message "boom"\n$/);
  });
});
