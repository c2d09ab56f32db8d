//! Tests of the allocator's core through its internal API, with std threads.

use super::*;
use std::vec::Vec;

/// A simple deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Fills a block with a pattern derived from its address and a tag.
fn fill(p: *mut u8, len: usize, tag: u8) {
    for i in 0..len {
        // SAFETY: the block has `len` bytes.
        unsafe { *p.add(i) = tag ^ (i as u8) };
    }
}

fn check(p: *const u8, len: usize, tag: u8) {
    for i in 0..len {
        // SAFETY: the block has `len` bytes.
        assert_eq!(unsafe { *p.add(i) }, tag ^ (i as u8), "byte {i} of block {p:p}");
    }
}

#[test]
fn small_blocks_are_distinct_aligned_and_big_enough() {
    let mut blocks = Vec::new();
    for size in (0..5000).chain([SMALL_MAX - 1, SMALL_MAX]) {
        let p = allocate(size);
        assert!(!p.is_null());
        assert_eq!(p as usize % MIN_ALIGN, 0);
        // SAFETY: `p` is live.
        let usable = unsafe { usable_size(p) };
        assert!(usable >= size.max(1));
        fill(p, size, size as u8);
        blocks.push((p, size));
    }
    for &(p, size) in &blocks {
        check(p, size, size as u8);
    }
    let mut addrs: Vec<usize> = blocks.iter().map(|b| b.0 as usize).collect();
    addrs.sort_unstable();
    addrs.dedup();
    assert_eq!(addrs.len(), blocks.len());
    for (p, _) in blocks {
        // SAFETY: live blocks, each freed once.
        unsafe { deallocate(p) };
    }
}

#[test]
fn freed_blocks_are_reused() {
    let p = allocate(100);
    // SAFETY: `p` is live.
    unsafe { deallocate(p) };
    let q = allocate(100);
    assert_eq!(p, q, "the block just freed comes back first");
    // SAFETY: `q` is live.
    unsafe { deallocate(q) };
}

#[test]
fn slab_bookkeeping_fills_and_empties_slabs() {
    // Three slabs' worth of one class, freed in an interleaved order; then again, so the pages
    // released the first time are carved again.
    let class = class::of(48);
    let per_slab = class::pages(class) * segment::PAGE_SIZE / class::size(class);
    for round in 0..2u8 {
        let blocks: Vec<*mut u8> = (0..3 * per_slab).map(|_| allocate(48)).collect();
        for &p in &blocks {
            assert!(!p.is_null());
            fill(p, 48, round);
        }
        for &p in blocks.iter().step_by(2).chain(blocks.iter().skip(1).step_by(2)) {
            check(p, 48, round);
            // SAFETY: each block freed once.
            unsafe { deallocate(p) };
        }
    }
    let heap = pool::current();
    // SAFETY: our own heap; only its bin of the class is read.
    let slab = unsafe { (*heap_bins(heap))[class] };
    assert!(!slab.is_null());
    // SAFETY: the slab is live and ours.
    unsafe {
        assert_eq!((*slab).used, 0);
        assert!((*slab).next.is_null(), "empty slabs other than the last are released");
    }
}

/// The bins of a heap, for the bookkeeping test.
fn heap_bins(heap: *mut heap::Heap) -> *mut [*mut segment::Slab; class::CLASSES] {
    heap.cast()
}

#[test]
fn segment_pages_are_carved_and_released() {
    let seg = os::map_aligned(os::GRANULE, os::GRANULE).unwrap().cast::<segment::Segment>();
    // SAFETY: a fresh segment, used only by this test thread.
    unsafe {
        segment::init(seg, core::ptr::null_mut());
        let big = class::CLASSES - 1;
        assert_eq!(class::pages(big), 16);
        let a = segment::carve(seg, big).unwrap();
        let b = segment::carve(seg, big).unwrap();
        let c = segment::carve(seg, big).unwrap();
        // 63 free pages: three runs of 16, then no fourth.
        assert!(segment::carve(seg, big).is_none());
        let small = segment::carve(seg, 0).unwrap();
        assert_eq!((*small).capacity, 4096);
        assert_eq!(segment::slab_of((*b).start as usize + 5 * segment::PAGE_SIZE + 17), b);
        assert_eq!(segment::slab_of((*small).start as usize + 100), small);
        segment::release(b);
        let again = segment::carve(seg, big).unwrap();
        assert_eq!(again, b);
        for s in [a, again, c, small] {
            segment::release(s);
        }
        assert_eq!((*seg).free_pages, !1);
        os::unmap(seg.cast(), os::GRANULE);
    }
}

#[test]
fn zeroed_and_aligned() {
    for size in [1, 100, 4000, 200_000, 3 << 20] {
        let p = allocate(size);
        fill(p, size, 0x5a);
        // SAFETY: live.
        unsafe { deallocate(p) };
        let z = allocate_zeroed(size);
        // SAFETY: `z` has `size` bytes.
        assert!(unsafe { core::slice::from_raw_parts(z, size) }.iter().all(|&b| b == 0));
        // SAFETY: live.
        unsafe { deallocate(z) };
    }
    for shift in 4..24 {
        let align = 1usize << shift;
        for size in [1, 24, 1000, 70_000, 300_000] {
            let p = allocate_aligned(align, size);
            assert!(!p.is_null());
            assert_eq!(p as usize % align, 0, "align {align} size {size}");
            // SAFETY: live.
            assert!(unsafe { usable_size(p) } >= size);
            fill(p, size, 3);
            check(p, size, 3);
            // SAFETY: live.
            unsafe { deallocate(p) };
        }
    }
}

