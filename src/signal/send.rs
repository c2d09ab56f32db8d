//! Sending signals: `raise`, `kill`, `killpg`, `sigqueue` (the raw calls, so that every C
//! combination — pid 0, -1, -pgrp; signal 0; any si_value — reaches the kernel as given),
//! and describing them (`psignal`).

use crate::io::syscall::call3;
use rustix::io::Errno;

/// `kill(pid, sig)`.
pub fn kill(pid: i32, sig: i32) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call3(libc::SYS_kill, pid as usize, sig as usize, 0) }.map(|_| ())
}

/// `killpg(pgrp, sig)`: a negative group is `EINVAL`.
pub fn killpg(pgrp: i32, sig: i32) -> Result<(), Errno> {
    if pgrp < 0 {
        return Err(Errno::INVAL);
    }
    kill(-pgrp, sig)
}

/// `raise(sig)`: to the calling thread, with every signal blocked around the send so that
/// the signal is delivered to this thread when the mask is restored, as glibc does.
pub fn raise(sig: i32) -> Result<(), Errno> {
    let old = super::mask::change(libc::SIG_BLOCK, Some(!0))?;
    let pid = rustix::process::getpid().as_raw_nonzero().get();
    let tid = rustix::thread::gettid().as_raw_nonzero().get();
    // SAFETY: integer arguments only.
    let sent = unsafe { call3(libc::SYS_tgkill, pid as usize, tid as usize, sig as usize) }.map(|_| ());
    super::mask::change(libc::SIG_SETMASK, Some(old))?;
    sent
}

/// `sigqueue(pid, sig, value)`: a signal with `SI_QUEUE` and the value.
pub fn sigqueue(pid: i32, sig: i32, value: usize) -> Result<(), Errno> {
    // siginfo_t: signo @0, errno @4, code @8, pid @16, uid @20, value @24 (128 bytes).
    let mut info = [0u64; 16];
    let uid = rustix::process::getuid().as_raw();
    let me = rustix::process::getpid().as_raw_nonzero().get();
    info[0] = sig as u32 as u64;
    info[1] = libc::SI_QUEUE as u32 as u64;
    info[2] = (me as u32 as u64) | (u64::from(uid) << 32);
    info[3] = value as u64;
    // SAFETY: the kernel reads the 128-byte siginfo, a live local.
    unsafe { call3(libc::SYS_rt_sigqueueinfo, pid as usize, sig as usize, info.as_ptr() as usize) }.map(|_| ())
}

/// `psignal(sig, prefix)`: "prefix: description" on standard error (no colon for an empty
/// prefix); "Unknown signal N" for a signal without a description, as glibc words it.
pub fn describe(sig: i32, prefix: &[u8]) {
    let colon: &[u8] = if prefix.is_empty() { b"" } else { b": " };
    let described = (1..super::set::NSIG).contains(&sig).then(|| crate::string::message::signal_description(sig)).flatten();
    match described {
        Some(d) => crate::io::diag::write_stderr(&[prefix, colon, d.strip_suffix(b"\0").unwrap_or(d), b"\n"]),
        None => {
            let mut digits = [0u8; 20];
            let n = crate::io::diag::decimal(u64::from(sig.unsigned_abs()), &mut digits);
            let minus: &[u8] = if sig < 0 { b"-" } else { b"" };
            crate::io::diag::write_stderr(&[prefix, colon, b"Unknown signal ", minus, n, b"\n"]);
        }
    }
}
