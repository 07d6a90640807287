//! Work spread over threads, its results taken in the order of the work:
//! how `acta ingest` reads many reports on every core while it stores
//! them one at a time, in the order given, as a single thread would.
//!
//! Workers take items in order and may run at most `window` items ahead
//! of the one being taken, so a slow item holds back at most that many
//! finished results in memory. `take` runs on the calling thread; when it
//! says stop, no worker starts another item and the call returns once the
//! items already started are done. A panic in `work` stops the workers
//! the same way and is raised again on the calling thread.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::sync::{Condvar, Mutex, PoisonError};

/// How many threads to read with: `ACTA_JOBS` when it is a number above
/// 0, else the machine's cores, at most 8.
pub fn workers() -> usize {
    std::env::var("ACTA_JOBS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get().min(8))
                .unwrap_or(1)
        })
}

struct State<R> {
    /// The next item a worker takes.
    next: usize,
    /// The item `take` waits for.
    taken: usize,
    /// Finished items not yet taken, by index (a panic of `work` kept to
    /// be raised again on the calling thread, after the workers stop).
    done: BTreeMap<usize, std::thread::Result<R>>,
    stop: bool,
}

/// `work` on every item with `workers` threads, `take` given each item
/// with its result in the items' order. With one worker (or one item) it
/// all runs on the calling thread.
pub fn map<T, R, B>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(&T, R) -> ControlFlow<B>,
) -> ControlFlow<B>
where
    T: Sync,
    R: Send,
{
    if workers <= 1 || items.len() <= 1 {
        for item in items {
            take(item, work(item))?;
        }
        return ControlFlow::Continue(());
    }
    let window = 2 * workers;
    let state = Mutex::new(State {
        next: 0,
        taken: 0,
        done: BTreeMap::new(),
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        for _ in 0..workers.min(items.len()) {
            scope.spawn(|| loop {
                let i = {
                    let mut s = lock();
                    while !s.stop && s.next < items.len() && s.next >= s.taken + window {
                        s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
                    }
                    if s.stop || s.next >= items.len() {
                        return;
                    }
                    s.next += 1;
                    s.next - 1
                };
                let r = std::panic::catch_unwind(AssertUnwindSafe(|| work(&items[i])));
                lock().done.insert(i, r);
                changed.notify_all();
            });
        }
        let flow = take_in_order(items, &state, &changed, &mut take);
        lock().stop = true;
        changed.notify_all();
        flow
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// `take` each result as it is finished, in order (the calling thread's
/// side of [`map`]).
fn take_in_order<T, R, B>(
    items: &[T],
    state: &Mutex<State<R>>,
    changed: &Condvar,
    take: &mut impl FnMut(&T, R) -> ControlFlow<B>,
) -> std::thread::Result<ControlFlow<B>> {
    for (i, item) in items.iter().enumerate() {
        let r = {
            let mut s = state.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if let Some(r) = s.done.remove(&i) {
                    s.taken = i + 1;
                    break r;
                }
                s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
        };
        changed.notify_all();
        if let ControlFlow::Break(b) = take(item, r?) {
            return Ok(ControlFlow::Break(b));
        }
    }
    Ok(ControlFlow::Continue(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_the_items_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        for workers in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            let flow: ControlFlow<()> = map(
                &items,
                workers,
                |&n| {
                    // Early items take longest, so later ones finish first.
                    std::thread::sleep(std::time::Duration::from_micros((200 - n) * 5));
                    n * n
                },
                |&n, r| {
                    assert_eq!(r, n * n);
                    seen.push(n);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(flow, ControlFlow::Continue(()));
            assert_eq!(seen, items, "{workers} workers");
        }
    }

    #[test]
    fn a_panic_in_the_work_is_raised_on_the_calling_thread_not_a_hang() {
        let items: Vec<usize> = (0..100).collect();
        let caught = std::panic::catch_unwind(|| {
            map(
                &items,
                3,
                |&n| assert!(n != 7, "item 7"),
                |_, _| ControlFlow::<()>::Continue(()),
            )
        });
        assert!(caught.is_err());
    }

    #[test]
    fn a_stop_starts_no_more_work_and_returns_its_reason() {
        let items: Vec<usize> = (0..1000).collect();
        let started = AtomicUsize::new(0);
        let flow = map(
            &items,
            4,
            |&n| {
                started.fetch_add(1, Ordering::SeqCst);
                n
            },
            |&n, _| {
                if n == 10 {
                    ControlFlow::Break("stopped at 10")
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(flow, ControlFlow::Break("stopped at 10"));
        // At most the window (2 × 4) beyond the item taken last, plus those
        // already started.
        assert!(started.load(Ordering::SeqCst) <= 11 + 8 + 4);
    }
}