#[test]
fn large_blocks_realloc_and_cache() {
    let mut p = allocate(1);
    let mut size = 1;
    fill(p, size, 7);
    // Grow through every class and well into large blocks, then shrink back.
    while size < 20 << 20 {
        let new = size * 3 / 2 + 1;
        // SAFETY: `p` is live.
        p = unsafe { reallocate(p, new) };
        assert!(!p.is_null());
        check(p, size, 7);
        fill(p, new, 7);
        size = new;
    }
    while size > 10 {
        let new = size / 3;
        // SAFETY: `p` is live.
        p = unsafe { reallocate(p, new) };
        check(p, new, 7);
        size = new;
    }
    // SAFETY: live.
    unsafe { deallocate(p) };

    let a = allocate(1 << 20);
    // SAFETY: live.
    unsafe { deallocate(a) };
    let b = allocate(1 << 20);
    assert_eq!(a, b, "a freed 1 MiB mapping is reused");
    // SAFETY: live.
    unsafe { deallocate(b) };
    assert!(allocate(usize::MAX / 2).is_null());
    assert!(allocate_aligned(1 << 20, usize::MAX - 100).is_null());
}

#[test]
fn threads_with_cross_thread_frees() {
    const THREADS: usize = 4;
    const ROUNDS: usize = 20_000;
    let (senders, receivers): (Vec<_>, Vec<_>) =
        (0..THREADS).map(|_| std::sync::mpsc::channel::<(usize, usize, u8)>()).unzip();
    let handles: Vec<_> = receivers
        .into_iter()
        .enumerate()
        .map(|(t, rx)| {
            let peers = senders.clone();
            std::thread::spawn(move || {
                let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ t as u64);
                let mut live: Vec<(usize, usize, u8)> = Vec::new();
                for round in 0..ROUNDS {
                    let r = rng.next();
                    let size = match r % 16 {
                        0 => (r >> 8) as usize % 300_000,
                        1..=3 => (r >> 8) as usize % 4000,
                        _ => (r >> 8) as usize % 300,
                    };
                    let p = allocate(size);
                    assert!(!p.is_null());
                    let tag = (round ^ t) as u8;
                    fill(p, size.min(512), tag);
                    live.push((p as usize, size, tag));
                    while let Ok(block) = rx.try_recv() {
                        live.push(block);
                    }
                    if live.len() > 64 {
                        let (q, qsize, qtag) = live.swap_remove((r >> 32) as usize % live.len());
                        check(q as *const u8, qsize.min(512), qtag);
                        if r & 0x100 != 0 {
                            // Hand it to another thread to free.
                            let _ = peers[(t + 1) % THREADS].send((q, qsize, qtag));
                        } else {
                            // SAFETY: each block is freed once, by whoever holds it.
                            unsafe { deallocate(q as *mut u8) };
                        }
                    }
                }
                live
            })
        })
        .collect();
    drop(senders);
    let mut leftovers = Vec::new();
    for h in handles {
        leftovers.extend(h.join().unwrap());
    }
    for (q, qsize, qtag) in leftovers {
        check(q as *const u8, qsize.min(512), qtag);
        // SAFETY: each block is freed once.
        unsafe { deallocate(q as *mut u8) };
    }
}

#[test]
fn heaps_of_ended_threads_are_adopted() {
    let block = std::thread::spawn(|| {
        let p = allocate(40);
        fill(p, 40, 9);
        p as usize
    })
    .join()
    .unwrap();
    // Freed by a thread that is not the (ended) owner: a remote free to an abandoned heap.
    check(block as *const u8, 40, 9);
    // SAFETY: the block is live and freed once.
    unsafe { deallocate(block as *mut u8) };
    std::thread::spawn(|| {
        for _ in 0..1000 {
            let p = allocate(40);
            // SAFETY: live.
            unsafe { deallocate(p) };
        }
    })
    .join()
    .unwrap();
}

#[test]
fn empty_segments_go_back_to_the_kernel() {
    let heap = pool::current();
    // SAFETY: our own heap.
    let before = unsafe { heap::segment_count(heap) };
    // 128 KiB blocks: eight per 1 MiB slab, three slabs per segment.
    let blocks: Vec<*mut u8> = (0..240).map(|_| allocate(SMALL_MAX)).collect();
    assert!(blocks.iter().all(|p| !p.is_null()));
    // SAFETY: as above.
    let during = unsafe { heap::segment_count(heap) };
    assert!(during >= before + 9, "{before} -> {during}");
    for &p in &blocks {
        fill(p, 64, 1);
        // SAFETY: each block freed once.
        unsafe { deallocate(p) };
    }
    // SAFETY: as above.
    let after = unsafe { heap::segment_count(heap) };
    // Kept: one empty segment, and the one with the class's last slab (kept while alone).
    assert!(after <= before + 2, "{before} -> {during} -> {after}");
    // The memory is still usable afterwards.
    let again: Vec<*mut u8> = (0..100).map(|_| allocate(SMALL_MAX)).collect();
    for &p in &again {
        fill(p, SMALL_MAX, 2);
        check(p, SMALL_MAX, 2);
        // SAFETY: each block freed once.
        unsafe { deallocate(p) };
    }
}
