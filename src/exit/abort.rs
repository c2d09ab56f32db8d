//! `abort`: the process dies by SIGABRT, even if the program catches or blocks it.
//!
//! As POSIX asks, a SIGABRT handler gets its chance first: the signal is unblocked and raised.
//! If the handler returns, the disposition is reset to the default and the signal raised again,
//! which the kernel cannot refuse. Exit handlers never run.

use crate::kernel::{self as runtime, How, KernelSigSet, KernelSigaction, Signal};

/// Ends the process by SIGABRT.
pub fn abort() -> ! {
    let mut abrt = KernelSigSet::empty();
    abrt.insert(Signal::ABORT);
    // SAFETY: unblocking one signal and sending it to this thread; a handler the program
    // installed may run, which is what POSIX asks of abort.
    unsafe {
        let _ = runtime::kernel_sigprocmask(How::UNBLOCK, Some(&abrt));
        let _ = runtime::tkill(rustix::thread::gettid(), Signal::ABORT);
    }
    // Still alive: the handler returned. Take the default action by force.
    let default = KernelSigaction { sa_handler_kernel: runtime::KERNEL_SIG_DFL, ..Default::default() };
    // SAFETY: installing SIG_DFL for SIGABRT and raising it ends the process; nothing of the
    // program runs any more.
    unsafe {
        let _ = runtime::kernel_sigaction(Signal::ABORT, Some(default));
        let _ = runtime::kernel_sigprocmask(How::UNBLOCK, Some(&abrt));
        let _ = runtime::tkill(rustix::thread::gettid(), Signal::ABORT);
    }
    // Unreachable unless the kernel refused a default-action SIGABRT; die another way.
    crate::kernel::exit_group(127)
}
