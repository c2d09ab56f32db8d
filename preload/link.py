#!/usr/bin/env python3
"""Links librustcrt_preload.so from the `preload` feature's staticlib.

    preload/link.py LIB.a OUT.so

The exported set is decided here, by family: every shim (`#[unsafe(no_mangle)]`) of a family's
files, minus the few that are not ABI-identical in a glibc process (EXCLUDED, with reasons), so
that a family is always exported whole and a shim added to one of its files is exported with
it. Each exported name NAME is an entry point generated here: it counts the call in its
family's counter when `RUSTCRT_STATS` turned counting on, then jumps to the shim, which the
archive's symbols are renamed to (`__rustcrt_NAME`). A version script keeps every other
symbol of the archive local. The result is checked: exactly the listed names exported,
nothing undefined but what glibc provides (IMPORTS), every sync function of glibc's exported
(but KNOWN_GAPS), and no path from an export to our thread control block
(`preload::no_tcb`, which stands in for it, must have been dropped as unused).
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ABI = os.path.join(ROOT, "src", "abi")

# family -> shim files. Where a file serves several families (the C11 objects), SHARED_FILES
# says by prefix which name goes where.
FAMILIES = {
    "string": ["string.rs", "strings.rs", "fortify.rs", "wchar.rs"],
    "malloc": ["malloc.rs"],
    "mutex": ["pthread_sync/mutex.rs"],
    "cond": ["pthread_sync/cond.rs"],
    "rwlock": ["pthread_sync/rwlock.rs"],
    "spin": ["pthread_sync/spin.rs"],
    "barrier": ["pthread_sync/barrier.rs"],
    "once": ["pthread_sync/once.rs"],
    "sem": ["semaphore.rs"],
}
SHARED_FILES = {"pthread_sync/c11.rs": {"mtx_": "mutex", "cnd_": "cond", "call_once": "once"}}
# Files of which only some names are exported: of <wchar.h>, the wide string functions (the
# multibyte conversions follow the locale and keep state, both glibc's there).
ONLY = {"wchar.rs": r"^(wcs|wcp|wmem)"}

EXCLUDED = {
    # They follow the locale, which is glibc's in a glibc process (ours would stay "C").
    "strcoll": "locale", "strxfrm": "locale", "strcasecmp": "locale", "strncasecmp": "locale",
    "strcasestr": "locale",
    "wcscoll": "locale", "wcsxfrm": "locale", "wcsrtombs": "locale", "wcsnrtombs": "locale",
    "wcstombs": "locale",
    # They take a locale_t, whose layout is glibc's there.
    "strcasecmp_l": "locale_t", "strncasecmp_l": "locale_t",
    # Process termination stays glibc's (its message, its abort).
    "__chk_fail": "exit",
}

# Second names glibc exports: the allocator's `__libc_*` (which programs call to reach "the
# real malloc") and `cfree`, and for binaries linked long ago (compatibility versions only)
# `__pthread_*` from the days of a separate libpthread and the `_np` spellings. Each gets the
# first name's entry, so that no block or object meets glibc's function.
ALIASES = {f"__pthread_{n}": f"pthread_{n}" for n in [
    "mutex_destroy", "mutex_init", "mutex_lock", "mutex_trylock", "mutex_unlock",
    "mutexattr_destroy", "mutexattr_init", "mutexattr_settype", "once",
    "rwlock_destroy", "rwlock_init", "rwlock_rdlock", "rwlock_tryrdlock", "rwlock_trywrlock",
    "rwlock_unlock", "rwlock_wrlock"]}
ALIASES.update({f"__libc_{n}": n for n in ["malloc", "free", "calloc", "realloc", "memalign", "valloc", "pvalloc"]})
ALIASES.update({
    "cfree": "free",
    "pthread_mutex_consistent_np": "pthread_mutex_consistent",
    "pthread_mutexattr_getkind_np": "pthread_mutexattr_gettype",
    "pthread_mutexattr_setkind_np": "pthread_mutexattr_settype",
    "pthread_mutexattr_getrobust_np": "pthread_mutexattr_getrobust",
    "pthread_mutexattr_setrobust_np": "pthread_mutexattr_setrobust",
})

# The sync families are whole when every function glibc exports under their prefixes is ours
# (else glibc's would work on our objects). Those not implemented yet, which stay glibc's:
SYNC_PREFIXES = r"^(__)?(pthread_(mutex|mutexattr|cond|condattr|rwlock|rwlockattr|spin|barrier|barrierattr|once)_|pthread_once$|sem_|mtx_|cnd_|call_once$)"
KNOWN_GAPS = {"pthread_mutex_getprioceiling", "pthread_mutex_setprioceiling"}

# What the object may take from glibc (and the toolchain's weak hooks of crtbeginS.o).
IMPORTS = {"__errno_location", "pthread_key_create", "pthread_setspecific", "__register_atfork",
           "__cxa_finalize", "_ITM_registerTMCloneTable", "_ITM_deregisterTMCloneTable",
           "__gmon_start__"}


def shims(path):
    """The C names a shim file exports, in order."""
    names = []
    pending = False
    with open(path) as f:
        for line in f:
            m = re.search(r'export_name\s*=\s*"(\w+)"', line)
            if m:
                names.append(m.group(1))
                continue
            if "no_mangle" in line:
                pending = True
                continue
            m = re.search(r"\bfn (\w+)", line)
            if m and pending:
                names.append(m.group(1))
                pending = False
    return names


def exports():
    """[(name, family)] of everything exported."""
    out = []
    for family, files in FAMILIES.items():
        for f in files:
            out += [(n, family) for n in shims(os.path.join(ABI, f))
                    if n not in EXCLUDED and re.search(ONLY.get(f, ""), n)]
    for f, prefixes in SHARED_FILES.items():
        for n in shims(os.path.join(ABI, f)):
            family = next((fam for p, fam in prefixes.items() if n.startswith(p)), None)
            if family is None:
                sys.exit(f"link.py: {n} in {f} belongs to no family: add its prefix to SHARED_FILES")
            out.append((n, family))
    return out


def aliases(exported):
    """[(second name, first name, family)] for the ALIASES whose first name is exported."""
    family = dict(exported)
    return [(alias, name, family[name]) for alias, name in ALIASES.items() if name in family]


def entry_points(exported):
    """Assembly: the counting entry points, the counters and the family table."""
    s = ["\t.hidden rustcrt_stats_on", "\t.text"]
    for name, target, family in [(n, n, f) for n, f in exported] + aliases(exported):
        s += [f"\t.globl {name}", f"\t.type {name}, @function", f"\t.hidden __rustcrt_{target}",
              "\t.p2align 4", f"{name}:",
              "\tcmpb $0, rustcrt_stats_on(%rip)", "\tjne 1f", f"\tjmp __rustcrt_{target}",
              f"1:\tlock incq rustcrt_stats_{family}(%rip)", f"\tjmp __rustcrt_{target}",
              f"\t.size {name}, .-{name}"]
    s += ["\t.bss"]
    for family in FAMILIES:
        s += ["\t.p2align 6", f"rustcrt_stats_{family}:", "\t.zero 64"]
    s += ["\t.section .data.rel.ro,\"aw\"", "\t.p2align 3", "\t.globl rustcrt_stats_families",
          "\t.hidden rustcrt_stats_families", "rustcrt_stats_families:"]
    for family in FAMILIES:
        s += [f"\t.quad .Lname_{family}, rustcrt_stats_{family}"]
    s += ["\t.quad 0, 0", "\t.section .rodata.str1.1,\"aMS\",@progbits,1"]
    for family in FAMILIES:
        s += [f".Lname_{family}:", f"\t.asciz \"{family}\""]
    s += ["\t.section .note.GNU-stack,\"\",@progbits"]
    return "\n".join(s) + "\n"


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"link.py: {' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def dynamic_symbols(so, flag):
    return {l.split()[-1].split("@")[0] for l in run(["nm", "-D", flag, so]).splitlines() if l.strip()}


def main():
    lib, out = sys.argv[1], sys.argv[2]
    exported = exports()
    names = [n for n, _ in exported]
    defined = {l.split()[-1] for l in run(["nm", "--defined-only", lib]).splitlines()
               if re.search(r" [TW] ", l)}
    public = names + [a for a, _, _ in aliases(exported)]
    missing = [n for n in names if n not in defined]
    if missing:
        sys.exit("link.py: shims not in the archive: " + " ".join(missing))
    with tempfile.TemporaryDirectory() as tmp:
        renames = os.path.join(tmp, "renames")
        with open(renames, "w") as f:
            f.writelines(f"{n} __rustcrt_{n}\n" for n in names)
        renamed = os.path.join(tmp, "lib.a")
        run(["objcopy", f"--redefine-syms={renames}", lib, renamed])
        asm = os.path.join(tmp, "entries.s")
        with open(asm, "w") as f:
            f.write(entry_points(exported))
        script = os.path.join(tmp, "exports.map")
        with open(script, "w") as f:
            f.write("{\n  global:\n" + "".join(f"    {n};\n" for n in public) + "  local: *;\n};\n")
        run(["gcc", "-shared", "-o", out + ".tmp", asm, renamed, "-Wl,--version-script=" + script,
             "-Wl,--gc-sections", "-Wl,--strip-debug", "-Wl,--no-undefined", "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack",
             "-Wl,-soname,librustcrt_preload.so"])
    got = dynamic_symbols(out + ".tmp", "--defined-only")
    if got != set(public):
        sys.exit(f"link.py: exports differ: extra {sorted(got - set(public))}, missing {sorted(set(public) - got)}")
    if "no_tcb" in run(["nm", out + ".tmp"]):
        sys.exit("link.py: an exported function can reach thread::tcb::current, which does not exist"
                 " in a glibc process (give that path a preload variant)")
    libc = run(["gcc", "-print-file-name=libc.so.6"]).strip()
    gaps = {n for n in dynamic_symbols(libc, "--defined-only") if re.match(SYNC_PREFIXES, n)} - got - KNOWN_GAPS
    if gaps:
        sys.exit("link.py: glibc's sync functions missing here (a family must be whole): " + " ".join(sorted(gaps)))
    stray = dynamic_symbols(out + ".tmp", "--undefined-only") - IMPORTS
    if stray:
        sys.exit("link.py: unexpected imports: " + " ".join(sorted(stray)))
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
