"""The benchmark driver of rustcrt: builds bench/ for each libc, runs it, reports."""
